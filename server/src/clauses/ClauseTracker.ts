import { type ClauseMeta, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import type {
  CommittedUpdate,
  DocumentPlugin,
  DocumentPluginHost,
  StagedWork,
  UpdateSender,
} from '../sync/DocumentPlugin';
import type { BracketRule } from './BracketRule';
import type { ClauseHistoryRecorder } from './ClauseHistoryRecorder';
import type { ClauseIndex, ClauseTextChange } from './ClauseIndex';
import type { ClauseMetaStore } from './ClauseMetaStore';
import { type ClauseAuthor, metaAfterTextChange } from './clauseMetaChanges';

/** What one update changed, and the meta to write for it (taken right after it was applied). */
interface TrackedWork {
  changes: ClauseTextChange[];
  writes: Map<string, ClauseMeta>;
  author: ClauseAuthor;
  at: number;
}

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

  async afterCommit({ seq, sender, staged }: CommittedUpdate): Promise<void> {
    const work = (staged as TrackedWork | undefined) ?? this.take(sender);
    if (work === null) return;
    const { history, store, host } = this.options;
    const { changes, writes, author, at } = work;
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

  /**
   * Group commit: takes this update's clause changes and brackets now, before the next update
   * of the group is applied. The meta it will write (proposer, cleared positions, brackets) is
   * read by the lock and bracket rules, so an update that writes any ends the group (`barrier`).
   */
  staged(sender: UpdateSender): StagedWork {
    const work = this.take(sender);
    return { work, barrier: work !== null && work.writes.size > 0 };
  }

  /**
   * What the update just applied changed (clause texts, as the index saw them, and the '['
   * inserted) and the meta to write for it, from the meta as it is now. Null: no clause changed.
   */
  private take(sender: UpdateSender): TrackedWork | null {
    const { index, store, brackets } = this.options;
    const author = { userId: sender.userId, delegation: sender.delegation };
    const changes = index.takeChanges();
    const inserted = brackets.takeInserted();
    if (changes.length === 0) return null;
    const at = this.options.now();
    const writes = new Map<string, ClauseMeta>();
    for (const { clauseId, textBefore, textAfter, removed } of changes) {
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
    return { changes, writes, author, at };
  }

  destroy(): void {
    this.options.index.destroy();
  }
}
