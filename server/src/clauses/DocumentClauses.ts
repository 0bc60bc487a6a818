import type { ClauseAlternative, ClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { Position } from '@accord/shared/domain/positions';
import type { ClauseListResponse } from '@accord/shared/protocol/api';
import type { ClauseChangeRecord } from '../storage/storage';
import type { ClauseAlternatives, ClauseCommandResult } from './ClauseAlternatives';
import type { ClauseLocks } from './ClauseLocks';
import type { ClauseMetaStore } from './ClauseMetaStore';
import type { ClausePositions } from './ClausePositions';
import type { ClauseHistory, ClauseReads } from './ClauseReads';
import type { ClauseAuthor } from './clauseMetaChanges';

export type { ClauseCommandError, ClauseCommandResult } from './ClauseAlternatives';
export type { ClauseHistory } from './ClauseReads';
export type { PositionsCleared } from './PositionsClearedAudit';

/** The parts of a draft's clauses that the rest of the server uses (built by `clausePlugins`). */
export interface DocumentClausesParts {
  store: ClauseMetaStore;
  locks: ClauseLocks;
  positions: ClausePositions;
  alternatives: ClauseAlternatives;
  reads: ClauseReads;
}

/**
 * What the clause plugins of one loaded draft offer the rest of the server, through
 * `SyncServer.withClauses`: the commands (positions, locks, alternatives) and the reads
 * (status, history, deleted clauses). Every server write of clause meta goes through `meta`
 * (`ClauseMetaStore`, the `accord` map's only writer), so the lock and bracket rules and the
 * audit see it. The rules themselves are `DocumentPlugin`s (`clausePlugins`).
 */
export class DocumentClauses {
  /** Which clauses are locked, and the lock and unlock commands. */
  readonly locks: ClauseLocks;
  /** The clause meta and its only writer. */
  readonly meta: ClauseMetaStore;
  private readonly positions: ClausePositions;
  private readonly alternatives: ClauseAlternatives;
  private readonly reads: ClauseReads;

  constructor(parts: DocumentClausesParts) {
    this.locks = parts.locks;
    this.meta = parts.store;
    this.positions = parts.positions;
    this.alternatives = parts.alternatives;
    this.reads = parts.reads;
  }

  list(): ClauseListResponse {
    return this.reads.list();
  }

  currentText(clauseId: string): string | undefined {
    return this.reads.currentText(clauseId);
  }

  deletedClauses(): Promise<{ deletion: ClauseChangeRecord; lastText: string }[]> {
    return this.reads.deletedClauses();
  }

  historyOf(clauseId: string): Promise<ClauseHistory | undefined> {
    return this.reads.historyOf(clauseId);
  }

  statePosition(
    clauseId: string,
    author: ClauseAuthor,
    position: Position | null,
  ): Promise<ClauseCommandResult<ClauseMeta>> {
    return this.positions.statePosition(clauseId, author, position);
  }

  proposeAlternative(
    clauseId: string,
    author: ClauseAuthor,
    text: string,
  ): Promise<ClauseCommandResult<ClauseMeta>> {
    return this.alternatives.proposeAlternative(clauseId, author, text);
  }

  withdrawAlternative(
    clauseId: string,
    alternativeId: string,
    author: ClauseAuthor,
    may: (alternative: ClauseAlternative) => boolean,
  ): Promise<ClauseCommandResult<ClauseMeta> | { ok: false; error: 'forbidden' }> {
    return this.alternatives.withdrawAlternative(clauseId, alternativeId, author, may);
  }

  alternativeToChoose(
    clauseId: string,
    alternativeId: string | null,
  ): ClauseCommandResult<ClauseAlternative | null> {
    return this.alternatives.alternativeToChoose(clauseId, alternativeId);
  }

  settleAlternatives(
    clauseId: string,
    alternativeId: string | null,
    author: ClauseAuthor,
  ): Promise<ClauseCommandResult<ClauseMeta>> {
    return this.alternatives.settleAlternatives(clauseId, alternativeId, author);
  }
}
