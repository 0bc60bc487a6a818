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
}

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

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (let entry = this.pending.shift(); entry; entry = this.pending.shift()) {
        // `run` settles its own promise; it never throws.
        await entry.run();
      }
    } finally {
      this.draining = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}
