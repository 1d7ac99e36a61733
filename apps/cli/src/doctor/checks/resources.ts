import { ok, problem, type Check, type Finding } from '../finding.js';

const DISK = 'disk-pressure';
const MEMORY = 'memory-pressure';
const GIB = 1024 ** 3;

/** Free disk under the data folder, and available memory: warn under 20 %, fail under 10 %. */
export const resources: Check = ({ disk, memory }) => {
  const findings: Finding[] = [];
  if ('error' in disk)
    findings.push(
      problem(
        DISK,
        'warn',
        `Disk space unknown: ${disk.error}`,
        'Create the data folder, or set LEGOCITY_CLI_DATA_DIR.',
      ),
    );
  else
    findings.push(
      judge(
        DISK,
        `Disk under ${disk.path}`,
        disk.availableBytes,
        disk.totalBytes,
        'Free space: shorten LEGOCITY_BROKER_HISTORY_RETENTION, prune old backups (retention), move the data folder to a larger disk.',
      ),
    );
  findings.push(
    judge(
      MEMORY,
      'Memory',
      memory.availableBytes,
      memory.totalBytes,
      'Find the process using it (`legocity status`, /metrics *_process_resident_memory_bytes); restart it, then report a leak with its metrics.',
    ),
  );
  return findings;
};

function judge(
  check: string,
  what: string,
  available: number,
  total: number,
  action: string,
): Finding {
  const ratio = total > 0 ? available / total : 1;
  const text = `${what}: ${(available / GIB).toFixed(1)} GiB of ${(total / GIB).toFixed(1)} GiB available (${Math.round(ratio * 100)} %)`;
  if (ratio < 0.1) return problem(check, 'fail', text, action);
  if (ratio < 0.2) return problem(check, 'warn', text, action);
  return ok(check, text);
}
