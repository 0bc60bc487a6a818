/** Counts errors by kind during a run, so that the report can say what went wrong. */
export class ErrorTally {
  private readonly counts = new Map<string, number>();

  /** Records one error of `kind`. */
  add(kind: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
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
