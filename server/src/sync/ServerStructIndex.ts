import * as Y from 'yjs';

/** Disjoint, sorted half-open clock ranges `[start, end)` of one client. */
class ClockRanges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Whether any clock in `[start, end)` is in the set. */
  intersects(start: number, end: number): boolean {
    // The last range starting before `end` is the only candidate: ranges are disjoint.
    const index = this.lastStartingBefore(end);
    return index >= 0 && this.ends[index]! > start;
  }

  /** Removes `[start, end)`, trimming or splitting the ranges it overlaps. */
  remove(start: number, end: number): void {
    let index = this.lastStartingBefore(end);
    while (index >= 0 && this.ends[index]! > start) {
      const rangeStart = this.starts[index]!;
      const rangeEnd = this.ends[index]!;
      const pieces: [number, number][] = [];
      if (rangeStart < start) pieces.push([rangeStart, start]);
      if (rangeEnd > end) pieces.push([end, rangeEnd]);
      this.starts.splice(index, 1, ...pieces.map((piece) => piece[0]));
      this.ends.splice(index, 1, ...pieces.map((piece) => piece[1]));
      index -= 1;
    }
  }

  /** Adds `[start, end)`, which must not overlap the set (callers remove first). */
  add(start: number, end: number): void {
    const index = this.lastStartingBefore(start) + 1;
    this.starts.splice(index, 0, start);
    this.ends.splice(index, 0, end);
  }

  /** Index of the last range whose start is below `clock`, or -1. */
  private lastStartingBefore(clock: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! < clock) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }
}

/**
 * Which structs of the server's own client ids are live (not deleted), so that the validator
 * can tell, in O(log n) per delete range, whether a client tries to delete server-owned state
 * or merely repeats deletions the server made itself. Only server writes change it: clients
 * can neither author nor delete server structs.
 */
export class ServerStructIndex {
  private readonly live = new Map<number, ClockRanges>();

  constructor(private readonly doc: Y.Doc) {}

  /** Indexes every struct of a client id the server writes with (at load, or when claimed). */
  addClient(clientId: number): void {
    if (!this.live.has(clientId)) this.live.set(clientId, new ClockRanges());
    this.refresh(clientId, 0, Y.getState(this.doc.store, clientId));
  }

  /** Re-reads what a server transaction created or deleted among the indexed clients. */
  afterTransaction(transaction: Y.Transaction): void {
    for (const clientId of this.live.keys()) {
      const before = transaction.beforeState.get(clientId) ?? 0;
      const after = transaction.afterState.get(clientId) ?? 0;
      if (after > before) this.refresh(clientId, before, after);
      for (const range of transaction.deleteSet.clients.get(clientId) ?? []) {
        this.refresh(clientId, range.clock, range.clock + range.len);
      }
    }
  }

  /** Whether a struct of this client id in `[clock, end)` is live. */
  hasLiveIn(clientId: number, clock: number, end: number): boolean {
    return this.live.get(clientId)?.intersects(clock, end) ?? false;
  }

  /** Replaces what the index says about `[clock, end)` by what the document holds. */
  private refresh(clientId: number, clock: number, end: number): void {
    const ranges = this.live.get(clientId);
    const structs = this.doc.store.clients.get(clientId);
    if (ranges === undefined || end <= clock) return;
    ranges.remove(clock, end);
    if (structs === undefined) return;
    for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
      const struct = structs[index]!;
      if (struct.id.clock >= end) break;
      if (struct instanceof Y.Item && !struct.deleted) {
        ranges.add(
          Math.max(clock, struct.id.clock),
          Math.min(end, struct.id.clock + struct.length),
        );
      }
    }
  }
}
