/**
 * One server-sent event (HTML Living Standard §9.2): `event:` line, one `data:` line per line of
 * the payload, a blank line. JSON payloads have no raw newlines, so they take one line.
 * @example formatSseFrame('update', { layerId: 'air' }) // 'event: update\ndata: {"layerId":"air"}\n\n'
 */
export function formatSseFrame(event: string, data: unknown): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  const lines = text.split(/\r\n|\r|\n/).map((line) => `data: ${line}`);
  return `event: ${event.replace(/[\r\n]/g, '')}\n${lines.join('\n')}\n\n`;
}

/**
 * An SSE comment: ignored by EventSource, but keeps proxies from closing an idle connection.
 * @example formatSseComment('heartbeat') // ': heartbeat\n\n'
 */
export function formatSseComment(text: string): string {
  return `: ${text.replace(/[\r\n]/g, ' ')}\n\n`;
}
