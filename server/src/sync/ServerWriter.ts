import { uint32 } from 'lib0/random';
import * as Y from 'yjs';
import { SERVER_AUTHOR } from '../storage/storage';
import type { DocumentPersistence } from './DocumentPersistence';
import { encodeSyncUpdate } from './protocol';
import type { ServerStructIndex } from './ServerStructIndex';
import type { SyncLog, SyncResult } from './syncTypes';

/** The transaction origin of the server's own writes; the document does not broadcast them. */
export const SERVER_WRITE_ORIGIN: unique symbol = Symbol('accord server write');

/** How many random client ids the server tries before giving up (a clash is ~1 in 4 billion). */
const CLIENT_ID_ATTEMPTS = 8;

/** What the writer needs from its document. */
export interface ServerWriterOptions {
  documentId: string;
  doc: Y.Doc;
  persistence: DocumentPersistence;
  serverStructs: ServerStructIndex;
  /** Sends a frame to every connection of the document. */
  broadcast: (frame: Uint8Array) => void;
  /** The document now holds a change the log does not: it must be dropped and reloaded. */
  onDiverged: () => void;
  log: SyncLog;
}

/**
 * Writes server-authoritative state into a document (S3) as the server's own
 * Yjs client, bound in `client_ids` to `SERVER_AUTHOR` so that the validator refuses any client
 * update that builds on or deletes it, across reloads. Like a client's update, the server's is
 * committed to the log before it is broadcast (S5). It runs inside a task of the document's
 * queue (`SyncDocument` sees to it), so nobody reads the document between the transaction and
 * its commit; a commit that fails leaves the document diverged, and it is dropped.
 */
export class ServerWriter {
  private clientId: number | null = null;

  constructor(private readonly options: ServerWriterOptions) {}

  /**
   * Runs `change` in one server transaction, commits the resulting update (author: nobody) and
   * broadcasts it to every connection. Returns whether anything changed.
   */
  async write(change: (doc: Y.Doc) => void): Promise<SyncResult<boolean>> {
    const { doc, persistence, serverStructs, log, documentId } = this.options;
    const claimed = await this.claimClientId();
    if (!claimed.ok) return claimed;
    let made: { update: Uint8Array; transaction: Y.Transaction } | null = null;
    const capture = (
      update: Uint8Array,
      origin: unknown,
      _doc: Y.Doc,
      transaction: Y.Transaction,
    ) => {
      if (origin === SERVER_WRITE_ORIGIN) made = { update, transaction };
    };
    let failure: unknown = null;
    doc.on('update', capture);
    try {
      Y.transact(doc, () => change(doc), SERVER_WRITE_ORIGIN);
    } catch (error) {
      failure = error;
    } finally {
      doc.off('update', capture);
    }
    // Whatever the transaction changed is in the document now: commit it even after a failure.
    const written = made as { update: Uint8Array; transaction: Y.Transaction } | null;
    if (written !== null) {
      serverStructs.afterTransaction(written.transaction);
      const committed = await persistence.commitServerUpdate(written.update);
      if (!committed.ok) {
        this.options.onDiverged();
        return committed;
      }
      persistence.applied(committed.value);
      this.options.broadcast(encodeSyncUpdate(written.update));
    }
    if (failure !== null) {
      log('error', `Document ${documentId}: a server write failed (${String(failure)}).`);
      return {
        ok: false,
        error: { reason: 'internalError', message: 'The server could not make the change.' },
      };
    }
    return { ok: true, value: written !== null };
  }

  /**
   * Makes the document write as a client id bound to the server: the one of an earlier load
   * when there is one (the server is its only writer, so it continues at its current clock),
   * else a fresh one that nobody has used or claimed.
   */
  private async claimClientId(): Promise<SyncResult<void>> {
    const { doc, persistence, serverStructs } = this.options;
    if (this.clientId !== null) {
      // Yjs replaces a client id that a remote update used; the validator makes that impossible
      // for ours, but the document must never write under another id.
      doc.clientID = this.clientId;
      return { ok: true, value: undefined };
    }
    let candidate = persistence.serverClientIds()[0] ?? doc.clientID;
    for (let attempt = 0; attempt < CLIENT_ID_ATTEMPTS; attempt++) {
      const owner = persistence.ownerOf(candidate);
      if (owner === SERVER_AUTHOR) {
        this.clientId = candidate;
        doc.clientID = candidate;
        return { ok: true, value: undefined };
      }
      if (owner === undefined && Y.getState(doc.store, candidate) === 0) {
        const bound = await persistence.bindServerClientId(candidate);
        if (!bound.ok) return bound;
        if (bound.value) {
          serverStructs.addClient(candidate);
          this.clientId = candidate;
          doc.clientID = candidate;
          return { ok: true, value: undefined };
        }
      }
      candidate = uint32();
    }
    return {
      ok: false,
      error: { reason: 'internalError', message: 'The server could not claim a client id.' },
    };
  }
}
