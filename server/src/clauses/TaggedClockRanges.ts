/** One client's clock range `[start, end)` and the clause it belongs to. */
interface TaggedRange {
  start: number;
  end: number;
  clauseId: string;
}

/**
 * Disjoint clock ranges of Yjs client ids, each tagged with a clause id, built in one go and
 * then only queried: a query is a binary search over one client's ranges, O(log n), never a
 * walk over the document.
 */
export class TaggedClockRanges {
  private readonly byClient = new Map<number, TaggedRange[]>();
  private sorted = true;

  /** Adds `[clock, clock + length)` of a client, tagged with a clause id. */
  add(client: number, clock: number, length: number, clauseId: string): void {
    let ranges = this.byClient.get(client);
    if (ranges === undefined) {
      ranges = [];
      this.byClient.set(client, ranges);
    }
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.end === clock && last.clauseId === clauseId) {
      last.end = clock + length;
      return;
    }
    if (last !== undefined && last.start > clock) this.sorted = false;
    ranges.push({ start: clock, end: clock + length, clauseId });
  }

  /** The clause of the first range of a client that intersects `[start, end)`, if any. */
  clauseIn(client: number, start: number, end: number): string | undefined {
    this.sort();
    const ranges = this.byClient.get(client);
    if (ranges === undefined) return undefined;
    // Ranges are disjoint: only the last one starting before `end` can reach past `start`.
    let low = 0;
    let high = ranges.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ranges[middle]!.start < end) low = middle + 1;
      else high = middle;
    }
    const candidate = ranges[low - 1];
    return candidate !== undefined && candidate.end > start ? candidate.clauseId : undefined;
  }

  /** Whether nothing was added. */
  get empty(): boolean {
    return this.byClient.size === 0;
  }

  private sort(): void {
    if (this.sorted) return;
    for (const ranges of this.byClient.values()) ranges.sort((a, b) => a.start - b.start);
    this.sorted = true;
  }
}
