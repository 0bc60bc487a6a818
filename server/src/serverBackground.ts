import type { Log } from '@accord/shared/log';

/**
 * Work a server's timers start on storage (session sweeps, access rechecks): a failure is
 * logged, never thrown into a timer, and closing waits for whatever still runs.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Log) {}

  /** Runs `work` in the background; resolves when it is done (it never rejects). */
  run(what: string, work: () => Promise<unknown>): Promise<void> {
    const done = (async () => {
      try {
        await work();
      } catch (error) {
        this.log('error', `${what} failed: ${String(error)}`);
      }
    })().finally(() => this.running.delete(done));
    this.running.add(done);
    return done;
  }

  /**
   * A job that runs once at a time. A call queues one run after the current one, or joins the
   * run already queued (it has not started, so it covers the call); the promise resolves when
   * that run has finished. So a change noticed while a run is under way is always looked at.
   */
  coalesced(what: string, work: () => Promise<unknown>): () => Promise<void> {
    let tail: Promise<void> = Promise.resolve();
    let queued: Promise<void> | null = null;
    return () => {
      if (queued !== null) return queued;
      const next = tail.then(() => {
        queued = null;
        return this.run(what, work);
      });
      queued = next;
      tail = next;
      return next;
    };
  }

  /** Resolves once nothing runs. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}
