import { Worker } from 'node:worker_threads';
import { bundleLoadWorker } from '../../servers/bundleServers';
import type { FromThread, ThreadSetup, ToThread } from './workerProtocol';

type Answer<T extends FromThread['type']> = Extract<FromThread, { type: T }>;

let script: Promise<string> | undefined;

/**
 * The load generator's worker threads (`loadWorker`), so that it uses every core the server
 * leaves it. The worker runs from a bundle compiled with esbuild once per process, so it starts
 * the same under tsx and under Vitest (neither loader reaches into a worker's module graph).
 */
export class GeneratorThreads {
  private readonly waiting: Map<string, (message: FromThread) => void>[];
  private failure: string | null = null;
  private readonly failed: ((error: Error) => void)[] = [];

  private constructor(private readonly workers: Worker[]) {
    this.waiting = workers.map(() => new Map());
    workers.forEach((worker, index) => {
      worker.on('message', (message: FromThread) => {
        if (message.type === 'failed') {
          this.fail(`generator thread ${index + 1}: ${message.error}`);
          return;
        }
        const waiter = this.waiting[index]?.get(message.type);
        this.waiting[index]?.delete(message.type);
        waiter?.(message);
      });
      worker.on('error', (error) => this.fail(`generator thread ${index + 1}: ${error.message}`));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(`generator thread ${index + 1} exited with code ${code}`);
      });
    });
  }

  /** Starts one thread per setup; each connects its clients and then says it is ready. */
  static async start(setups: readonly ThreadSetup[]): Promise<GeneratorThreads> {
    script ??= bundleLoadWorker();
    const file = await script;
    return new GeneratorThreads(setups.map((setup) => new Worker(file, { workerData: setup })));
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

  /** Disconnects every client and ends the threads. */
  async close(): Promise<void> {
    if (this.failure === null) {
      await this.ask({ type: 'close' }, 'closed', 5_000).catch(() => undefined);
    }
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private fail(message: string): void {
    if (this.failure !== null) return;
    this.failure = message;
    for (const reject of this.failed.splice(0)) reject(new Error(message));
  }
}
