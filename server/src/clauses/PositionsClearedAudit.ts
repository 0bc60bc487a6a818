import type { DelegationCode } from '@accord/shared/domain/delegations';
import type * as Y from 'yjs';
import type { DocumentPlugin, DocumentPluginHost, StagedWork } from '../sync/DocumentPlugin';
import type { ClauseMetaStore, MetaWrite } from './ClauseMetaStore';
import { clauseLabel } from './clauseLabels';
import type { ClauseAuthor } from './clauseMetaChanges';

/** Positions a text change cleared, for the audit log. */
export interface PositionsCleared {
  documentId: string;
  clauseId: string;
  /** The clause's number when it happened (PP2, OP3…). */
  label: string;
  /** Whose positions were cleared. */
  delegations: DelegationCode[];
  /** Who changed the text. */
  author: ClauseAuthor;
}

/** Where cleared positions are reported (the audit log, given once where plugins are wired). */
export type PositionsClearedSink = (cleared: PositionsCleared) => void | Promise<void>;

/**
 * C1's audit: a text change that clears positions is a position change, so it goes into the
 * audit log, clause by clause, naming whose positions went and who changed the text. It watches
 * the `ClauseMetaStore` for writes caused by a text change and reports them once the update is
 * committed (`afterCommit`, after `ClauseTracker`'s). A failing sink is logged, never fatal.
 */
export class PositionsClearedAudit implements DocumentPlugin {
  readonly name = 'positionsClearedAudit';
  private pending: PositionsCleared[] = [];

  constructor(
    private readonly host: Pick<DocumentPluginHost, 'documentId' | 'log'> & { doc: Y.Doc },
    store: ClauseMetaStore,
    private readonly sink: PositionsClearedSink,
  ) {
    store.observe(this.noticed);
  }

  /**
   * Group commit: nothing to take. What `afterCommit` reports was noticed in the tracker's
   * `afterCommit` of the same update, and it writes nothing a check reads.
   */
  staged(): StagedWork {
    return { work: undefined, barrier: false };
  }

  async afterCommit(): Promise<void> {
    for (const cleared of this.pending.splice(0)) {
      try {
        await this.sink(cleared);
      } catch (error) {
        this.host.log(
          'error',
          `Cleared positions on ${cleared.clauseId} not reported: ${String(error)}`,
        );
      }
    }
  }

  private readonly noticed = ({ cause, changes }: MetaWrite): void => {
    if (cause.kind !== 'textChange') return;
    for (const { clauseId, before, after } of changes) {
      const delegations = (Object.keys(before?.positions ?? {}) as DelegationCode[]).filter(
        (delegation) => after.positions[delegation] === undefined,
      );
      if (delegations.length === 0) continue;
      this.pending.push({
        documentId: this.host.documentId,
        clauseId,
        label: clauseLabel(this.host.doc, clauseId),
        delegations,
        author: cause.author,
      });
    }
  };
}
