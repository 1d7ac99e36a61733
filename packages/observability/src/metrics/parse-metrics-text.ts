/** The label holding a sample's metric name, as in Prometheus. */
export const METRIC_NAME = '__name__';

/** A sample's labels, its name under `__name__`. */
export type Labels = Readonly<Record<string, string>>;

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

/** One sample line: its labels (with `__name__`) and value. */
export interface ParsedSample {
  labels: Labels;
  value: number;
}

export interface ParsedMetrics {
  /** Declared families (`# TYPE`), by name: what a target exports, even with no sample yet. */
  types: Map<string, MetricType>;
  samples: ParsedSample[];
}

export type ParseMetricsResult = { ok: true; value: ParsedMetrics } | { ok: false; error: string };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set<string>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/**
 * Parses the Prometheus text exposition format (version 0.0.4): `# TYPE` lines, and samples
 * `name{label="value",…} value [timestamp]` with `\\`, `\"` and `\n` escapes and `NaN`/`±Inf`.
 * Timestamps are ignored: the scrape time is used, as Prometheus does for our exporters.
 * The first malformed line makes the whole text fail, with its line number.
 * @example parseMetricsText('# TYPE up gauge\nup{job="broker"} 1\n')
 */
export function parseMetricsText(text: string): ParseMetricsResult {
  const types = new Map<string, MetricType>();
  const samples: ParsedSample[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const type = /^#\s*TYPE\s+(\S+)\s+(\S+)/.exec(line);
      if (type?.[1] && type[2] && TYPES.has(type[2])) types.set(type[1], type[2] as MetricType);
      continue;
    }
    const sample = parseSampleLine(line);
    if (typeof sample === 'string') {
      return { ok: false, error: `Metrics text is invalid at line ${index + 1}: ${sample}` };
    }
    samples.push(sample);
  }
  return { ok: true, value: { types, samples } };
}

function parseSampleLine(line: string): ParsedSample | string {
  const name = NAME.exec(line)?.[0];
  if (name === undefined) return 'a metric name must start the line';
  const labels: Record<string, string> = { [METRIC_NAME]: name };
  let rest = line.slice(name.length);
  if (rest.startsWith('{')) {
    const parsed = parseLabels(rest.slice(1), labels);
    if (typeof parsed === 'string') return parsed;
    rest = parsed.rest;
  }
  const fields = rest.trim().split(/\s+/);
  const value = parseValue(fields[0] ?? '');
  if (value === undefined || fields.length > 2) return 'the value must be one number';
  return { labels, value };
}

function parseLabels(text: string, into: Record<string, string>): { rest: string } | string {
  let rest = text.trimStart();
  while (!rest.startsWith('}')) {
    const name = LABEL_NAME.exec(rest)?.[0];
    if (name === undefined) return 'a label name is expected';
    rest = rest.slice(name.length).trimStart();
    if (!rest.startsWith('="')) return `label '${name}' needs ="value"`;
    const value = readQuoted(rest.slice(2));
    if (value === undefined) return `label '${name}' has an unterminated value`;
    into[name] = value.text;
    rest = value.rest.trimStart();
    if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
    else if (!rest.startsWith('}')) return 'labels must be separated by commas';
  }
  return { rest: rest.slice(1) };
}

function readQuoted(text: string): { text: string; rest: string } | undefined {
  let value = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') return { text: value, rest: text.slice(i + 1) };
    if (char === '\\') {
      const next = text[i + 1];
      value += next === 'n' ? '\n' : (next ?? '');
      i += 1;
    } else {
      value += char;
    }
  }
  return undefined;
}

/** Values as Go's ParseFloat reads them: NaN and Inf in any case (prom-client writes `Nan`). */
function parseValue(text: string): number | undefined {
  if (/^nan$/i.test(text)) return Number.NaN;
  if (/^\+?inf(inity)?$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
