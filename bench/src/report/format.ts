/** Milliseconds with sensible precision. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** Microseconds. */
export function formatMicros(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} µs` : 'n/a';
}

/** Bytes as KiB or MiB. */
export function formatBytes(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  return `${(value / 1024).toFixed(0)} KiB`;
}

/** A rate per second. */
export function formatRate(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(0)}/s` : 'n/a';
}

/** A CPU share in percent of one core. */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(0)}%` : 'n/a';
}

/** `value / accord` as "1.23×", or "—" for Accord itself or when either is unknown. */
export function ratio(value: number, accord: number, isAccord = false): string {
  if (isAccord) return '1×';
  if (!Number.isFinite(value) || !Number.isFinite(accord) || accord === 0) return 'n/a';
  const r = value / accord;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

/** A figure followed by its ratio to Accord's, as every table of the report shows them. */
export function withRatio(text: string, value: number, accord: number, isAccord: boolean): string {
  return `${text} (${ratio(value, accord, isAccord)})`;
}

/** A Markdown table from a header row and body rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
