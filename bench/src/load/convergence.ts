import type { SentKeystrokes } from './arrivalLog';
import type { FullClientState } from './threads/workerProtocol';

/**
 * Checks, after the drain, that the full Y.Doc clients of every room hold the same document: no
 * structs left pending, identical state vectors and identical draft XML, and every keystroke
 * every sender of the room typed (light clients included) integrated. The light receivers never
 * apply anything, so this is what shows that what the servers delivered adds up to one document.
 * Returns how many rooms were checked.
 */
export function checkConvergence(
  full: readonly FullClientState[],
  sent: readonly SentKeystrokes[],
  rooms: readonly string[],
): { ok: true; value: number } | { ok: false; error: string } {
  const problems: string[] = [];
  for (const room of rooms) {
    const docs = full.filter((state) => state.room === room);
    const first = docs[0];
    if (first === undefined) {
      problems.push(`${room}: no full client to check`);
      continue;
    }
    for (const state of docs) {
      if (state.pending) problems.push(`${room}: client ${state.clientId} holds pending structs`);
      if (JSON.stringify(state.stateVector) !== JSON.stringify(first.stateVector))
        problems.push(
          `${room}: clients ${first.clientId} and ${state.clientId} have different state vectors`,
        );
      if (state.contentHash !== first.contentHash)
        problems.push(
          `${room}: clients ${first.clientId} and ${state.clientId} have different drafts`,
        );
    }
    const clocks = new Map(first.stateVector);
    // A sender the server dropped may have typed keystrokes that never left it.
    for (const sender of sent.filter((entry) => entry.room === room && !entry.disconnected)) {
      const typed = sender.endClocks[sender.endClocks.length - 1] ?? 0;
      const integrated = clocks.get(sender.client) ?? 0;
      if (integrated !== typed)
        problems.push(
          `${room}: sender ${sender.client} typed up to clock ${typed}, the documents hold ${integrated}`,
        );
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ');
    return {
      ok: false,
      error: problems.length > 5 ? `${shown}; and ${problems.length - 5} more` : shown,
    };
  }
  return { ok: true, value: rooms.length };
}
