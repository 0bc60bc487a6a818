import { type ClauseMeta, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import type { CommittedUpdate, DocumentPlugin, DocumentPluginHost } from '../sync/DocumentPlugin';
import type { BracketRule } from './BracketRule';
import type { ClauseHistoryRecorder } from './ClauseHistoryRecorder';
import type { ClauseIndex } from './ClauseIndex';
import type { ClauseMetaStore } from './ClauseMetaStore';
import { metaAfterTextChange } from './clauseMetaChanges';

/** What the tracker needs: the document, the clause index, the history, the meta and brackets. */
export interface ClauseTrackerOptions {
  host: Pick<DocumentPluginHost, 'documentId' | 'log'>;
  index: ClauseIndex;
  history: ClauseHistoryRecorder;
  store: ClauseMetaStore;
  brackets: BracketRule;
  now: () => number;
}

/**
 * Follows the clauses through client updates. After every committed update (S5: the text is
 * already broadcast) it records the history of the clauses whose text changed (C3), gives a new
 * clause its proposer (C2), clears the positions given on other text (C1) and records the '['
 * the update inserted as its author's brackets (B1), in one server write, in the same task of
 * the document's queue as the update (S5), so that no other change comes between the text and
 * the clearing. A removed
 * clause keeps its meta: an undo brings it back with proposer and positions.
 */
export class ClauseTracker implements DocumentPlugin {
  readonly name = 'clauseTracker';

  constructor(private readonly options: ClauseTrackerOptions) {}

  async afterCommit({ seq, sender }: CommittedUpdate): Promise<void> {
    const { index, history, store, brackets, host } = this.options;
    const author = { userId: sender.userId, delegation: sender.delegation };
    const changes = index.takeChanges();
    const inserted = brackets.takeInserted();
    if (changes.length === 0) return;
    const at = this.options.now();
    const writes = new Map<string, ClauseMeta>();
    for (const { clauseId, textBefore, textAfter, removed, restored } of changes) {
      if (removed || restored || (textBefore ?? '') !== textAfter) {
        const event = removed ? 'deleted' : restored ? 'restored' : null;
        await history.record({
          clauseId,
          textBefore: textBefore ?? '',
          textAfter,
          author,
          seq,
          at,
          ...(event === null ? {} : { event: { kind: event } }),
        });
      }
      if (removed) continue;
      const existing = store.read(clauseId);
      const isNew = textBefore === undefined && !store.has(clauseId);
      const added = inserted.get(clauseId);
      // Hashing costs a pass over the text: only when there is something to bind or clear.
      const hasPositions = existing !== null && Object.keys(existing.positions).length > 0;
      if (!isNew && !hasPositions && added === undefined) continue;
      const textHash = clauseTextHash(textAfter);
      let next = metaAfterTextChange(existing, { isNew, textHash, author, at });
      if (added !== undefined) {
        next = brackets.withInserted(next ?? existing ?? emptyClauseMeta(textHash), added, {
          delegation: author.delegation,
          userId: author.userId,
          at,
        });
      }
      if (next !== null) writes.set(clauseId, next);
    }
    if (writes.size === 0) return;
    const written = await store.write(writes, { kind: 'textChange', author });
    if (!written.ok) {
      host.log(
        'error',
        `Document ${host.documentId}: clause meta could not be written (${written.error.message}).`,
      );
    }
  }

  destroy(): void {
    this.options.index.destroy();
  }
}
