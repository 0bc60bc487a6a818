/**
 * The timer seam of the silence procedure: the server asks to be called back at an instant of
 * its clock (`now`). The real one uses `setTimeout`; tests pass their own, which fires when
 * they move their clock, so that no test ever sleeps until a deadline.
 */
export interface SilenceTimers {
  /**
   * Calls `fire` once the clock reaches `at`; returns a function that cancels it. `fire` settles
   * the deadline (storage writes) and reports its own failures: its promise never rejects.
   */
  schedule(at: number, fire: () => Promise<void>): () => void;
}

/** The longest delay `setTimeout` keeps (about 24.8 days); longer waits are made of several. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Timers on `setTimeout`, against the given clock; they do not keep the process alive. */
export function realSilenceTimers(now: () => number): SilenceTimers {
  return {
    schedule(at, fire) {
      let handle: NodeJS.Timeout | null = null;
      const arm = () => {
        const wait = at - now();
        if (wait <= 0) {
          handle = null;
          // `fire` catches and logs its own failures (see `schedule`): nothing to wait for here.
          void fire();
          return;
        }
        handle = setTimeout(arm, Math.min(wait, MAX_TIMEOUT_MS));
        handle.unref();
      };
      arm();
      return () => {
        if (handle !== null) clearTimeout(handle);
        handle = null;
      };
    },
  };
}

/** A timer seam for tests: nothing fires until `advanceTo` moves the clock past its instant. */
export class ManualSilenceTimers implements SilenceTimers {
  private pending: { at: number; fire: () => Promise<void>; cancelled: boolean }[] = [];

  constructor(private time: number) {}

  /** The clock to give the server as `now`. */
  readonly now = (): number => this.time;

  schedule(at: number, fire: () => Promise<void>): () => void {
    const entry = { at, fire, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  /** How many callbacks are waiting. */
  get waiting(): number {
    return this.pending.filter((entry) => !entry.cancelled).length;
  }

  /**
   * Sets the clock and fires every callback due by then, in order of their instants, one after
   * another; resolves once the last has finished (its writes committed).
   */
  async advanceTo(time: number): Promise<void> {
    this.time = time;
    const due = this.pending
      .filter((entry) => !entry.cancelled && entry.at <= time)
      .sort((a, b) => a.at - b.at);
    this.pending = this.pending.filter((entry) => !due.includes(entry));
    for (const entry of due) await entry.fire();
  }
}
