import type { CSSProperties } from 'react';

/** Inline styles on Payload's theme variables, so the tools follow light and dark mode. */
export const styles = {
  panel: {
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 'var(--style-radius-m, 4px)',
    padding: 'calc(var(--base) * 0.75)',
    marginBottom: 'var(--base)',
  },
  heading: { margin: '0 0 calc(var(--base) * 0.5)' },
  hint: { color: 'var(--theme-elevation-500)', margin: '0 0 calc(var(--base) * 0.5)' },
  list: { listStyle: 'none', padding: 0, margin: 'calc(var(--base) * 0.5) 0 0' },
  ok: { color: 'var(--theme-success-500)' },
  failed: { color: 'var(--theme-error-500)' },
  error: { color: 'var(--theme-error-500)', margin: 'calc(var(--base) * 0.5) 0' },
  table: { width: '100%', borderCollapse: 'collapse', marginBottom: 'var(--base)' },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: '6px 8px',
    borderBottom: '1px solid var(--theme-elevation-100)',
  },
  row: { display: 'flex', gap: 'calc(var(--base) * 0.5)', flexWrap: 'wrap', alignItems: 'end' },
  label: { display: 'flex', flexDirection: 'column', gap: 4, minWidth: 160 },
  input: {
    padding: '6px 8px',
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 'var(--style-radius-s, 3px)',
    background: 'var(--theme-input-bg, var(--theme-elevation-0))',
    color: 'var(--theme-text)',
    font: 'inherit',
  },
  secret: {
    width: '100%',
    fontFamily: 'monospace',
    padding: '6px 8px',
    border: '1px solid var(--theme-warning-500)',
    background: 'var(--theme-elevation-50)',
    color: 'var(--theme-text)',
  },
  warning: { color: 'var(--theme-warning-500)', fontWeight: 600 },
} satisfies Record<string, CSSProperties>;
