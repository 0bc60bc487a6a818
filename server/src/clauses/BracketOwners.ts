import type { CharId } from '@accord/shared/domain/bracketChars';
import { parseBracketCharKey } from '@accord/shared/domain/bracketChars';
import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';

/** An owned '[' character: its clock and the delegation that asked for the bracket. */
interface OwnedChar {
  clock: number;
  delegation: DelegationCode;
  clauseId: string;
}

/**
 * Which delegation owns each opening '[' of a loaded document, by Yjs client id with clocks
 * sorted, so that a delete range of an update is checked with a binary search: O(log n + hits)
 * per range, never a walk over the document. Built from the meta map at load and replaced
 * clause by clause whenever the server writes a clause's meta.
 */
export class BracketOwners {
  private readonly byClient = new Map<number, OwnedChar[]>();
  private readonly keysByClause = new Map<string, CharId[]>();

  /** Records (replacing what it had) the brackets of one clause's meta. */
  setClause(clauseId: string, meta: ClauseMeta | null): void {
    for (const id of this.keysByClause.get(clauseId) ?? []) this.remove(id);
    this.keysByClause.delete(clauseId);
    const ids: CharId[] = [];
    for (const [key, bracket] of Object.entries(meta?.brackets ?? {})) {
      const id = parseBracketCharKey(key);
      if (id === null) continue;
      this.insert({ clock: id.clock, delegation: bracket.delegation, clauseId }, id.client);
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
    const chars = this.byClient.get(client);
    if (chars === undefined) return [];
    const found: { clock: number; delegation: DelegationCode }[] = [];
    for (let index = lowerBound(chars, clock); index < chars.length; index++) {
      const char = chars[index]!;
      if (char.clock >= end) break;
      found.push({ clock: char.clock, delegation: char.delegation });
    }
    return found;
  }

  private insert(char: OwnedChar, client: number): void {
    let chars = this.byClient.get(client);
    if (chars === undefined) {
      chars = [];
      this.byClient.set(client, chars);
    }
    const index = lowerBound(chars, char.clock);
    // One character has one owner: a later write for the same id replaces the earlier one.
    if (chars[index]?.clock === char.clock) chars[index] = char;
    else chars.splice(index, 0, char);
  }

  private remove(id: CharId): void {
    const chars = this.byClient.get(id.client);
    if (chars === undefined) return;
    const index = lowerBound(chars, id.clock);
    if (chars[index]?.clock === id.clock) chars.splice(index, 1);
    if (chars.length === 0) this.byClient.delete(id.client);
  }
}

/** The index of the first char with a clock at or after `clock`. */
function lowerBound(chars: readonly OwnedChar[], clock: number): number {
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (chars[middle]!.clock < clock) low = middle + 1;
    else high = middle;
  }
  return low;
}
