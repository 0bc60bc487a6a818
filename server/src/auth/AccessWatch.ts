/** Told that someone's access may have changed; re-checks whatever it holds open. */
export type AccessChangeListener = () => void | Promise<void>;

/**
 * Notices access changes made by any process on the same database (the admin tool included)
 * by comparing `Storage.accessVersion`, which moves in the same transaction as each change.
 * It is polled a few times a second, and checked again before each batch of frames the sync
 * sockets handle (`AccessGate`), so nothing sent after a change is acted on with the old
 * rights (SPEC S10).
 */
export class AccessWatch {
  /** The last version seen; undefined until read, or after telling the listeners failed. */
  private version: number | undefined;
  /** The version read when the watch was made (the constructor cannot wait for it). */
  private readonly initial: Promise<void>;
  /** The listeners' latest run: a check that sees no change still waits for it. */
  private notifying: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<AccessChangeListener>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly readVersion: () => Promise<number>,
    private readonly onError: (message: string) => void = () => {},
  ) {
    this.initial = this.readInitial();
  }

  /** Listens to access changes; returns the function that stops listening. */
  subscribe(listener: AccessChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Compares the version with the last one seen (one indexed read); when it moved, tells every
   * listener and waits for them before resolving. When it did not move but another check's
   * listeners are still running, waits for them too: whoever called `check` after a change may
   * act once it resolves. Rejects if the storage cannot be read or a listener failed (then the
   * next check tells the listeners again).
   */
  async check(): Promise<void> {
    await this.initial;
    const version = await this.readVersion();
    if (version === this.version) {
      await this.notifying;
      return;
    }
    this.version = version;
    const run = this.notifying.catch(() => {}).then(() => this.notify());
    this.notifying = run;
    try {
      await run;
    } catch (error) {
      this.version = undefined;
      throw error;
    }
  }

  /** Checks every `intervalMs` until stopped. */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      this.check().catch((error: unknown) => {
        this.onError(`Checking for access changes failed: ${String(error)}`);
      });
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private async readInitial(): Promise<void> {
    try {
      const version = await this.readVersion();
      this.version ??= version;
    } catch (error) {
      // Without a baseline the first check that reads one tells the listeners, to be safe.
      this.onError(`Reading the access version failed: ${String(error)}`);
    }
  }

  private async notify(): Promise<void> {
    for (const listener of [...this.listeners]) await listener();
  }
}
