import {
  type CharId,
  closingBracketOf,
  parseBracketCharKey,
} from '@accord/shared/domain/bracketChars';
import { clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { isLiveChar } from '@accord/shared/domain/liveBrackets';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import * as Y from 'yjs';

/**
 * Why the server refused a person's change, worked out from what the fuzz saw: the refused
 * update, what the person's draft held when they made it, and what the server had committed
 * around the time it refused it (every update the observer received, in order).
 */

/** A y-websocket frame's Yjs update (sync step 2 or update), or null for any other frame. */
export function updateOfFrame(frame: Uint8Array): Uint8Array | null {
  let offset = 0;
  const varUint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = frame[offset++];
      if (byte === undefined) throw new Error('truncated frame');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  if (varUint() !== 0) return null; // not a sync message
  const syncType = varUint();
  if (syncType !== 1 && syncType !== 2) return null; // step 1 carries no update
  const length = varUint();
  return frame.subarray(offset, offset + length);
}

/** A Y.Doc holding the first `count` updates of a log. */
export function replay(updates: readonly Uint8Array[], count = updates.length): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates.slice(0, count)) Y.applyUpdate(doc, update);
  return doc;
}

type DeleteRanges = Map<number, { clock: number; len: number }[]>;

function deletes(ranges: DeleteRanges, id: CharId): boolean {
  return (ranges.get(id.client) ?? []).some(
    (range) => id.clock >= range.clock && id.clock < range.clock + range.len,
  );
}

const key = (id: CharId) => `${id.client}:${id.clock}`;

/** A '[' of another delegation (or the ']' closing it) that an update deletes in a draft. */
export interface ForbiddenDeletion {
  open: CharId;
  close: CharId | null;
  owner: DelegationCode;
  /** What of it the update names: the '[', the ']', or an ancestor (a clause, its text). */
  how: string;
}

/** The live characters of a text, with their Yjs ids. */
function liveChars(text: Y.AbstractType<unknown>): { chars: string; ids: CharId[] } {
  let chars = '';
  const ids: CharId[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const str = item.content instanceof Y.ContentString ? item.content.str : '\ufffc';
    for (let offset = 0; offset < str.length; offset++) {
      chars += str[offset];
      ids.push({ client: item.id.client, clock: item.id.clock + offset });
    }
  }
  return { chars, ids };
}

/**
 * What an update with this delete set takes away in `doc` that the person may not remove: each
 * live '[' the doc's clause meta gives to a delegation they may not remove brackets of, when the
 * update deletes it, the ']' closing it, or an item it sits in (the server's rules B2 and B3).
 */
export function forbiddenDeletions(
  doc: Y.Doc,
  ranges: DeleteRanges,
  mayRemove: (owner: DelegationCode) => boolean,
): ForbiddenDeletion[] {
  const meta = clauseMetaMap(doc);
  const found: ForbiddenDeletion[] = [];
  for (const clauseId of meta.keys()) {
    for (const [bracketKey, bracket] of Object.entries(
      readClauseMeta(meta, clauseId)?.brackets ?? {},
    )) {
      const open = parseBracketCharKey(bracketKey);
      if (open === null || mayRemove(bracket.delegation) || !isLiveChar(doc, open)) continue;
      const item = Y.getItem(doc.store, Y.createID(open.client, open.clock));
      const text = item.parent as Y.AbstractType<unknown>;
      const { chars, ids } = liveChars(text);
      const at = ids.findIndex((id) => id.client === open.client && id.clock === open.clock);
      const closeAt = at < 0 ? null : closingBracketOf(chars, at);
      const close = closeAt === null ? null : (ids[closeAt] ?? null);
      let how: string | null = null;
      if (deletes(ranges, open)) how = `deletes the '[' ${key(open)}`;
      else if (close !== null && deletes(ranges, close)) how = `deletes its ']' ${key(close)}`;
      for (let type = text; how === null && type._item !== null; ) {
        const ancestor = type._item;
        if (deletes(ranges, ancestor.id)) how = `deletes ${key(ancestor.id)}, which holds it`;
        type = ancestor.parent as Y.AbstractType<unknown>;
      }
      if (how !== null) found.push({ open, close, owner: bracket.delegation, how });
    }
  }
  return found;
}

/** The brackets of each clause's meta in a draft, by clause id. */
function readAllBrackets(
  doc: Y.Doc,
): Record<string, Record<string, { delegation: DelegationCode }>> {
  const meta = clauseMetaMap(doc);
  const all: Record<string, Record<string, { delegation: DelegationCode }>> = {};
  for (const clauseId of meta.keys())
    all[clauseId] = readClauseMeta(meta, clauseId)?.brackets ?? {};
  return all;
}

/** One frame a person's socket sent to the server, and what was known when. */
export interface SentFrame {
  update: Uint8Array;
  /** The fuzz step at which the person's editor made it. */
  madeAtStep: number;
  /** How many updates the person's Y.Doc had taken before this one: what it knew. */
  known: number;
  /** The fuzz step at which it was let through to the server. */
  sentAtStep: number;
  /** How many updates the observer (the server's committed draft) had received by then. */
  serverFrom: number;
}

/** A close of a person's connection by the server. */
export interface Close {
  code: number;
  reason: string;
  step: number;
  /** How many updates the observer had received shortly after the close. */
  serverTo: number;
}

/** Whether the server's draft holds every struct and every deletion of an update. */
function committed(server: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (Y.getState(server.store, struct.id.client) < struct.id.clock + struct.length) return false;
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; clock++) {
        if (isLiveChar(server, { client, clock })) return false;
      }
    }
  }
  return true;
}

/** A short account of an update: the structs it adds and the ranges it deletes. */
export function describeUpdate(update: Uint8Array): string {
  const { structs, ds } = Y.decodeUpdate(update);
  const added = new Map<number, [number, number]>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const [from, to] = added.get(struct.id.client) ?? [struct.id.clock, struct.id.clock];
    added.set(struct.id.client, [
      Math.min(from, struct.id.clock),
      Math.max(to, struct.id.clock + struct.length),
    ]);
  }
  const adds = [...added].map(([client, [from, to]]) => `${client}:[${from},${to})`).join(' ');
  const dels = [...ds.clients]
    .map(
      ([client, ranges]) =>
        `${client}:${ranges.map((r) => `[${r.clock},${r.clock + r.len})`).join('')}`,
    )
    .join(' ');
  return `{adds ${adds || '-'} | deletes ${dels || '-'}}`;
}

export interface RefusalCase {
  username: string;
  clientId: number;
  close: Close;
  /** Every update frame the person's socket let through, in order. */
  sent: readonly SentFrame[];
  /** Every update the person's Y.Doc took, in order (its own and received ones). */
  personUpdates: readonly Uint8Array[];
  /** Every update the observer's Y.Doc took, in order. */
  serverUpdates: readonly Uint8Array[];
  mayRemove: (owner: DelegationCode) => boolean;
}

/**
 * Why the server refused a person's change, as a rule allows, or why that cannot be told.
 * Allowed: a lock race (`explainLockRefusal`; the fuzz locks no clause so far), or a bracket race. The change deletes, between being sent and the close, a live '[' of
 * another delegation in the server's draft (or its ']', or an item holding it), while in the
 * person's draft when they made the change nothing it deleted was such a bracket: the '[' (or
 * the words around it) or the meta naming its owner had not reached them yet. Had their draft
 * shown it, the editor's bracket guard should have stopped the change.
 */
export function explainRefusal(refusal: RefusalCase): { explained: boolean; why: string } {
  const { close, username } = refusal;
  const head = `${username} (client ${refusal.clientId}) closed at step ${close.step} with ${close.code} "${close.reason}"`;
  const bracket = close.code === CLOSE_CODES.updateRejected && close.reason.includes('bracket');
  if (!bracket && close.code !== CLOSE_CODES.clauseLocked) {
    return {
      explained: false,
      why: `${head}: no rule the fuzz knows refuses this (its editors send only what they make)`,
    };
  }
  const server = replay(refusal.serverUpdates);
  const refused = refusal.sent.find(
    (frame) => frame.sentAtStep <= close.step && !committed(server, frame.update),
  );
  if (refused === undefined) {
    return {
      explained: false,
      why: `${head}: every frame it sent is in the server's draft; which one was refused?`,
    };
  }
  const frame = `frame ${describeUpdate(refused.update)}, made at step ${refused.madeAtStep}, sent at step ${refused.sentAtStep}`;
  if (!bracket) return explainLockRefusal(refusal, refused, `${head}: ${frame}`);
  const { ds } = Y.decodeUpdate(refused.update);
  const ranges: DeleteRanges = ds.clients;
  const before = replay(refusal.personUpdates, refused.known);
  const seen = forbiddenDeletions(before, ranges, refusal.mayRemove);
  if (seen.length > 0) {
    const list = seen.map((b) => `'[' ${key(b.open)} of ${b.owner} (${b.how})`).join(', ');
    return {
      explained: false,
      why: `${head}: ${frame}. Its editor already showed ${list} as another delegation's when the change was made: the bracket guard should have stopped it`,
    };
  }
  // The server's draft somewhere between the frame's sending and the close.
  const at = replay(refusal.serverUpdates, refused.serverFrom);
  const raced = new Map<string, ForbiddenDeletion>();
  for (let count = refused.serverFrom; ; count++) {
    for (const b of forbiddenDeletions(at, ranges, refusal.mayRemove)) raced.set(key(b.open), b);
    const next = refusal.serverUpdates[count];
    if (count >= close.serverTo || next === undefined) break;
    Y.applyUpdate(at, next);
  }
  if (raced.size === 0) {
    return {
      explained: false,
      why: `${head}: ${frame}. Between its sending and the close, the server's draft held no bracket of another delegation that it deletes`,
    };
  }
  const missing = [...raced.values()].map((b) => {
    const knewOpen = Y.getState(before.store, b.open.client) > b.open.clock;
    const knewClose = b.close === null || Y.getState(before.store, b.close.client) > b.close.clock;
    const knewOwner = Object.values(readAllBrackets(before)).some(
      (brackets) => brackets[key(b.open)]?.delegation === b.owner,
    );
    const lacked = !knewOpen
      ? `not the '[' itself`
      : !knewClose
        ? `not its ']' ${key(b.close as CharId)}`
        : !knewOwner
          ? `the brackets, but not the meta naming ${b.owner} their owner`
          : 'the brackets and their owner, but not the words around them as the server had them';
    return `'[' ${key(b.open)} of ${b.owner} (${b.how}; its draft had ${lacked})`;
  });
  return {
    explained: true,
    why: `${head}: bracket race: ${frame} deletes ${missing.join(', ')}`,
  };
}

/** The id of the clause an item is, or is inside, or null. */
function clauseOf(item: Y.Item | null): string | null {
  for (let at = item; at !== null; at = (at.parent as Y.AbstractType<unknown>)._item) {
    const type = at.content instanceof Y.ContentType ? at.content.type : null;
    if (type instanceof Y.XmlElement && type.nodeName === 'clause') {
      const id: unknown = type.getAttribute('id');
      return typeof id === 'string' ? id : null;
    }
  }
  return null;
}

/** The item with this id in a draft, or null when the draft does not hold it. */
function itemAt(doc: Y.Doc, id: Y.ID | null): Y.Item | null {
  if (id === null || Y.getState(doc.store, id.client) <= id.clock) return null;
  const item = Y.getItem(doc.store, id);
  return item instanceof Y.Item ? item : null;
}

/**
 * The clauses an update changes in a draft, as the lock rule (L2) sees it, roughly: a new struct
 * next to or inside one (its origin, right origin or parent), a deleted struct of one.
 */
function clausesTouched(doc: Y.Doc, update: Uint8Array): Set<string> {
  const { structs, ds } = Y.decodeUpdate(update);
  const touched = new Set<string>();
  const note = (item: Y.Item | null) => {
    const clauseId = clauseOf(item);
    if (clauseId !== null) touched.add(clauseId);
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    note(itemAt(doc, struct.origin));
    note(itemAt(doc, struct.rightOrigin));
    if (struct.parent instanceof Y.ID) note(itemAt(doc, struct.parent));
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; clock++) {
        if (isLiveChar(doc, { client, clock })) note(itemAt(doc, Y.createID(client, clock)));
      }
    }
  }
  return touched;
}

/** The clauses a draft's meta has locked, by id, with who locked them. */
function lockedClauses(doc: Y.Doc): Map<string, DelegationCode> {
  const meta = clauseMetaMap(doc);
  const locked = new Map<string, DelegationCode>();
  for (const clauseId of meta.keys()) {
    const lock = readClauseMeta(meta, clauseId)?.lock ?? null;
    if (lock !== null) locked.set(clauseId, lock.delegation);
  }
  return locked;
}

/**
 * A lock race: the refused change touches a clause the server's draft had locked between its
 * sending and the close, while the person's draft, when they made it, showed no lock on any
 * clause it touches (had it, the editor's lock guard should have stopped the change).
 */
function explainLockRefusal(
  refusal: RefusalCase,
  refused: SentFrame,
  head: string,
): { explained: boolean; why: string } {
  const before = replay(refusal.personUpdates, refused.known);
  const shown = lockedClauses(before);
  const seen = [...clausesTouched(before, refused.update)].filter((id) => shown.has(id));
  if (seen.length > 0) {
    return {
      explained: false,
      why: `${head}. Its editor already showed clause ${seen.join(', ')} locked when the change was made: the lock guard should have stopped it`,
    };
  }
  const at = replay(refusal.serverUpdates, refused.serverFrom);
  const raced = new Map<string, DelegationCode>();
  for (let count = refused.serverFrom; ; count++) {
    const locked = lockedClauses(at);
    for (const id of clausesTouched(at, refused.update)) {
      const by = locked.get(id);
      if (by !== undefined) raced.set(id, by);
    }
    const next = refusal.serverUpdates[count];
    if (count >= refusal.close.serverTo || next === undefined) break;
    Y.applyUpdate(at, next);
  }
  if (raced.size === 0) {
    return {
      explained: false,
      why: `${head}. Between its sending and the close, the server's draft had no clause it touches locked`,
    };
  }
  const list = [...raced].map(([id, by]) => `clause ${id} (locked by ${by})`).join(', ');
  return {
    explained: true,
    why: `${head}: lock race: it touches ${list}, a lock its draft had not received when the change was made`,
  };
}
