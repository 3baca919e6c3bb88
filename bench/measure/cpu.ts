/**
 * CPU time of this Node process and of the PostgreSQL server (postmaster,
 * its backends and helpers, and backends that already exited, which the
 * postmaster has reaped), read from /proc. PostgreSQL's figure is only
 * available when the server runs on this machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** [ppid, utime+stime, cutime+cstime] in ms, or undefined when the process is gone. */
function stat(pid: number): [number, number, number] | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // after "pid (comm) ": state=0 ppid=1 ... utime=11 stime=12 cutime=13 cstime=14
    const ms = (ticks: number) => (ticks * 1000) / TICKS;
    return [Number(fields[1]), ms(Number(fields[11]) + Number(fields[12])), ms(Number(fields[13]) + Number(fields[14]))];
  } catch {
    return undefined;
  }
}

/** The postmaster of a backend pid (its parent), if it runs here. */
export function postmasterOf(backendPid: number): number | undefined {
  return stat(backendPid)?.[0];
}

/** Milliseconds of CPU used so far by the server whose postmaster is `postmaster` (itself, live children, reaped children). */
export function postgresCpuMs(postmaster: number | undefined): number | undefined {
  if (!postmaster) return undefined;
  const own = stat(postmaster);
  if (!own) return undefined;
  let total = own[1] + own[2];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s && s[0] === postmaster) total += s[1];
  }
  return total;
}

/** Milliseconds of CPU this process (all its threads) used so far. */
export function nodeCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Milliseconds of CPU used so far by another process of this machine (a child engine). */
export function processCpuMs(pid: number): number | undefined {
  const s = stat(pid);
  return s ? s[1] : undefined;
}
