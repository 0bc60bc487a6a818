/** Told that someone's access may have changed; re-checks whatever it holds open. */
export type AccessChangeListener = () => void;

/**
 * Notices access changes made by any process on the same database (the admin tool included)
 * by comparing `Storage.accessVersion`, which moves in the same transaction as each change.
 * It is polled a few times a second, and checked again before every frame a sync socket
 * handles, so nothing sent after a change is acted on with the old rights.
 */
export class AccessWatch {
  private version: number;
  private readonly listeners = new Set<AccessChangeListener>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly readVersion: () => number,
    private readonly onError: (message: string) => void = () => {},
  ) {
    this.version = readVersion();
  }

  /** Listens to access changes; returns the function that stops listening. */
  subscribe(listener: AccessChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Compares the version with the last one seen (one indexed read); when it moved, tells every
   * listener, synchronously, before returning. Throws if the storage cannot be read.
   */
  check(): void {
    const version = this.readVersion();
    if (version === this.version) return;
    this.version = version;
    for (const listener of [...this.listeners]) listener();
  }

  /** Checks every `intervalMs` until stopped. */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      try {
        this.check();
      } catch (error) {
        this.onError(`Checking for access changes failed: ${String(error)}`);
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
