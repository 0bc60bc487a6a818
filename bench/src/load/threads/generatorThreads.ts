import { Worker } from 'node:worker_threads';
import { bundleLoadWorker } from '../../servers/bundleServers';
import type { FromThread, ThreadSetup, ToThread } from './workerProtocol';

type Answer<T extends FromThread['type']> = Extract<FromThread, { type: T }>;

let script: Promise<string> | undefined;
let pool: GeneratorThreads | undefined;

/**
 * The load generator's worker threads (`loadWorker`), so that it uses every core the server
 * leaves it. The threads are kept from run to run (starting one loads Yjs and the providers,
 * seconds on a loaded machine) and do not keep the process alive. The worker runs from a bundle
 * compiled with esbuild once per process, so it starts the same under tsx and under Vitest.
 */
export class GeneratorThreads {
  private readonly waiting: Map<string, (message: FromThread) => void>[];
  private failure: string | null = null;
  private dead = false;
  private failed: ((error: Error) => void)[] = [];

  private constructor(private readonly workers: Worker[]) {
    this.waiting = workers.map(() => new Map());
    workers.forEach((worker, index) => {
      worker.unref();
      worker.on('message', (message: FromThread) => {
        if (message.type === 'failed') {
          this.fail(`generator thread ${index + 1}: ${message.error}`);
          return;
        }
        const waiter = this.waiting[index]?.get(message.type);
        this.waiting[index]?.delete(message.type);
        waiter?.(message);
      });
      worker.on('error', (error) => this.die(`generator thread ${index + 1}: ${error.message}`));
      worker.on('exit', (code) => this.die(`generator thread ${index + 1} exited (${code})`));
    });
  }

  /**
   * Runs one fan-out run's clients, one setup per thread: the threads connect them and resolve
   * once every client is synced. Reuses the threads of the previous run when there are as many.
   */
  static async begin(setups: readonly ThreadSetup[], timeoutMs: number): Promise<GeneratorThreads> {
    if (pool === undefined || pool.dead || pool.workers.length !== setups.length) {
      pool?.shutdown();
      script ??= bundleLoadWorker();
      const file = await script;
      pool = new GeneratorThreads(setups.map(() => new Worker(file)));
    }
    const threads = pool;
    threads.failure = null;
    threads.failed = [];
    const ready = threads.collect('ready', timeoutMs);
    setups.forEach((setup, index) => {
      threads.workers[index]?.postMessage({ type: 'setup', setup } satisfies ToThread);
    });
    try {
      await ready;
    } catch (error) {
      await threads.end();
      throw error;
    }
    return threads;
  }

  /** Sends `message` to every thread (no answer expected). */
  tell(message: ToThread): void {
    for (const worker of this.workers) worker.postMessage(message);
  }

  /** Waits for the next answer of type `type` from every thread; rejects if any thread fails. */
  collect<T extends FromThread['type']>(type: T, timeoutMs: number): Promise<Answer<T>[]> {
    return new Promise((resolve, reject) => {
      if (this.failure !== null) {
        reject(new Error(this.failure));
        return;
      }
      const answers: Answer<T>[] = new Array(this.workers.length);
      let left = this.workers.length;
      const timer = setTimeout(
        () => reject(new Error(`generator threads: no "${type}" answer after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.failed.push((error) => {
        clearTimeout(timer);
        reject(error);
      });
      this.waiting.forEach((waiting, index) => {
        waiting.set(type, (message) => {
          answers[index] = message as Answer<T>;
          left -= 1;
          if (left === 0) {
            clearTimeout(timer);
            resolve(answers);
          }
        });
      });
    });
  }

  /** Sends `message` to every thread and waits for each one's answer of type `type`. */
  ask<T extends FromThread['type']>(
    message: ToThread,
    type: T,
    timeoutMs: number,
  ): Promise<Answer<T>[]> {
    const answers = this.collect(type, timeoutMs);
    this.tell(message);
    return answers;
  }

  /** Disconnects every client of the run; threads that do not answer are ended. */
  async end(): Promise<void> {
    if (this.dead) return;
    this.failure = null;
    this.failed = [];
    for (const waiting of this.waiting) waiting.clear();
    await this.ask({ type: 'close' }, 'closed', 10_000).catch(() => this.shutdown());
  }

  /** Ends the threads for good. */
  shutdown(): void {
    this.dead = true;
    for (const worker of this.workers) void worker.terminate();
  }

  private fail(message: string): void {
    if (this.failure !== null) return;
    this.failure = message;
    for (const reject of this.failed.splice(0)) reject(new Error(message));
  }

  private die(message: string): void {
    if (this.dead) return;
    this.dead = true;
    this.fail(message);
  }
}
