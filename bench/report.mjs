/**
 * Turns a run's raw results into the summary: a text table for the terminal, a Markdown table
 * for the README, and the list of problems that make a run invalid.
 */

/** Orion-LD's published figures: 2 CPUs for the broker, MongoDB on 8 more. */
const ORION = { patch: '≈3,500 updates/s', get: '≈7,700 GETs/s', query: '3,500–5,000 queries/s' };
const BATCH_TARGET = 0.4;

/** Every reason the figures of this run cannot be trusted (empty = valid). */
export function problemsOf(results) {
  const problems = [];
  for (const pass of [...results.batch.baseline, ...results.batch.broker]) {
    const failed = Object.entries(pass.statuses).filter(
      ([status]) => !['ok', '201', '204'].includes(status),
    );
    if (failed.length > 0 || pass.errors.length > 0) {
      problems.push(
        `${pass.target} batch pass ${pass.pass}: ${JSON.stringify(pass.statuses)} ${pass.errors.join(' | ')}`,
      );
    }
  }
  const http = [
    ...Object.values(results.http.noop).map((r) => ['no-op', r]),
    ...Object.values(results.http.broker).map((r) => ['broker', r]),
  ];
  for (const [server, r] of http) {
    if (r.unexpected > 0 || r.connectionErrors > 0 || r.timeouts > 0) {
      problems.push(
        `${server} ${r.scenario}: ${r.unexpected} responses not ${r.expectedStatus} ${JSON.stringify(r.statuses)}, ` +
          `${r.connectionErrors} connection errors, ${r.timeouts} timeouts; ${r.samples.join(' | ')}`,
      );
    }
  }
  if (results.mqtt && !results.mqtt.zeroLoss)
    problems.push(
      `MQTT: ${results.mqtt.notAcknowledged} measures not acknowledged, ${results.mqtt.rejected} rejected, ` +
        `${results.mqtt.devicesNotUpToDate} devices not up to date in the broker`,
    );
  return problems;
}

/** The summary rows: figure, value, baseline, ratio, target, Orion-LD reference. */
export function summaryRows(results) {
  const { batch, http } = results;
  const rows = [];
  const [base1, base2] = batch.baseline;
  const [broker1, broker2] = batch.broker;
  const bothPasses = (passes) => (2 * passes[0].entities) / (passes[0].seconds + passes[1].seconds);
  const batchRow = (figure, value, baseline) =>
    rows.push([
      figure,
      `${int(value)} entities/s`,
      `${int(baseline)} rows/s (raw pg)`,
      pct(value / baseline),
      `≥ ${pct(BATCH_TARGET)}`,
      '—',
    ]);
  batchRow('Batch upsert, both passes', bothPasses(batch.broker), bothPasses(batch.baseline));
  const batchLatency = (ours, baseline) =>
    rows.push([
      '  batch latency p50 / p99',
      `${ms(ours.batchLatencyMs.p50)} / ${ms(ours.batchLatencyMs.p99)} ms`,
      `${ms(baseline.batchLatencyMs.p50)} / ${ms(baseline.batchLatencyMs.p99)} ms`,
      '',
      '',
      '',
    ]);
  batchRow('Batch upsert, pass 1 (create)', broker1.perSecond, base1.perSecond);
  batchLatency(broker1, base1);
  batchRow('Batch upsert, pass 2 (update)', broker2.perSecond, base2.perSecond);
  batchLatency(broker2, base2);

  const httpRow = (figure, scenario, noopScenario) => {
    const ours = http.broker[scenario];
    const noop = http.noop[noopScenario];
    rows.push([
      figure,
      `${int(ours.perSecond)} req/s`,
      `${int(noop.perSecond)} req/s (no-op ${noopScenario.toUpperCase()})`,
      pct(ours.perSecond / noop.perSecond),
      '—',
      ORION[scenario],
    ]);
    rows.push([
      `  latency p50 / p99`,
      `${ms(ours.latencyMs.p50)} / ${ms(ours.latencyMs.p99)} ms`,
      `${ms(noop.latencyMs.p50)} / ${ms(noop.latencyMs.p99)} ms`,
      '',
      '',
      '',
    ]);
  };
  httpRow('PATCH /entities/{id}/attrs', 'patch', 'patch');
  httpRow('GET /entities/{id}', 'get', 'get');
  httpRow('GET /entities?type&q&near', 'query', 'get');
  rows.push([
    'Broker max RSS under load',
    `${mib(Math.max(batch.maxRssKib, http.maxRssKib))} MiB`,
    `batch phase ${mib(batch.maxRssKib)} MiB, HTTP phases ${mib(http.maxRssKib)} MiB`,
    '',
    '',
    '',
  ]);
  return rows;
}

/**
 * CPU milliseconds per request (or per entity) by process: where the cores went. The last column
 * is the share of the machine that processes outside this run took meanwhile.
 */
export function cpuRows(results) {
  const cores = results.environment.cores;
  const line = (label, cpu, count) => [
    label,
    perUnit(cpu.serverSeconds, count),
    perUnit(cpu.postgresSeconds, count),
    perUnit(cpu.loadGeneratorSeconds, count),
    pct(cpu.otherSeconds / (cpu.wallSeconds * cores)),
  ];
  const rows = [];
  for (const pass of results.batch.broker)
    rows.push(line(`broker batch pass ${pass.pass} (per entity)`, pass.cpu, pass.entities));
  for (const pass of results.batch.baseline)
    rows.push(line(`raw pg pass ${pass.pass} (per row)`, pass.cpu, pass.entities));
  for (const [scenario, r] of Object.entries(results.http.broker))
    rows.push(line(`broker ${scenario} (per request)`, r.cpu, r.requests));
  for (const [scenario, r] of Object.entries(results.http.noop))
    rows.push(line(`no-op ${scenario} (per request)`, r.cpu, r.requests));
  return rows;
}

/** Phases during which other processes took more than 10% of the machine. */
export function busyPhases(results) {
  const cores = results.environment.cores;
  return cpuRows(results)
    .filter((row) => Number.parseInt(row[4], 10) > 10)
    .map((row) => `${row[0].replace(/ \(per .*\)$/, '')}: ${row[4]}`)
    .concat(
      results.environment.loadAverageBefore > 0.5 * cores
        ? [`load average before the run: ${results.environment.loadAverageBefore}`]
        : [],
    );
}

export const SUMMARY_HEADER = [
  'figure',
  'value',
  'baseline',
  'ratio',
  'target',
  'Orion-LD (2 CPUs + MongoDB on 8)',
];
export const CPU_HEADER = [
  'CPU ms',
  'server (broker / no-op)',
  'PostgreSQL',
  'load generator',
  'other processes (% of machine)',
];

/** A table with aligned columns for the terminal. */
export function textTable(header, rows) {
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => String(row[column]).length)),
  );
  const format = (row) =>
    row
      .map((cell, column) => String(cell).padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [
    format(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(format),
  ].join('\n');
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(header, rows) {
  const format = (row) =>
    `| ${row.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [format(header), format(header.map(() => '---')), ...rows.map(format)].join('\n');
}

const int = (value) => Math.round(value).toLocaleString('en-US');
// Small ratios keep a decimal: 0.2% and 0% say different things.
const pct = (ratio) => `${ratio < 0.1 ? (ratio * 100).toFixed(1) : Math.round(ratio * 100)}%`;
const ms = (value) => value.toFixed(value < 10 ? 2 : 1);
const mib = (kib) => Math.round(kib / 1024);
const perUnit = (seconds, count) =>
  seconds === undefined || count === 0 ? '—' : ((seconds * 1000) / count).toFixed(3);
