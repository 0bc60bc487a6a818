import * as Y from 'yjs';
import type { Storage } from '../storage/storage';
import { DocumentPersistence } from '../sync/DocumentPersistence';
import type { SyncLog } from '../sync/syncTypes';

/**
 * A draft's current state read from the data folder, loaded the way the sync server loads a
 * draft (its update log applied in one transaction), for tools that run beside the server.
 * Never compacts: a reader must not write the log a running server owns.
 */
export async function loadStoredDocument(
  storage: Storage,
  documentId: string,
  log: SyncLog,
): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const options = {
    documentId,
    updates: storage.updates,
    documents: storage.documents,
    compactEvery: Number.POSITIVE_INFINITY,
    log,
    // Compaction is what the queue would run, and it never comes due here: nothing to order.
    schedule: (task: () => Promise<void>) => task(),
  };
  await new DocumentPersistence(options, doc).load();
  return doc;
}
