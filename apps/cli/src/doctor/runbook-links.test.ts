import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routineFindings } from '../routine/routine-checks.js';
import { component, healthyContext, source } from './doctor-context.test-support.js';
import { runDoctor } from './run-doctor.js';

const root = new URL('../../../../', import.meta.url);

/** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(new URL(file, root), 'utf8');
  return new Set(
    [...text.matchAll(/^#{2,3} (.+)$/gm)].map((match) =>
      match[1]!
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('the runbook link of every doctor and routine finding', () => {
  it('points at a section that exists', () => {
    const failing = healthyContext({
      status: {
        components: [
          component('broker', { state: 'unreachable' }),
          component('dashboard', { state: 'unreachable' }),
        ],
        sources: [source('weather', { staleness: 'down' })],
        entities: { byTenant: {} },
        alerts: { error: 'unreachable' },
      },
      lastBackup: { missing: true },
      keys: { error: 'no key' },
      disk: { error: 'ENOENT' },
    });
    const findings = [
      ...runDoctor(healthyContext()).findings,
      ...runDoctor(failing).findings,
      ...routineFindings('monthly', { ...failing, lastVerify: { missing: true } }),
    ];
    const links = new Set(findings.map((finding) => finding.runbook));
    expect(links.size).toBeGreaterThan(8);
    for (const link of links) {
      const [file, anchor] = link.split('#');
      expect(anchorsOf(file!), link).toContain(anchor);
    }
  });
});
