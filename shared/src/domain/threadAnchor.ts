import * as Y from 'yjs';
import type { ThreadAnchor } from '../protocol/threads';
import type { Result } from '../result';
import { clauseIdOf, enclosingClause } from './clauseNodes';
import { DRAFT_FRAGMENT } from './schema';

/**
 * A comment thread's anchor: two Yjs relative positions in the text of one clause. They follow
 * their characters through everyone's edits, splits and merges; when the characters are deleted
 * the range collapses and the thread is shown detached, with its quote.
 */

/** Where an anchor lies now: its clause, the text it is in and the range's indexes there. */
export interface ResolvedAnchor {
  clauseId: string;
  text: Y.XmlText;
  from: number;
  to: number;
  /** The anchored characters now. */
  quote: string;
}

/** Why an anchor could not be read or does not lie in the draft's text. */
export type AnchorProblem = 'malformed' | 'outside';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The plain text of an `XmlText` (formatting left out). */
export function plainTextOf(text: Y.XmlText): string {
  let plain = '';
  for (const op of text.toDelta() as { insert?: unknown }[]) {
    if (typeof op.insert === 'string') plain += op.insert;
  }
  return plain;
}

/**
 * The anchor of `text[from, to)`. The start sticks to the first character and the end to the
 * last one, so that typing just outside the range does not widen it.
 */
export function createThreadAnchor(text: Y.XmlText, from: number, to: number): ThreadAnchor {
  const start = Y.createRelativePositionFromTypeIndex(text, from, 0);
  const end = Y.createRelativePositionFromTypeIndex(text, to, -1);
  return {
    start: toBase64(Y.encodeRelativePosition(start)),
    end: toBase64(Y.encodeRelativePosition(end)),
  };
}

/**
 * A relative position from untrusted text. One that names a root type (`tname`) is refused
 * before Yjs resolves it: resolving it would create that root type in the document (a clause
 * text is never a root type, so no real anchor has one).
 */
function decode(encoded: string): Y.RelativePosition | null {
  const bytes = fromBase64(encoded);
  if (bytes === null) return null;
  try {
    const position = Y.decodeRelativePosition(bytes);
    return position.tname === null ? position : null;
  } catch {
    return null;
  }
}

function isDeleted<Event>(type: Y.AbstractType<Event>): boolean {
  let item = type._item;
  while (item !== null) {
    if (item.deleted) return true;
    const parent = item.parent;
    item = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return false;
}

/**
 * Where an anchor lies in `doc`: both ends in the same live clause text, start not after end.
 * A range whose characters were all deleted resolves with `from === to` (detached).
 */
export function resolveThreadAnchor(
  doc: Y.Doc,
  anchor: ThreadAnchor,
): Result<ResolvedAnchor, AnchorProblem> {
  const start = decode(anchor.start);
  const end = decode(anchor.end);
  if (start === null || end === null) return { ok: false, error: 'malformed' };
  let from: Y.AbsolutePosition | null;
  let to: Y.AbsolutePosition | null;
  try {
    from = Y.createAbsolutePositionFromRelativePosition(start, doc);
    to = Y.createAbsolutePositionFromRelativePosition(end, doc);
  } catch {
    return { ok: false, error: 'malformed' };
  }
  if (from === null || to === null || from.type !== to.type) return { ok: false, error: 'outside' };
  const text = from.type;
  if (!(text instanceof Y.XmlText) || isDeleted(text)) return { ok: false, error: 'outside' };
  const clause = enclosingClause(text, doc.getXmlFragment(DRAFT_FRAGMENT));
  const clauseId = clause && clauseIdOf(clause);
  if (clause === null || clauseId === null || text.parent !== clause) {
    return { ok: false, error: 'outside' };
  }
  const toIndex = Math.max(from.index, to.index);
  return {
    ok: true,
    value: {
      clauseId,
      text,
      from: from.index,
      to: toIndex,
      quote: plainTextOf(text).slice(from.index, toIndex),
    },
  };
}
