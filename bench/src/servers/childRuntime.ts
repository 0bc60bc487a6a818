import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { memoryLine, parseLaunchEnv, readyLine, type ServerLaunch } from './childProtocol';

/** A server under test as its child script started it. */
export interface StartedServer {
  url: string;
  users?: string[];
  /** Extra facts for the memory report (Accord: its update log's stats, read from storage). */
  report?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 5_000;

/** The seed update of every room, or null when the rooms start empty. */
export function readSeed(launch: ServerLaunch): Uint8Array | null {
  return launch.seedFile === null ? null : new Uint8Array(readFileSync(launch.seedFile));
}

/**
 * Runs a child server script: reads the launch from the environment, starts the server,
 * prints the ready line and closes it on SIGTERM/SIGINT. Any failure exits non-zero with a
 * message, which the parent shows.
 */
export function runChild(start: (launch: ServerLaunch) => Promise<StartedServer>): void {
  const launch = parseLaunchEnv(process.env);
  if (!launch.ok) {
    console.error(`bench child: ${launch.error}`);
    process.exit(2);
  }
  start(launch.value).then(
    (server) => {
      let closing = false;
      const shutdown = () => {
        if (closing) return;
        closing = true;
        // A server whose close hangs must still go away.
        setTimeout(() => process.exit(1), CLOSE_TIMEOUT_MS).unref();
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error('bench child: close failed', error);
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', shutdown);
      process.on('SIGINT', shutdown);
      // The parent is gone (its IPC channel closed): nobody will stop this server, so stop now.
      process.on('disconnect', shutdown);
      process.on('SIGUSR2', () => {
        reportMemory(server).catch((error: unknown) => {
          console.error('bench child: memory report failed', error);
        });
      });
      process.on('message', (message: unknown) => void profileCommand(message));
      console.log(readyLine({ url: server.url, users: server.users ?? [] }));
    },
    (error: unknown) => {
      console.error('bench child: start failed', error);
      process.exit(1);
    },
  );
}

/** The `gc` function Node exposes under --expose-gc. */
function exposedGc(): (() => void) | undefined {
  const candidate: unknown = (globalThis as { gc?: unknown }).gc;
  return typeof candidate === 'function' ? (candidate as () => void) : undefined;
}

/**
 * Collects garbage (when run with --expose-gc) and prints a memory report line. The memory is
 * measured before the extra facts are read, so reading them does not count.
 */
async function reportMemory(server: StartedServer): Promise<void> {
  const gc = exposedGc();
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  const extra = (await server.report?.()) ?? {};
  console.log(
    memoryLine({
      heapUsed: usage.heapUsed,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
      rss: usage.rss,
      extra,
    }),
  );
}

let profiler: Session | undefined;

/**
 * Profiles only the window the parent measures: `{ profile: 'start' }` starts V8's sampling
 * profiler in this process and answers `{ profiling: true }` once it runs,
 * `{ profile: 'stop', file }` writes the profile and answers
 * `{ profiled: file }` (or `{ profiled: null, error }`).
 */
async function profileCommand(message: unknown): Promise<void> {
  if (typeof message !== 'object' || message === null) return;
  const command = message as { profile?: unknown; file?: unknown };
  try {
    if (command.profile === 'start' && profiler === undefined) {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
      process.send?.({ profiling: true });
    } else if (
      command.profile === 'stop' &&
      profiler !== undefined &&
      typeof command.file === 'string'
    ) {
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      profiler = undefined;
      writeFileSync(command.file, JSON.stringify(profile));
      process.send?.({ profiled: command.file });
    }
  } catch (error) {
    process.send?.({ profiled: null, error: String(error) });
  }
}
