import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { Position } from '@accord/shared/domain/positions';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import type { ClauseCommandResult } from './ClauseAlternatives';
import type { ClauseIndex } from './ClauseIndex';
import type { ClauseMetaStore } from './ClauseMetaStore';
import { type ClauseAuthor, metaWithPosition } from './clauseMetaChanges';

/** What the position command needs from its document. */
export interface ClausePositionsOptions {
  index: ClauseIndex;
  store: ClauseMetaStore;
  now: () => number;
}

/** The delegations' positions on a draft's clauses, bound to the text they were given on (C1). */
export class ClausePositions {
  constructor(private readonly options: ClausePositionsOptions) {}

  /**
   * States (or, with null, withdraws) a delegation's position on a clause's current text. A
   * locked clause's positions are frozen with it (L4): the lock records the agreement it was
   * given on.
   */
  async statePosition(
    clauseId: string,
    author: ClauseAuthor,
    position: Position | null,
  ): Promise<ClauseCommandResult<ClauseMeta>> {
    const text = this.options.index.currentText(clauseId);
    if (text === undefined) return { ok: false, error: 'unknownClause' };
    const existing = this.options.store.read(clauseId);
    if ((existing?.lock ?? null) !== null) return { ok: false, error: 'clauseLocked' };
    const meta = metaWithPosition(existing, {
      delegation: author.delegation,
      position,
      userId: author.userId,
      textHash: clauseTextHash(text),
      at: this.options.now(),
    });
    const written = await this.options.store.write(new Map([[clauseId, meta]]));
    return written.ok ? { ok: true, value: meta } : { ok: false, error: 'storageFailed' };
  }
}
