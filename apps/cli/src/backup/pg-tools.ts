import { spawn } from 'node:child_process';

/**
 * libpq environment variables for a connection URL, so that pg_dump and pg_restore connect
 * without the URL (and its password) ever appearing on a command line or in a process list.
 * @example pgEnv('postgres://cms:pw@db:5432/cms?sslmode=require') // { PGHOST: 'db', …, PGPASSWORD: 'pw', PGSSLMODE: 'require' }
 */
export function pgEnv(url: string, database?: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = {};
  const set = (name: string, value: string | null | undefined) => {
    if (value) env[name] = value;
  };
  set('PGHOST', parsed.searchParams.get('host') ?? decodeURIComponent(parsed.hostname));
  set('PGPORT', parsed.port || parsed.searchParams.get('port'));
  set('PGUSER', decodeURIComponent(parsed.username) || parsed.searchParams.get('user'));
  set('PGPASSWORD', decodeURIComponent(parsed.password) || parsed.searchParams.get('password'));
  set('PGDATABASE', database ?? decodeURIComponent(parsed.pathname.replace(/^\//, '')));
  set('PGSSLMODE', parsed.searchParams.get('sslmode'));
  set('PGSSLROOTCERT', parsed.searchParams.get('sslrootcert'));
  set('PGAPPNAME', 'legocity-cli');
  return env;
}

/** A URL for the same server and credentials with another database name (scratch databases). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Run a PostgreSQL client tool (pg_dump, pg_restore) with the connection in its environment;
 * rejects with the tool's last error lines (libpq never prints the password) and its exit code.
 * @example await runPgTool('pg_dump', ['--format=custom', '--file', target], pgEnv(url), process.env);
 */
export async function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  args: readonly string[],
  connection: Record<string, string>,
  baseEnv: NodeJS.ProcessEnv,
): Promise<void> {
  // Only the PATH and locale of the caller: no stray PG* variable may redirect the tool.
  const env = {
    ...(baseEnv.PATH !== undefined && { PATH: baseEnv.PATH }),
    ...(baseEnv.LANG !== undefined && { LANG: baseEnv.LANG }),
    ...connection,
  };
  let stderr = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(tool, ['--no-password', ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `${tool} is not installed: install the PostgreSQL client tools (15 or newer) and put them on the PATH`,
            )
          : error,
      ),
    );
    child.on('exit', resolve);
  });
  if (code !== 0) {
    const lines = stderr.trim().split('\n').slice(-5).join('\n    ');
    throw new Error(`${tool} failed (exit ${code ?? 'signal'}):\n    ${lines || '(no message)'}`);
  }
}
