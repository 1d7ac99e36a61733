/**
 * Creates the dashboard's read key on the demo broker through its key API (read scope on the
 * tenant: queries, temporal queries and the layer subscriptions of live layers).
 * @example const readKey = await createDemoReadKey({ brokerUrl, adminKey, tenant: undefined });
 */
export async function createDemoReadKey(options: {
  brokerUrl: string;
  adminKey: string;
  tenant: string | undefined;
  fetch?: typeof fetch;
}): Promise<string> {
  const response = await (options.fetch ?? fetch)(new URL('/admin/keys', options.brokerUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${options.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      // Unique: a start interrupted after this call makes another key rather than fail on the name.
      name: `dashboard-read-${Date.now().toString(36)}`,
      scopes: [{ access: 'read', tenants: [options.tenant ?? 'default'] }],
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => ({}))) as { key?: unknown; detail?: unknown };
  if (response.status !== 201 || typeof body.key !== 'string') {
    throw new Error(
      `the broker refused to create the dashboard's read key: HTTP ${response.status}` +
        (typeof body.detail === 'string' ? ` (${body.detail})` : ''),
    );
  }
  return body.key;
}
