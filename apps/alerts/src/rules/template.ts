import type { Labels } from '../history/labels.js';
import { messages } from '../messages.js';

const ACTION = /\{\{\s*(.*?)\s*\}\}/g;

/**
 * Renders the subset of Prometheus alert templates the rules use — `{{ $labels.name }}`,
 * `{{ $value }}` and `{{ $value | humanize }}`, `humanizePercentage`, `humanizeDuration` — the
 * way Prometheus renders them, so a webhook message reads the same from either evaluator.
 * Anything else throws: a rule must not ship a template one evaluator cannot render.
 * @example renderTemplate('{{ $value | humanizePercentage }} on {{ $labels.instance }}', { labels: { instance: 'a:1' }, value: 0.25 }) // '25% on a:1'
 */
export function renderTemplate(template: string, data: { labels: Labels; value: number }): string {
  return template.replace(ACTION, (_match, action: string) => {
    const label = /^\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(action);
    if (label?.[1]) return data.labels[label[1]] ?? '';
    const value = /^\$value(?:\s*\|\s*(\w+))?$/.exec(action);
    if (!value) throw new Error(messages.templateUnsupported(action));
    switch (value[1]) {
      case undefined:
        return String(data.value);
      case 'humanize':
        return humanize(data.value);
      case 'humanizePercentage':
        return `${formatG4(data.value * 100)}%`;
      case 'humanizeDuration':
        return humanizeDuration(data.value);
      default:
        throw new Error(messages.templateUnsupported(action));
    }
  });
}

const BIG = ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SMALL = ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];

/** Prometheus's `humanize`: SI prefixes, four significant digits (1234567 → '1.235M'). */
export function humanize(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return formatG4(value);
  let v = value;
  let prefix = '';
  if (Math.abs(v) >= 1) {
    for (const next of BIG) {
      if (Math.abs(v) < 1000) break;
      prefix = next;
      v /= 1000;
    }
  } else {
    for (const next of SMALL) {
      if (Math.abs(v) >= 1) break;
      prefix = next;
      v *= 1000;
    }
  }
  return `${formatG4(v)}${prefix}`;
}

/** Prometheus's `humanizeDuration` (seconds): '1d 2h 3m 4s', '2m 5s', '42s', '500ms'. */
export function humanizeDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return formatG4(seconds);
  if (seconds === 0) return '0s';
  if (Math.abs(seconds) >= 1) {
    const sign = seconds < 0 ? '-' : '';
    const whole = Math.trunc(Math.abs(seconds));
    const s = whole % 60;
    const m = Math.trunc(whole / 60) % 60;
    const h = Math.trunc(whole / 3600) % 24;
    const d = Math.trunc(whole / 86400);
    if (d !== 0) return `${sign}${d}d ${h}h ${m}m ${s}s`;
    if (h !== 0) return `${sign}${h}h ${m}m ${s}s`;
    if (m !== 0) return `${sign}${m}m ${s}s`;
    return `${sign}${formatG4(Math.abs(seconds))}s`;
  }
  let v = seconds;
  let prefix = '';
  for (const next of SMALL) {
    if (Math.abs(v) >= 1) break;
    prefix = next;
    v *= 1000;
  }
  return `${formatG4(v)}${prefix}s`;
}

/** Go's `%.4g`: four significant digits, no trailing zeros, exponent form past 1e4 or below 1e-4. */
export function formatG4(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return '0';
  const { mantissa, exponent } = fourDigits(value);
  if (exponent < -4 || exponent >= 4) {
    const digits = Math.abs(exponent).toString().padStart(2, '0');
    return `${trimZeros(mantissa)}e${exponent < 0 ? '-' : '+'}${digits}`;
  }
  return trimZeros(Number(`${mantissa}e${exponent}`).toFixed(3 - exponent));
}

/**
 * Rounds to four significant digits. JavaScript breaks an exact tie upwards (12345 → 1.235e4),
 * Go to the even digit (1.234e4): follow Go, so both evaluators print the same numbers.
 */
function fourDigits(value: number): { mantissa: string; exponent: number } {
  const [precise = '', preciseExponent = '0'] = value.toExponential(20).split('e');
  const sign = value < 0 ? '-' : '';
  const digits = precise.replace(/^-/, '').replace('.', '');
  const isTie = /^50*$/.test(digits.slice(4));
  if (isTie && Number(digits[3]) % 2 === 0) {
    return {
      mantissa: `${sign}${digits[0]}.${digits.slice(1, 4)}`,
      exponent: Number(preciseExponent),
    };
  }
  const [mantissa = '', exponent = '0'] = value.toExponential(3).split('e');
  return { mantissa, exponent: Number(exponent) };
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
