import type { LivenessOptions } from './syncTypes';

/**
 * Every 2 s each socket is pinged; one silent for more than 6 s is dropped. A vanished peer
 * (laptop lid closed, network gone: its socket half-open, no close ever arrives) thus leaves
 * everyone's presence within about 8 s — under the 10 s people are promised (S13).
 */
export const LIVENESS_DEFAULTS: LivenessOptions = { intervalMs: 2_000, silenceMs: 6_000 };

/** What the liveness check needs of a connection. */
export interface LivenessTarget {
  /** Drops the connection if it has been silent too long, else pings it; false once dropped. */
  checkLiveness(now: number, silenceMs: number): boolean;
}

/**
 * The server's side of "who is really there": one timer over all connections, so the cost is
 * one ping (and one three-byte keepalive) per socket per interval, whatever the traffic.
 */
export class Liveness {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: LivenessOptions,
    private readonly targets: () => Iterable<LivenessTarget>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts the rhythm; it never keeps the process alive by itself. */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  /** One beat: every connection is checked against the same instant. */
  tick(): void {
    const now = this.now();
    for (const target of [...this.targets()]) target.checkLiveness(now, this.options.silenceMs);
  }

  /** Stops the rhythm (shutdown). */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
