import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * What the processes of a run cost, read from Linux's /proc: resident memory of the broker and
 * CPU time of the broker, the PostgreSQL server and the load generator. On a 2-core machine
 * shared by all three, CPU time per request says more than throughput alone.
 */

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** Resident set size of a process in KiB (VmRSS), or undefined once it has exited. */
export function rssKib(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sample a process's RSS every `intervalMs` until stop(), which returns the largest sample.
 * @example const sampler = sampleRss(broker.pid); …; const { maxKib } = sampler.stop();
 */
export function sampleRss(pid, intervalMs = 200) {
  let maxKib = rssKib(pid) ?? 0;
  const timer = setInterval(() => {
    maxKib = Math.max(maxKib, rssKib(pid) ?? 0);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      maxKib = Math.max(maxKib, rssKib(pid) ?? 0);
      return { maxKib };
    },
  };
}

/** CPU seconds (user + system) used so far by one process, or 0 once it has exited. */
function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by every process named `postgres` (server, backends, workers). */
function postgresCpuSeconds() {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSecondsOf(entry);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return total;
}

/**
 * Start measuring CPU of the broker (if a pid is given), PostgreSQL and this process; stop()
 * returns seconds used by each in between. Call it while PostgreSQL's connections are open:
 * a backend that exits before stop() takes its CPU time with it.
 */
export function measureCpu(brokerPid) {
  const start = { broker: brokerPid ? cpuSecondsOf(brokerPid) : 0, postgres: postgresCpuSeconds(), self: process.cpuUsage() };
  return {
    stop() {
      const self = process.cpuUsage(start.self);
      return {
        brokerSeconds: brokerPid ? cpuSecondsOf(brokerPid) - start.broker : undefined,
        postgresSeconds: postgresCpuSeconds() - start.postgres,
        loadGeneratorSeconds: (self.user + self.system) / 1e6,
      };
    },
  };
}
