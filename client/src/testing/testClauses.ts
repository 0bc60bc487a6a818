import { CLAUSE_META_ROOT, type ClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { type DraftJson, writeDraft } from '@accord/shared/domain/draft';
import type { Position } from '@accord/shared/domain/positions';
import type { ClauseKind } from '@accord/shared/domain/schema';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import * as Y from 'yjs';
import type { ClauseView } from '../sync/clauseViews';

/** A Y.Doc holding a communiqué with the given `[id, kind, text]` clauses, for tests. */
export function draftDocWith(clauses: readonly [string, ClauseKind, string][]): Y.Doc {
  const draft: DraftJson = {
    type: 'doc',
    content: [
      { type: 'title', content: [{ type: 'text', text: 'Communiqué' }] },
      ...clauses.map(([id, kind, text]) => ({
        type: 'clause' as const,
        attrs: { id, kind },
        content: [{ type: 'text' as const, text }],
      })),
    ],
  };
  const doc = new Y.Doc();
  writeDraft(doc, draft);
  return doc;
}

/** Meta with the given positions, all bound to `text`, as the server would write it. */
export function metaWithPositions(
  text: string,
  positions: Partial<Record<DelegationCode, Position>>,
): ClauseMeta {
  const textHash = clauseTextHash(text);
  const stated: ClauseMeta['positions'] = {};
  for (const [delegation, position] of Object.entries(positions) as [DelegationCode, Position][]) {
    stated[delegation] = { position, textHash, userId: `u-${delegation}`, at: 1 };
  }
  return { proposer: null, positions: stated, cleared: [], textHash };
}

/** Writes a clause's meta as the server does (tests only: clients never write it). */
export function writeMeta(doc: Y.Doc, clauseId: string, meta: ClauseMeta): void {
  doc.getMap(CLAUSE_META_ROOT).set(clauseId, meta);
}

/** A clause view with defaults, for tests of what is built on views. */
export function viewOf(overrides: Partial<ClauseView> & Pick<ClauseView, 'id'>): ClauseView {
  return {
    label: 'OP1',
    kind: 'operative',
    text: 'Agree.',
    status: 'open',
    proposer: null,
    positions: {},
    cleared: [],
    brackets: {},
    lock: null,
    alternatives: [],
    ...overrides,
  };
}
