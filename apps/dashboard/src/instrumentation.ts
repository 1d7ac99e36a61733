/**
 * Next's start-up hook: runs once per server process before it serves requests. The Node part
 * (Payload, the demo seed) is imported inside the runtime test, so the Edge compilation of this
 * file drops it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startDashboard } = await import('./server/start-dashboard.js');
    await startDashboard();
  }
}
