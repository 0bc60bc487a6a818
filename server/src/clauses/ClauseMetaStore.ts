import { type ClauseMeta, clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import type * as Y from 'yjs';
import type { DocumentPluginHost } from '../sync/DocumentPlugin';
import type { SyncResult } from '../sync/syncTypes';
import type { ClauseAuthor } from './clauseMetaChanges';

/** Why clause meta was written: a client's text change (C1, B1) or a server command. */
export type MetaWriteCause = { kind: 'textChange'; author: ClauseAuthor } | { kind: 'command' };

/** One committed write of clause meta, as observers of the store are told it. */
export interface MetaWrite {
  cause: MetaWriteCause;
  changes: readonly { clauseId: string; before: ClauseMeta | null; after: ClauseMeta }[];
}

const COMMAND: MetaWriteCause = { kind: 'command' };

/**
 * The clause meta of one loaded draft (the `accord` map: proposers, positions, locks, brackets,
 * alternatives), and its only writer (S3, C4). Every write is one server transaction in the
 * document's queue, committed and broadcast before `write` resolves (S5); then the indexes derived from the meta (locked
 * clauses, bracket owners) and the audit are told, in the order they subscribed, so that none
 * of them is kept in step by hand. A write that could not be committed tells nobody: the
 * document is dropped and reloaded from its log.
 */
export class ClauseMetaStore {
  private readonly meta: Y.Map<unknown>;
  private readonly observers: ((write: MetaWrite) => void)[] = [];

  constructor(private readonly host: Pick<DocumentPluginHost, 'doc' | 'write'>) {
    this.meta = clauseMetaMap(host.doc);
  }

  /** A clause's meta, or null when it has none. */
  read(clauseId: string): ClauseMeta | null {
    return readClauseMeta(this.meta, clauseId);
  }

  /** Whether a clause has meta (it was seen in the draft, now or before). */
  has(clauseId: string): boolean {
    return this.meta.has(clauseId);
  }

  /** The clauses that have meta. */
  clauseIds(): string[] {
    return [...this.meta.keys()];
  }

  /** Writes the metas in one server transaction, then tells the observers. */
  async write(
    metas: ReadonlyMap<string, ClauseMeta>,
    cause: MetaWriteCause = COMMAND,
  ): Promise<SyncResult<boolean>> {
    const changes = [...metas].map(([clauseId, after]) => ({
      clauseId,
      before: this.read(clauseId),
      after,
    }));
    const written = await this.host.write(() => {
      for (const [clauseId, meta] of metas) this.meta.set(clauseId, meta);
    });
    if (!written.ok) return written;
    for (const observer of this.observers) observer({ cause, changes });
    return written;
  }

  /** Calls `observer` after every committed write, from now on. */
  observe(observer: (write: MetaWrite) => void): void {
    this.observers.push(observer);
  }
}
