import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

/**
 * A generated file as Prettier would write it at `file` (from the repository root), so
 * `npm run format:check` and the staleness tests agree with the generator.
 * @example writeFileSync(path, await formatForRepo(renderDashboard(), 'deploy/grafana/legocity.json'))
 */
export async function formatForRepo(text: string, file: string): Promise<string> {
  const path = fileURLToPath(new URL(`../../${file}`, import.meta.url));
  const options = (await resolveConfig(path)) ?? {};
  return format(text, { ...options, filepath: path });
}
