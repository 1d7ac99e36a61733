/**
 * Child process of the SIGKILL test in outbox.test.ts: enqueue records with a long fsync interval,
 * say how many were acknowledged, then keep writing until killed.
 */
import { openOutbox } from './outbox.js';

const dataDir = process.argv[2] ?? '';
const outbox = await openOutbox({ dataDir, sourceId: 'killed', fsyncIntervalMs: 60_000 });
let n = 0;
for (; n < 1000; n += 1) {
  await outbox.enqueue([{ id: `urn:ngsi-ld:Thing:${n}`, type: 'Thing' }]);
}
process.stdout.write(`enqueued ${n}\n`);
for (;;) {
  await outbox.enqueue([{ id: `urn:ngsi-ld:Thing:${n}`, type: 'Thing' }]);
  n += 1;
}
