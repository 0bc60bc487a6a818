/** Counts errors by kind during a run, so that the report can say what went wrong. */
export class ErrorTally {
  private readonly counts = new Map<string, number>();

  /** Records `count` errors (one by default) of `kind`. */
  add(kind: string, count = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + count);
  }

  /** `[kind, count]` pairs, to carry a tally from a worker thread to the main thread. */
  entries(): [string, number][] {
    return [...this.counts];
  }

  /** All errors. */
  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  /** `kind × n` pairs, most frequent first. */
  describe(): string {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .map(([kind, count]) => `${kind} ×${count}`)
      .join(', ');
  }
}
