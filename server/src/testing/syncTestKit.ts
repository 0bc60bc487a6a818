import { afterAll, afterEach, beforeAll } from 'vitest';
import * as Y from 'yjs';
import { clausePlugins } from '../clauses/clausePlugins';
import type { UpdateLogStore } from '../storage/storage';
import { SyncServer } from '../sync/SyncServer';
import type { LivenessOptions, SyncLogLevel, SyncPrincipal } from '../sync/syncTypes';
import { clauseText, pump, TestSyncClient } from './testClient';
import { type RunningTestServer, startTestServer } from './testServer';

/** Options of a sync server under test. */
export interface TestSyncServerOptions {
  compactEvery?: number;
  idleUnloadMs?: number;
  updates?: UpdateLogStore;
  liveness?: LivenessOptions;
}

/**
 * The sync core against the real SQLite store of a test server, with in-process clients (no
 * sockets) and the real clause plugins. Registers the file's hooks: one test server for the
 * file; every sync server and client is shut down after each test and the log lines cleared.
 */
export function useSyncTestKit() {
  let server: RunningTestServer;
  const servers: SyncServer[] = [];
  const clients: TestSyncClient[] = [];
  const logLines: { level: SyncLogLevel; message: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const sync of servers.splice(0)) await sync.shutdown();
    logLines.splice(0);
  });

  function syncServer(options: TestSyncServerOptions = {}): SyncServer {
    const sync = new SyncServer({
      updates: options.updates ?? server.storage.updates,
      documents: server.storage.documents,
      plugins: clausePlugins({ changes: server.storage.clauseChanges, now: Date.now }),
      compactEvery: options.compactEvery ?? 500,
      idleUnloadMs: options.idleUnloadMs ?? 60_000,
      log: (level, message) => logLines.push({ level, message }),
      ...(options.liveness ? { liveness: options.liveness } : {}),
    });
    servers.push(sync);
    return sync;
  }

  async function principal(
    username: string,
    sessionId = `session-${username}`,
  ): Promise<SyncPrincipal> {
    const { storage } = server;
    const user = await storage.users.byUsername(username);
    const negotiation = (await storage.negotiations.list())[0];
    if (user === undefined || negotiation === undefined) throw new Error('Demo data is missing.');
    const membership = await storage.negotiations.membership(negotiation.id, user.id);
    const document = (await storage.documents.listByNegotiation(negotiation.id))[0];
    if (membership === undefined || document === undefined) {
      throw new Error('Demo data is missing.');
    }
    return {
      sessionId,
      userId: user.id,
      displayName: user.displayName,
      delegation: membership.delegation,
      role: membership.role,
      documentId: document.id,
      negotiationId: negotiation.id,
    };
  }

  /** Connects an in-process client and completes the handshake. */
  async function connect(
    sync: SyncServer,
    username: string,
    sessionId?: string,
  ): Promise<TestSyncClient> {
    const client = new TestSyncClient(sync, await principal(username, sessionId));
    clients.push(client);
    client.sendSyncStep1();
    await pump(client);
    return client;
  }

  /** A clause's text as the update log holds it. */
  async function storedText(clauseId: string): Promise<string> {
    const doc = new Y.Doc();
    const { documentId } = await principal('chair');
    const stored = await server.storage.updates.load(documentId);
    Y.transact(doc, () => {
      for (const { update } of stored) Y.applyUpdate(doc, update);
    });
    return clauseText(doc, clauseId).toString();
  }

  return {
    /** Has a client made by hand destroyed after the test, like those of `connect`. */
    track: (client: TestSyncClient) => clients.push(client),
    syncServer,
    principal,
    connect,
    storedText,
    logLines,
    storage: () => server.storage,
  };
}
