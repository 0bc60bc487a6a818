import { type ChildProcess, spawn } from 'node:child_process';
import {
  findReady,
  launchEnv,
  type MemoryReport,
  parseMemoryLine,
  type ServerKind,
  type ServerLaunch,
  type ServerReady,
} from './childProtocol';
import { type ProcSample, sampleProcess } from './procStats';

/** A server under test running in its own process, so that its CPU and memory can be read. */
export interface ChildServer {
  kind: ServerKind;
  pid: number;
  ready: ServerReady;
  /** CPU time and memory of the server process now; undefined once it has exited. */
  sample(): ProcSample | undefined;
  /** The last few kilobytes the server printed, for error reports. */
  output(): string;
  /** Asks the server for a memory report (after a full GC if started with --expose-gc). */
  memory(timeoutMs?: number): Promise<MemoryReport>;
  /** Starts V8's sampling profiler inside the server; resolves once it runs. */
  startProfile(timeoutMs?: number): Promise<void>;
  /** Stops the profiler and resolves once the server has written the profile to `file`. */
  stopProfile(file: string, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL at once (a crash: no shutdown, no lease released); resolves once it has exited. */
  kill(): Promise<void>;
}

const OUTPUT_KEEP = 8 * 1024;

/** Children still running: killed if the load generator exits, however it exits. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Starts the server of `kind` from its bundled script (see `bundleServers`) as a child process
 * on bare `node`, and resolves once it says it is ready.
 */
export async function startChildServer(
  kind: ServerKind,
  script: string,
  launch: ServerLaunch,
  options: { env?: Record<string, string>; nodeArgs?: string[]; startTimeoutMs?: number } = {},
): Promise<ChildServer> {
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    env: { ...process.env, ...launchEnv(launch), ...options.env, NODE_ENV: 'production' },
    // An IPC channel carries the profiler commands.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEEP);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const ready = await waitForReady(child, () => output, startTimeoutMs, kind);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${kind}: child has no pid`);
  return {
    kind,
    pid,
    ready,
    sample: () => sampleProcess(pid),
    output: () => output,
    memory: (timeoutMs = 10_000) => requestMemory(child, timeoutMs),
    startProfile: (timeoutMs = 10_000) => startProfile(child, timeoutMs),
    stopProfile: (file, timeoutMs = 10_000) => stopProfile(child, file, timeoutMs),
    stop: () => stopChild(child),
    kill: () => killChild(child),
  };
}

function waitForReady(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
  kind: ServerKind,
): Promise<ServerReady> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${kind}: ${message}\n${output()}`));
    };
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    const onData = () => {
      const ready = findReady(output());
      if (ready) {
        cleanup();
        resolve(ready);
      }
    };
    const onExit = (code: number | null) => fail(`exited with code ${code} before it was ready`);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    // Listeners run in registration order, so `keep` has stored the chunk before `onData` reads.
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function requestMemory(child: ChildProcess, timeoutMs: number): Promise<MemoryReport> {
  return new Promise((resolve, reject) => {
    let partial = '';
    const onData = (chunk: Buffer) => {
      partial += chunk.toString();
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const report = parseMemoryLine(line);
        if (report) {
          cleanup();
          resolve(report);
          return;
        }
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no memory report within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
    };
    child.stdout?.on('data', onData);
    child.kill('SIGUSR2');
  });
}

function startProfile(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if ((message as { profiling?: unknown }).profiling !== true) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the profiler did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
    };
    child.on('message', onMessage);
    child.send({ profile: 'start' });
  });
}

function stopProfile(child: ChildProcess, file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const answer = message as { profiled?: unknown; error?: unknown };
      if (answer.profiled === undefined) return;
      cleanup();
      if (answer.profiled === file) resolve();
      else reject(new Error(`profiling failed: ${String(answer.error)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no profile within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
    };
    child.on('message', onMessage);
    child.send({ profile: 'stop', file });
  });
}
