import * as Y from 'yjs';

/** The structs one update carries from one client: clocks `from` (inclusive) to `to` (exclusive). */
export interface ClockRange {
  client: number;
  from: number;
  to: number;
}

/**
 * The struct ids (client id and clock range per client) an update carries, without applying it
 * to a document: Yjs's own `parseUpdateMeta` walks the encoded structs and keeps only their ids.
 * That is what a receiver needs to learn which keystrokes a frame delivered, at a small fraction
 * of the cost of integrating the frame into a Y.Doc. Deletions carry no new clock and are not
 * listed (typists only insert).
 */
export function structRanges(update: Uint8Array): ClockRange[] {
  const { from, to } = Y.parseUpdateMeta(update);
  const ranges: ClockRange[] = [];
  for (const [client, end] of to) ranges.push({ client, from: from.get(client) ?? 0, to: end });
  return ranges;
}
