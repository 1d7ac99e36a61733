import type { ConfigRow } from './describe-config.js';

/**
 * Renders rows as a Markdown table. Secrets mention `<NAME>_FILE`, the way they should be set.
 * @example
 * formatConfigTable(describeConfig(schema))
 * // | Variable | Type | Default | Description |
 * // | --- | --- | --- | --- |
 * // | `LEGOCITY_BROKER_PORT` | integer (1–65535) | `1026` | Port the broker listens on. |
 */
export function formatConfigTable(rows: readonly ConfigRow[]): string {
  const lines = ['| Variable | Type | Default | Description |', '| --- | --- | --- | --- |'];
  for (const row of rows) {
    const variable = row.isSecret
      ? `\`${row.variable}\` or \`${row.variable}_FILE\` (secret)`
      : `\`${row.variable}\``;
    lines.push(
      `| ${[variable, row.type, defaultCell(row), row.description].map(escapeCell).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function defaultCell(row: ConfigRow): string {
  if (row.default !== undefined) return row.default === '' ? '(empty)' : `\`${row.default}\``;
  return row.isRequired ? '**required**' : '(unset)';
}

// A pipe would end the cell and a newline the row.
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
