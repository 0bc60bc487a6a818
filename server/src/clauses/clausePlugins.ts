import type { ClauseChangeStore } from '../storage/storage';
import type { DocumentPlugin, DocumentPluginFactory } from '../sync/DocumentPlugin';
import { BracketRule } from './BracketRule';
import { ClauseAlternatives } from './ClauseAlternatives';
import { ClauseHistoryRecorder } from './ClauseHistoryRecorder';
import { ClauseIndex } from './ClauseIndex';
import { ClauseLocks } from './ClauseLocks';
import { ClauseMetaStore } from './ClauseMetaStore';
import { ClausePositions } from './ClausePositions';
import { ClauseReads } from './ClauseReads';
import { ClauseTracker } from './ClauseTracker';
import { DocumentClauses } from './DocumentClauses';
import { LockRule } from './LockRule';
import { PositionsClearedAudit, type PositionsClearedSink } from './PositionsClearedAudit';

/** What the clause plugins need from the server, given once where they are wired. */
export interface ClausePluginsOptions {
  /** Where the history of clause texts is recorded. */
  changes: ClauseChangeStore;
  /** The clock of clause history, positions and locks. */
  now: () => number;
  /** Told when a text change cleared positions (the audit log); not reported without it. */
  positionsCleared?: PositionsClearedSink | undefined;
}

/**
 * The clause plugins of every loaded draft, in the order the sync core runs them: the lock rule
 * (L2) and the bracket rule (B2, B3) check each update before it is committed, the first
 * refusal winning; after the commit the tracker records history, proposers, cleared positions
 * and brackets (C1–C3, B1), and the audit plugin reports the cleared positions (C1). They share
 * one `ClauseMetaStore`, the only writer of the meta, whose derived indexes observe it.
 */
export function clausePlugins(
  options: ClausePluginsOptions,
): DocumentPluginFactory<DocumentClauses> {
  return (host) => {
    const { doc, documentId } = host;
    const store = new ClauseMetaStore(host);
    const index = new ClauseIndex(doc);
    const history = new ClauseHistoryRecorder(documentId, options.changes, host.log);
    const brackets = new BracketRule(doc, store);
    const locks = new LockRule({ doc, store, index });
    // The indexes are built when first needed; a cold load answers its first sync before this.
    host.background(() => {
      index.build();
      locks.build();
      brackets.build();
    });
    const plugins: DocumentPlugin[] = [
      locks,
      brackets,
      new ClauseTracker({ host, index, history, store, brackets, now: options.now }),
    ];
    if (options.positionsCleared !== undefined) {
      plugins.push(new PositionsClearedAudit(host, store, options.positionsCleared));
    }
    const api = new DocumentClauses({
      store,
      locks: new ClauseLocks({ doc, store, index, now: options.now }),
      positions: new ClausePositions({ index, store, now: options.now }),
      alternatives: new ClauseAlternatives({ index, store, history, now: options.now }),
      reads: new ClauseReads({ documentId, doc, index, store, changes: options.changes }),
    });
    return { plugins, api };
  };
}
