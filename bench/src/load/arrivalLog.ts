/** The keystrokes one client sent, in order: its clock after each, and when it was made. */
export interface SentKeystrokes {
  client: number;
  room: string;
  endClocks: number[];
  sentAt: number[];
  /** The server closed the sender's socket: what it typed after may never have left it. */
  disconnected?: boolean;
}

/** Per sender: for each of its keystrokes, how many receivers here got it and the latest arrival. */
export interface SenderTally {
  client: number;
  reached: number[];
  /** Latest arrival among the receivers that got it, or -Infinity when none did. */
  lastAt: number[];
}

/** What one thread's receivers saw of every sender's keystrokes. */
export interface ArrivalTally {
  senders: SenderTally[];
  /** Deliveries (one keystroke arriving at one receiver) whose arrival fell in the window. */
  deliveriesInWindow: number;
}

/** One receiver: its room, and per sender the clocks it reached and when (both ascending). */
interface Receiver {
  room: string;
  clocks: Map<number, number[]>;
  times: Map<number, number[]>;
}

/**
 * When each receiver of one thread got each sender's structs: per receiver and sender, the
 * growing clock the receiver has reached and the moment it reached it. Matching these against
 * the senders' records afterwards (`tally`) gives every keystroke's arrival at every receiver,
 * whichever thread the sender ran in, without keeping one record per keystroke per receiver
 * while the run is hot.
 */
export class ArrivalLog {
  private readonly receivers = new Map<number, Receiver>();

  /** Adds a receiver before anyone types. */
  join(receiver: number, room: string): void {
    this.receivers.set(receiver, { room, clocks: new Map(), times: new Map() });
  }

  /** The receiver now has the sender's structs up to `clock` (exclusive), since `at`. */
  arrived(receiver: number, sender: number, clock: number, at: number): void {
    if (receiver === sender) return;
    const entry = this.receivers.get(receiver);
    if (entry === undefined) return;
    let clocks = entry.clocks.get(sender);
    let times = entry.times.get(sender);
    if (clocks === undefined || times === undefined) {
      clocks = [];
      times = [];
      entry.clocks.set(sender, clocks);
      entry.times.set(sender, times);
    }
    if (clock <= (clocks[clocks.length - 1] ?? 0)) return;
    clocks.push(clock);
    times.push(at);
  }

  /** The clock of `sender` that `receiver` has reached (0 for none). */
  reached(receiver: number, sender: number): number {
    const clocks = this.receivers.get(receiver)?.clocks.get(sender);
    return clocks?.[clocks.length - 1] ?? 0;
  }

  /**
   * Receivers of `room` here (or only those in `among`) that lack some of `sender`'s structs up
   * to `clock`.
   */
  lacking(room: string, sender: number, clock: number, among?: ReadonlySet<number>): number {
    let count = 0;
    for (const [id, receiver] of this.receivers) {
      if (among !== undefined && !among.has(id)) continue;
      if (receiver.room === room && id !== sender && this.reached(id, sender) < clock) count += 1;
    }
    return count;
  }

  /**
   * Matches every sender's keystrokes against the arrivals here: keystroke k of a sender has
   * arrived at a receiver at the first moment that receiver reached its clock. Deliveries
   * arriving within [windowStart, windowEnd] are counted.
   */
  tally(senders: readonly SentKeystrokes[], windowStart: number, windowEnd: number): ArrivalTally {
    let deliveriesInWindow = 0;
    const tallies = senders.map((sender) => {
      const count = sender.endClocks.length;
      const reached = new Array<number>(count).fill(0);
      const lastAt = new Array<number>(count).fill(Number.NEGATIVE_INFINITY);
      for (const [id, receiver] of this.receivers) {
        if (id === sender.client || receiver.room !== sender.room) continue;
        const clocks = receiver.clocks.get(sender.client) ?? [];
        const times = receiver.times.get(sender.client) ?? [];
        let next = 0;
        for (let k = 0; k < count; k++) {
          const needed = sender.endClocks[k] ?? 0;
          while (next < clocks.length && (clocks[next] ?? 0) < needed) next += 1;
          if (next >= clocks.length) break;
          const at = times[next] ?? 0;
          reached[k] = (reached[k] ?? 0) + 1;
          if (at > (lastAt[k] ?? Number.NEGATIVE_INFINITY)) lastAt[k] = at;
          if (at >= windowStart && at <= windowEnd) deliveriesInWindow += 1;
        }
      }
      return { client: sender.client, reached, lastAt };
    });
    return { senders: tallies, deliveriesInWindow };
  }
}

/** Keystroke latencies and losses over every thread's tallies. */
export interface CombinedArrivals {
  /** Send → arrival at the last receiver of the room, for keystrokes sent in the window. */
  latencies: number[];
  /** Keystrokes sent in the window. */
  typed: number;
  /** Keystrokes sent in the window that some receiver never got. */
  undelivered: number;
  deliveriesInWindow: number;
}

/**
 * Combines the tallies of all threads: a keystroke sent in the window counts once every other
 * client of its room got it, and its latency runs to the latest of those arrivals.
 */
export function combineTallies(
  senders: readonly SentKeystrokes[],
  tallies: readonly ArrivalTally[],
  roomSize: (room: string) => number,
  windowStart: number,
  windowEnd: number,
): CombinedArrivals {
  const latencies: number[] = [];
  let typed = 0;
  let undelivered = 0;
  for (const sender of senders) {
    const parts = tallies.flatMap((tally) =>
      tally.senders.filter((entry) => entry.client === sender.client),
    );
    const peers = roomSize(sender.room) - 1;
    sender.sentAt.forEach((sentAt, k) => {
      if (sentAt < windowStart || sentAt > windowEnd || peers <= 0) return;
      typed += 1;
      let reached = 0;
      let lastAt = Number.NEGATIVE_INFINITY;
      for (const part of parts) {
        reached += part.reached[k] ?? 0;
        lastAt = Math.max(lastAt, part.lastAt[k] ?? Number.NEGATIVE_INFINITY);
      }
      if (reached >= peers) latencies.push(lastAt - sentAt);
      else undelivered += 1;
    });
  }
  const deliveriesInWindow = tallies.reduce((sum, tally) => sum + tally.deliveriesInWindow, 0);
  return { latencies, typed, undelivered, deliveriesInWindow };
}
