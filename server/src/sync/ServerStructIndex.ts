import * as Y from 'yjs';
import { ClockRangeIndex } from './ClockRangeIndex';

/**
 * Which structs of the server's own client ids are live (not deleted), so that the validator
 * can tell, in O(log n) per delete range, whether a client tries to delete server-owned state
 * or merely repeats deletions the server made itself. Only server writes change it: clients
 * can neither author nor delete server structs.
 */
export class ServerStructIndex {
  private readonly clients = new Set<number>();
  private readonly live = new ClockRangeIndex<true>();

  constructor(private readonly doc: Y.Doc) {}

  /** Indexes every struct of a client id the server writes with (at load, or when claimed). */
  addClient(clientId: number): void {
    this.clients.add(clientId);
    this.refresh(clientId, 0, Y.getState(this.doc.store, clientId));
  }

  /** Re-reads what a server transaction created or deleted among the indexed clients. */
  afterTransaction(transaction: Y.Transaction): void {
    for (const clientId of this.clients) {
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
    return this.live.tagIn(clientId, clock, end) !== undefined;
  }

  /** Replaces what the index says about `[clock, end)` by what the document holds. */
  private refresh(clientId: number, clock: number, end: number): void {
    const structs = this.doc.store.clients.get(clientId);
    if (!this.clients.has(clientId) || end <= clock) return;
    this.live.remove(clientId, clock, end);
    if (structs === undefined) return;
    for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
      const struct = structs[index]!;
      if (struct.id.clock >= end) break;
      if (struct instanceof Y.Item && !struct.deleted) {
        this.live.add(
          clientId,
          Math.max(clock, struct.id.clock),
          Math.min(end, struct.id.clock + struct.length),
          true,
        );
      }
    }
  }
}
