import { freemem, totalmem } from 'node:os';

export interface MemoryAvailable {
  availableBytes: number;
  totalBytes: number;
  availableRatio: number;
}

/**
 * Memory the machine can still give to processes (Linux MemAvailable, via libuv) against its
 * total. Inside a container this is the host's memory, not the container's limit (see the runbook).
 * @example memoryAvailable().availableRatio // 0.42
 */
export function memoryAvailable(
  read: { free: () => number; total: () => number } = { free: freemem, total: totalmem },
): MemoryAvailable {
  const totalBytes = read.total();
  const availableBytes = read.free();
  return {
    availableBytes,
    totalBytes,
    availableRatio: totalBytes > 0 ? availableBytes / totalBytes : 1,
  };
}
