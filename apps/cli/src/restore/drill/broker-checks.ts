import { join } from 'node:path';
import { totalEntities } from '../../backup/build-manifest.js';
import type { BrokerSummary, Manifest } from '../../backup/manifest.js';
import { brokerAdmin, describeFailure } from '../../platform/broker-admin.js';
import { restoreBroker } from '../restore-broker.js';
import { compareBroker } from './compare-broker.js';
import { fail, pass, type DrillCheck } from './drill-report.js';

/**
 * Restore the archive's broker dump into the scratch broker, then compare its state (GET
 * /admin/backup/summary: every table's rows and SHA-256, entity counts) with the manifest.
 * @example const { checks, notes } = await brokerChecks({ brokerUrl, adminKey, extracted, manifest });
 */
export async function brokerChecks(options: {
  brokerUrl: string;
  adminKey: string;
  extracted: string;
  manifest: Manifest;
}): Promise<{ checks: DrillCheck[]; notes: string[] }> {
  const { manifest } = options;
  const restored = await restoreBroker({
    brokerUrl: options.brokerUrl,
    adminKey: options.adminKey,
    file: join(options.extracted, manifest.broker.dump),
    replace: false,
  });
  const checks = [
    pass(
      'broker restore',
      `${restored.tables.length} tables in ${(restored.durationMs / 1000).toFixed(1)} s`,
    ),
  ];
  const summary = await brokerAdmin(
    options.brokerUrl,
    options.adminKey,
    120_000,
  ).call<BrokerSummary>('GET', '/admin/backup/summary');
  if (!summary.ok || summary.status !== 200)
    return {
      checks: [
        ...checks,
        fail('broker state', `the scratch broker's summary failed: ${describeFailure(summary)}`),
      ],
      notes: [],
    };
  const comparison = compareBroker(manifest.broker.summary, summary.body, restored);
  checks.push(
    comparison.problems.length === 0
      ? pass(
          'broker state',
          `${manifest.broker.summary.tables.length} tables (rows, SHA-256) and ${totalEntities(manifest.broker.summary)} entities equal the manifest`,
        )
      : fail('broker state', comparison.problems.join('\n')),
  );
  return { checks, notes: comparison.notes };
}
