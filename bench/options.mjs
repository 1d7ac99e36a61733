import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run bench -- [options]
  --quick                 short smoke run (10,000 entities, 3 s per HTTP phase)
  --entities N            entities loaded by the batch phase (default 100000)
  --duration S            seconds per HTTP phase (default 15)
  --connections C         concurrent HTTP connections (default 16)
  --batch-size N          entities per batch request / insert statement (default 1000)
  --batch-concurrency N   batches in flight at once, broker and baseline alike (default 2)
  --pool-size N           the broker's PostgreSQL pool (LEGOCITY_BROKER_DB_POOL_SIZE; default: the broker's)
  --database-url URL      server to create the scratch database on (default postgres://postgres@127.0.0.1:5432/postgres)
  --quiet-wait S          before each phase, wait up to S s for other processes to leave the CPUs (default 60; quick 10; 0 = off)
  --cpu-prof              write a V8 CPU profile of the broker (batch phase only) to bench/results/
  --explain               print EXPLAIN ANALYZE of the query phase's SQL
  --report FILE           print the summary of an earlier run's results JSON, run nothing
  --help`;

/**
 * Read the command line into one options object; every problem is reported at once.
 * @example const options = parseOptions(['--quick']); // { entities: 10000, durationSeconds: 3, … }
 */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      entities: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'batch-size': { type: 'string' },
      'batch-concurrency': { type: 'string' },
      'pool-size': { type: 'string' },
      'database-url': { type: 'string' },
      'quiet-wait': { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      report: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: USAGE };

  const problems = [];
  const integer = (name, fallback, min) => {
    const text = values[name];
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min)
      problems.push(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  const options = {
    quick: values.quick,
    entities: integer('entities', values.quick ? 10_000 : 100_000, 1),
    durationSeconds: integer('duration', values.quick ? 3 : 15, 1),
    // A short warm-up lets V8 optimise the hot paths and fills PostgreSQL's caches before timing.
    warmupSeconds: values.quick ? 1 : 3,
    connections: integer('connections', 16, 1),
    batchSize: integer('batch-size', 1000, 1),
    batchConcurrency: integer('batch-concurrency', 2, 1),
    poolSize: integer('pool-size', undefined, 1),
    quietWaitSeconds: integer('quiet-wait', values.quick ? 10 : 60, 0),
    serverUrl: values['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    cpuProfile: values['cpu-prof'],
    explain: values.explain,
    reportFile: values.report,
  };
  try {
    const url = new URL(options.serverUrl);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
      problems.push('--database-url must be a postgres:// URL');
  } catch {
    problems.push('--database-url is not a URL');
  }
  if (problems.length > 0) return { problems, help: USAGE };
  return { options };
}
