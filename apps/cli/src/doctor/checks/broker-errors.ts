import { ok, problem, type Check } from '../finding.js';

const CHECK = 'broker-errors';

/** Playbook "broker errors": the broker answers and is ready. */
export const brokerErrors: Check = ({ status }) => {
  const broker = status.components.find((c) => c.name === 'broker');
  if (!broker) return [];
  switch (broker.state) {
    case 'unreachable':
      return [
        problem(
          CHECK,
          'fail',
          `The broker at ${broker.url} does not answer: ${broker.error ?? 'no answer'}`,
          'Start it (`npm start`, or your service manager), then read its log for the reason it stopped.',
        ),
      ];
    case 'down':
      return [
        problem(
          CHECK,
          'fail',
          `The broker answers but is not ready: ${broker.problems.join('; ')}`,
          'A failing `database` check means PostgreSQL (or the embedded data folder) is unavailable: check the database, its disk and LEGOCITY_BROKER_DATABASE_URL.',
        ),
      ];
    case 'degraded':
      return [
        problem(
          CHECK,
          'warn',
          `The broker is ready but a check fails: ${broker.problems.join('; ')}`,
          'Read the broker log for the failing check.',
        ),
      ];
    default:
      return [ok(CHECK, `The broker is ready (${broker.version ?? 'unknown version'})`)];
  }
};
