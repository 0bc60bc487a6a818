import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time and memory of one process, read from /proc (Linux only, no dependency). */
export interface ProcSample {
  /** CPU time consumed so far by all its threads, in milliseconds (see `schedstatCpuMs`). */
  cpuMs: number;
  /** Resident set size now, in bytes. */
  rssBytes: number;
  /** Peak resident set size since the process started (VmHWM), in bytes. */
  peakRssBytes: number;
}

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second (`getconf CLK_TCK`, almost always 100). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Reads a `VmXXX:   1234 kB` line of /proc/<pid>/status, in bytes. */
function statusKb(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
}

/**
 * CPU time of every thread of a process from `/proc/<pid>/task/<tid>/schedstat`, in ms with
 * nanosecond resolution; undefined where the kernel does not keep it. The clock-tick figure of
 * `/proc/<pid>/stat` moves in 10 ms steps: too coarse for a server that spends a few
 * milliseconds on a small run. Threads that have exited are not counted; a Node server's threads
 * (main, V8 platform, libuv pool) live as long as it does.
 */
function schedstatCpuMs(pid: number): number | undefined {
  try {
    let total = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const line = readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8');
      total += Number(line.split(' ')[0]);
    }
    return Number.isFinite(total) && total > 0 ? total / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a live process; undefined once it has exited. */
export function sampleProcess(pid: number): ProcSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      cpuMs: schedstatCpuMs(pid) ?? ((utime + stime) * 1000) / clockTicks(),
      rssBytes: statusKb(status, 'VmRSS'),
      peakRssBytes: statusKb(status, 'VmHWM'),
    };
  } catch {
    return undefined;
  }
}

/** CPU use between two samples, in percent of one core. */
export function cpuPercent(before: ProcSample, after: ProcSample, wallMs: number): number {
  return wallMs <= 0 ? 0 : ((after.cpuMs - before.cpuMs) / wallMs) * 100;
}
