import { lockedClauseRefusal } from '@accord/shared/domain/locks';
import type * as Y from 'yjs';
import type { DecodedUpdate, DocumentPlugin, UpdateCheckContext } from '../sync/DocumentPlugin';
import type { SyncRejection } from '../sync/syncTypes';
import type { ClauseIndex } from './ClauseIndex';
import type { ClauseMetaStore, MetaWrite } from './ClauseMetaStore';
import { clauseLabel } from './clauseLabels';
import { LockedClauseIndex } from './LockedClauseIndex';
import { lockedClauseTouched } from './lockedClauseCheck';

/** What the lock rule needs from its document. */
export interface LockRuleOptions {
  doc: Y.Doc;
  store: ClauseMetaStore;
  index: ClauseIndex;
}

/**
 * L2: nothing inside or deleting a locked clause. Refuses (`clauseLocked`, naming the clause and
 * who locked it) any update that `lockedClauseTouched` finds touching a locked clause. The
 * index of the locked clauses' structs is derived from the lock meta (L6): built when first
 * needed (the first check; issue 17: not before a cold load's first sync answer; `build`) and
 * rebuilt whenever a committed meta write locks, unlocks or relocks a clause, so the two
 * cannot disagree.
 */
export class LockRule implements DocumentPlugin {
  readonly name = 'locks';
  /** Null until built: a lock written before then is read by the build itself. */
  private locked: LockedClauseIndex | null = null;

  constructor(private readonly options: LockRuleOptions) {
    options.store.observe(this.noticed);
  }

  /** Builds the index from the lock meta as it is now, unless it was built already. */
  build(): LockedClauseIndex {
    return this.locked ?? this.rebuild();
  }

  check(update: DecodedUpdate, context: UpdateCheckContext): SyncRejection | undefined {
    const clauseId = lockedClauseTouched(update, context.doc, this.build());
    if (clauseId === undefined) return undefined;
    return { reason: 'clauseLocked', message: this.refusalMessage(clauseId) };
  }

  /**
   * The notice for a sender whose update touched a locked clause. Numbering the clause walks the
   * draft once; it happens only when an update is refused, which also closes the sender's socket.
   */
  private refusalMessage(clauseId: string): string {
    const lock = this.options.store.read(clauseId)?.lock ?? { delegation: 'CHAIR' as const };
    return lockedClauseRefusal(clauseLabel(this.options.doc, clauseId), lock);
  }

  private readonly noticed = (write: MetaWrite): void => {
    const lockChanged = write.changes.some(
      ({ before, after }) =>
        JSON.stringify(before?.lock ?? null) !== JSON.stringify(after.lock ?? null),
    );
    if (lockChanged && this.locked !== null) this.rebuild();
  };

  /** Re-reads which clauses are locked from the meta. */
  private rebuild(): LockedClauseIndex {
    const { store, index } = this.options;
    const locked: { clauseId: string; elements: Y.XmlElement[] }[] = [];
    for (const clauseId of store.clauseIds()) {
      if ((store.read(clauseId)?.lock ?? null) === null) continue;
      locked.push({ clauseId, elements: index.elementsOf(clauseId) });
    }
    const built = new LockedClauseIndex();
    built.rebuild(locked);
    this.locked = built;
    return built;
  }
}
