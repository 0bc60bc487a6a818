import type { CharId } from '@accord/shared/domain/bracketChars';
import { parseBracketCharKey } from '@accord/shared/domain/bracketChars';
import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { ClockRangeIndex } from '../sync/ClockRangeIndex';

/**
 * Which delegation owns each opening '[' of a loaded document (B1), by Yjs client id and clock
 * (`ClockRangeIndex`, one range per character), so that a delete range of an update is checked
 * with a binary search: O(log n + hits) per range, never a walk over the document. Derived from
 * the meta: built at load and replaced clause by clause whenever the `ClauseMetaStore` writes a
 * clause's meta (`BracketRule` observes it).
 */
export class BracketOwners {
  private readonly chars = new ClockRangeIndex<DelegationCode>();
  private readonly keysByClause = new Map<string, CharId[]>();

  /** Records (replacing what it had) the brackets of one clause's meta. */
  setClause(clauseId: string, meta: ClauseMeta | null): void {
    for (const id of this.keysByClause.get(clauseId) ?? []) {
      this.chars.remove(id.client, id.clock, id.clock + 1);
    }
    this.keysByClause.delete(clauseId);
    const ids: CharId[] = [];
    for (const [key, bracket] of Object.entries(meta?.brackets ?? {})) {
      const id = parseBracketCharKey(key);
      if (id === null) continue;
      // One character has one owner: a later write for the same id replaces the earlier one.
      this.chars.remove(id.client, id.clock, id.clock + 1);
      this.chars.add(id.client, id.clock, id.clock + 1, bracket.delegation);
      ids.push(id);
    }
    if (ids.length > 0) this.keysByClause.set(clauseId, ids);
  }

  /** The owned '[' characters of a client id with a clock in `[clock, end)`, in clock order. */
  ownedIn(
    client: number,
    clock: number,
    end: number,
  ): { clock: number; delegation: DelegationCode }[] {
    const found: { clock: number; delegation: DelegationCode }[] = [];
    for (const range of this.chars.within(client, clock, end)) {
      for (let owned = range.start; owned < range.end; owned++) {
        found.push({ clock: owned, delegation: range.tag });
      }
    }
    return found;
  }
}
