import { describe, expect, it } from 'vitest';
import { parseMetricsText } from './parse-metrics-text.js';

describe('parseMetricsText', () => {
  it('reads samples with their labels and the declared types', () => {
    const result = parseMetricsText(
      [
        '# HELP legocity_broker_entities Entities stored.',
        '# TYPE legocity_broker_entities gauge',
        'legocity_broker_entities{tenant="default",type="Vehicle"} 12',
        'legocity_broker_entity_count_failures_total 0',
        '',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        types: new Map([['legocity_broker_entities', 'gauge']]),
        samples: [
          {
            labels: { __name__: 'legocity_broker_entities', tenant: 'default', type: 'Vehicle' },
            value: 12,
          },
          { labels: { __name__: 'legocity_broker_entity_count_failures_total' }, value: 0 },
        ],
      },
    });
  });

  it('unescapes label values and accepts a trailing comma', () => {
    const result = parseMetricsText('x{a="say \\"hi\\"\\n",b="back\\\\slash",} 1\n');
    expect(result.ok && result.value.samples[0]?.labels).toEqual({
      __name__: 'x',
      a: 'say "hi"\n',
      b: 'back\\slash',
    });
  });

  it('reads NaN (prom-client writes Nan), +Inf, -Inf, exponents, and ignores a timestamp', () => {
    const result = parseMetricsText('a NaN\nb +Inf\nc -Inf\nd 1.5e3 1700000000000\ne Nan\n');
    const values = result.ok ? result.value.samples.map((sample) => sample.value) : [];
    expect(values).toEqual([Number.NaN, Infinity, -Infinity, 1500, Number.NaN]);
  });

  it('reads the histograms prom-client writes', () => {
    const result = parseMetricsText(
      [
        '# TYPE h histogram',
        'h_bucket{le="0.1",route="/x"} 3',
        'h_bucket{le="+Inf",route="/x"} 4',
        'h_sum{route="/x"} 0.7',
        'h_count{route="/x"} 4',
      ].join('\n'),
    );
    expect(result.ok && result.value.samples.map((sample) => sample.labels.le)).toEqual([
      '0.1',
      '+Inf',
      undefined,
      undefined,
    ]);
  });

  it('fails with the line number when a line is malformed', () => {
    expect(parseMetricsText('ok 1\nbad{a=1} 2\n')).toEqual({
      ok: false,
      error: 'Metrics text is invalid at line 2: label \'a\' needs ="value"',
    });
    expect(parseMetricsText('x abc')).toEqual({
      ok: false,
      error: 'Metrics text is invalid at line 1: the value must be one number',
    });
    expect(parseMetricsText('x{a="open 1')).toMatchObject({ ok: false });
  });
});
