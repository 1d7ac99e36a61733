import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * What the processes of a run cost, read from Linux's /proc: resident memory of the broker and
 * CPU time of the server under test, PostgreSQL, the load generator and everything else. On a 2-core machine
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

/** PostgreSQL's shared background processes, which work for every database. */
const POSTGRES_BACKGROUND =
  /: (checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher|archiver|stats collector)\s*$/;

/**
 * CPU seconds used so far by the PostgreSQL processes working for `databaseName`: its backends
 * and autovacuum workers (their process title names the database), the shared background
 * processes and the postmaster. Backends of other databases (other people's tests on a shared
 * machine) are left out.
 */
function postgresCpuSeconds(databaseName) {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const ours = title.includes(` ${databaseName} `) || title.endsWith(` ${databaseName}`);
      if (ours || POSTGRES_BACKGROUND.test(title) || !title.startsWith('postgres:'))
        total += cpuSecondsOf(entry);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return total;
}

/** CPU seconds all cores have been busy so far (everything but idle and iowait in /proc/stat). */
function machineBusySeconds() {
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return (total - fields[3] - fields[4]) / CLOCK_TICKS;
}

/**
 * Start measuring CPU of the server under test (broker or no-op, if its pid is given), of
 * PostgreSQL for our database, of this process (the load generator), and of everything else on
 * the machine; stop() returns the seconds each used in between. `otherSeconds` is the CPU that
 * other people's processes took from this run: when it is large the figures understate.
 * Call it while PostgreSQL's connections are open: a backend that exits before stop() takes
 * its CPU time with it.
 */
export function measureCpu({ serverPid, databaseName }) {
  const read = () => ({
    server: serverPid ? cpuSecondsOf(serverPid) : 0,
    postgres: postgresCpuSeconds(databaseName),
    machine: machineBusySeconds(),
    self: process.cpuUsage(),
    at: process.hrtime.bigint(),
  });
  const start = read();
  return {
    stop() {
      const end = read();
      const self = process.cpuUsage(start.self);
      const used = {
        serverSeconds: serverPid ? end.server - start.server : undefined,
        // A backend that exited meanwhile takes its CPU time with it: never report less than 0.
        postgresSeconds: Math.max(0, end.postgres - start.postgres),
        loadGeneratorSeconds: (self.user + self.system) / 1e6,
        machineSeconds: end.machine - start.machine,
        wallSeconds: Number(end.at - start.at) / 1e9,
      };
      used.otherSeconds = Math.max(
        0,
        used.machineSeconds -
          (used.serverSeconds ?? 0) -
          used.postgresSeconds -
          used.loadGeneratorSeconds,
      );
      return used;
    },
  };
}

/**
 * Wait (at most `timeoutSeconds`) until the machine is quiet: less than `maxBusyShare` of its
 * CPU busy over one second. Called between phases, when this run's own processes are idle, so
 * what it sees is other people's work on a shared machine. Returns the busy share it last saw.
 */
export async function waitForQuietMachine({ maxBusyShare = 0.15, timeoutSeconds = 60, cores }) {
  if (timeoutSeconds <= 0) return undefined;
  const deadline = Date.now() + timeoutSeconds * 1000;
  let share = 1;
  let warned = false;
  while (Date.now() < deadline) {
    const before = machineBusySeconds();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    share = (machineBusySeconds() - before) / cores;
    if (share < maxBusyShare) return share;
    if (!warned)
      process.stderr.write(`  waiting for a quieter machine (${Math.round(share * 100)}% busy)…\n`);
    warned = true;
  }
  process.stderr.write(
    `  still ${Math.round(share * 100)}% busy after ${timeoutSeconds} s; measuring anyway\n`,
  );
  return share;
}
