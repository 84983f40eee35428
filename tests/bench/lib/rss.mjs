// Resident memory of a process, read from /proc (Linux).
import { readFileSync } from 'node:fs';

/** VmRSS of `pid` in MB (MiB). */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for pid ${pid}`);
  return kb / 1024;
}

/** Samples RSS every `everyMs` for `forMs`; returns the samples in MB. */
export async function sampleRss(pid, { forMs = 3000, everyMs = 250 } = {}) {
  const samples = [];
  const end = Date.now() + forMs;
  while (Date.now() < end) {
    samples.push(rssMb(pid));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return samples;
}
