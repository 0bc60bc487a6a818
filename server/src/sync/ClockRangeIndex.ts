/** One client's clock range `[start, end)` and what it is tagged with. */
export interface TaggedRange<Tag> {
  start: number;
  end: number;
  tag: Tag;
}

/**
 * Disjoint clock ranges of Yjs client ids, each with a tag (a clause id, a bracket's owner, or
 * just `true`), queried with a binary search over one client's ranges: O(log n) per query,
 * never a walk over the document. The one index of Yjs clock ranges on the server: the server's
 * live structs, the locked clauses' structs and the owned brackets all use it.
 * Ranges may be added in any order (a rebuild walks the document tree, not the clocks); a
 * client's ranges are sorted on its next query. Callers keep ranges disjoint: `remove` first.
 */
export class ClockRangeIndex<Tag> {
  private readonly byClient = new Map<number, TaggedRange<Tag>[]>();
  private readonly unsorted = new Set<number>();

  /** Adds `[start, end)` of a client; joined to the last range added when they touch. */
  add(client: number, start: number, end: number, tag: Tag): void {
    if (end <= start) return;
    let ranges = this.byClient.get(client);
    if (ranges === undefined) {
      ranges = [];
      this.byClient.set(client, ranges);
    }
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.end === start && last.tag === tag) {
      last.end = end;
      return;
    }
    if (last !== undefined && last.start > start) this.unsorted.add(client);
    ranges.push({ start, end, tag });
  }

  /** Removes `[start, end)` of a client, trimming or splitting the ranges it overlaps. */
  remove(client: number, start: number, end: number): void {
    const ranges = this.sortedRanges(client);
    if (ranges === undefined) return;
    let index = lastStartingBefore(ranges, end);
    while (index >= 0 && ranges[index]!.end > start) {
      const range = ranges[index]!;
      const pieces: TaggedRange<Tag>[] = [];
      if (range.start < start) pieces.push({ start: range.start, end: start, tag: range.tag });
      if (range.end > end) pieces.push({ start: end, end: range.end, tag: range.tag });
      ranges.splice(index, 1, ...pieces);
      index -= 1;
    }
    if (ranges.length === 0) this.byClient.delete(client);
  }

  /**
   * The tag of a range of a client that intersects `[start, end)`, if any: the last one starting
   * before `end` (ranges are disjoint, so it is the only one that can reach past `start`).
   */
  tagIn(client: number, start: number, end: number): Tag | undefined {
    const ranges = this.sortedRanges(client);
    if (ranges === undefined) return undefined;
    const candidate = ranges[lastStartingBefore(ranges, end)];
    return candidate !== undefined && candidate.end > start ? candidate.tag : undefined;
  }

  /** Every range of a client that intersects `[start, end)`, clipped to it, in clock order. */
  within(client: number, start: number, end: number): TaggedRange<Tag>[] {
    const ranges = this.sortedRanges(client);
    if (ranges === undefined) return [];
    let index = lastStartingBefore(ranges, start);
    if (index < 0 || ranges[index]!.end <= start) index += 1;
    const found: TaggedRange<Tag>[] = [];
    for (; index < ranges.length; index++) {
      const range = ranges[index]!;
      if (range.start >= end) break;
      found.push({
        start: Math.max(start, range.start),
        end: Math.min(end, range.end),
        tag: range.tag,
      });
    }
    return found;
  }

  /** Whether nothing is indexed. */
  get empty(): boolean {
    return this.byClient.size === 0;
  }

  private sortedRanges(client: number): TaggedRange<Tag>[] | undefined {
    const ranges = this.byClient.get(client);
    if (ranges !== undefined && this.unsorted.delete(client)) {
      ranges.sort((a, b) => a.start - b.start);
    }
    return ranges;
  }
}

/** Index of the last range whose start is below `clock`, or -1. */
function lastStartingBefore<Tag>(ranges: readonly TaggedRange<Tag>[], clock: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle]!.start < clock) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
