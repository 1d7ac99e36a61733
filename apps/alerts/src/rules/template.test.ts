import { describe, expect, it } from 'vitest';
import { formatG4, humanize, humanizeDuration, renderTemplate } from './template.js';

describe('renderTemplate', () => {
  it('fills in labels and the value with Prometheus formatting', () => {
    const text = renderTemplate(
      '{{ $value | humanizePercentage }} of {{ $labels.instance }} ({{ $labels.missing }})',
      { labels: { instance: '127.0.0.1:1026' }, value: 0.1234567 },
    );
    expect(text).toBe('12.35% of 127.0.0.1:1026 ()');
  });

  it('refuses template actions Prometheus would render differently', () => {
    expect(() => renderTemplate('{{ $value | printf "%.2f" }}', { labels: {}, value: 1 })).toThrow(
      /not supported/,
    );
  });
});

describe('humanize functions', () => {
  it('format like Go %.4g', () => {
    expect(formatG4(0.25)).toBe('0.25');
    expect(formatG4(100)).toBe('100');
    expect(formatG4(12345)).toBe('1.234e+04');
    expect(formatG4(0.00001)).toBe('1e-05');
    expect(formatG4(1 / 3)).toBe('0.3333');
  });

  it('humanize with SI prefixes', () => {
    expect(humanize(1234567)).toBe('1.235M');
    expect(humanize(0.005)).toBe('5m');
    expect(humanize(0)).toBe('0');
  });

  it('humanizeDuration in days, hours, minutes and seconds', () => {
    expect(humanizeDuration(94_200)).toBe('1d 2h 10m 0s');
    expect(humanizeDuration(125)).toBe('2m 5s');
    expect(humanizeDuration(42.5)).toBe('42.5s');
    expect(humanizeDuration(0.5)).toBe('500ms');
  });
});
