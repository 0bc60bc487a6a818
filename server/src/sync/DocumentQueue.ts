import { AsyncLocalStorage } from 'node:async_hooks';

/** The task a queue is running, as the code called from inside it sees it. */
interface RunningTask {
  queue: DocumentQueue;
  /** False once the task has finished: a promise it left behind queues like anyone else. */
  active: boolean;
}

const current = new AsyncLocalStorage<RunningTask>();

interface Entry {
  run: () => Promise<void>;
  refuse: (error: Error) => void;
  /** Set on a task that may run together with the like tasks queued right after it. */
  batch?: BatchSlot;
}

/** Runs several items queued one after another as one task (group commit). */
export type BatchRunner<I> = (items: I[]) => Promise<void>;

interface BatchSlot {
  runner: BatchRunner<never>;
  item: unknown;
  resolve: () => void;
}

/** At most this many items run as one batch; the rest wait for the next. */
export const MAX_BATCH = 256;

/** Thrown into the tasks still waiting when a queue is closed (its draft was unloaded). */
export class QueueClosedError extends Error {
  constructor(documentId: string) {
    super(`Draft ${documentId} was unloaded.`);
    this.name = 'QueueClosedError';
  }
}

/**
 * The one FIFO queue of a loaded draft (SPEC S5): every task that reads the document to decide
 * and then writes (a client's update, a server write, an HTTP command's callback, a compaction)
 * runs alone, from its first check to its last `await`, so what it validated is what it applies
 * to. Code running inside a task that asks to run another (a plugin writing server state after
 * a commit, a command writing text) runs at once, inside it: waiting for the queue there would
 * wait for itself.
 */
export class DocumentQueue {
  private readonly pending: Entry[] = [];
  private draining = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly documentId: string) {}

  /** Whether the caller is inside a running task of this queue. */
  get inside(): boolean {
    const task = current.getStore();
    return task !== undefined && task.queue === this && task.active;
  }

  /** Runs `task` after everything queued before it, or at once when called from inside a task. */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    if (this.inside) return Promise.resolve().then(task);
    return this.later(task);
  }

  /**
   * Appends `task` at the tail, even from inside a task (background work such as compaction).
   * A task must never await a `later` of its own queue: it would wait for itself.
   */
  later<T>(task: () => T | Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new QueueClosedError(this.documentId));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({
        run: async () => {
          const running: RunningTask = { queue: this, active: true };
          try {
            resolve(await current.run(running, task));
          } catch (error) {
            reject(error);
          } finally {
            running.active = false;
          }
        },
        refuse: reject,
      });
      if (!this.draining) void this.drain();
    });
  }

  /**
   * Appends `item` at the tail, to be run by `runner` together with the items queued right
   * after it for the same runner (at most `MAX_BATCH`, never across another task): one task of
   * the queue for all of them, so that they are checked and committed as one group. The queue
   * starts it at the end of the event-loop turn (`setImmediate`), so that the items arriving in
   * one turn (frames of several sockets) meet in one batch. Resolves once its batch has run;
   * rejects when the queue was closed first, or with the runner's error.
   */
  laterBatch<I>(runner: BatchRunner<I>, item: I): Promise<void> {
    if (this.closed) return Promise.reject(new QueueClosedError(this.documentId));
    return new Promise<void>((resolve, reject) => {
      const batch: BatchSlot = { runner: runner as BatchRunner<never>, item, resolve };
      this.pending.push({
        // Run alone only when drained by a caller that knows no batches; `drain` batches.
        run: () => this.runBatch([batch], [reject]),
        refuse: reject,
        batch,
      });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain(true));
      }
    });
  }

  /** Runs one batch as one task; settles every item's promise, never throws. */
  private async runBatch(slots: BatchSlot[], refusals: ((error: Error) => void)[]): Promise<void> {
    const running: RunningTask = { queue: this, active: true };
    try {
      const runner = slots[0]!.runner as BatchRunner<unknown>;
      await current.run(running, () => runner(slots.map((slot) => slot.item)));
      for (const slot of slots) slot.resolve();
    } catch (error) {
      for (const refuse of refusals) refuse(error as Error);
    } finally {
      running.active = false;
    }
  }

  /** Whether a task is queued or running. */
  get busy(): boolean {
    return this.draining || this.pending.length > 0;
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.draining && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Refuses every waiting task and every later one; the running task, if any, finishes. */
  close(): void {
    this.closed = true;
    for (const entry of this.pending.splice(0)) {
      entry.refuse(new QueueClosedError(this.documentId));
    }
  }

  private async drain(scheduled = false): Promise<void> {
    if (!scheduled && this.draining) return;
    this.draining = true;
    try {
      for (let entry = this.pending.shift(); entry; entry = this.pending.shift()) {
        const batch = entry.batch;
        if (batch === undefined) {
          // `run` settles its own promise; it never throws.
          await entry.run();
          continue;
        }
        const slots = [batch];
        const refusals = [entry.refuse];
        while (slots.length < MAX_BATCH && this.pending[0]?.batch?.runner === batch.runner) {
          const next = this.pending.shift()!;
          slots.push(next.batch!);
          refusals.push(next.refuse);
        }
        await this.runBatch(slots, refusals);
      }
    } finally {
      this.draining = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}
