import { clauseMetaMap } from '@accord/shared/domain/clauseMeta';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clausePlugins } from '../clauses/clausePlugins';
import { SERVER_AUTHOR, type UpdateLogStore } from '../storage/storage';
import { pump, TestSyncClient } from '../testing/testClient';
import { type RunningTestServer, startTestServer } from '../testing/testServer';
import { SyncServer } from './SyncServer';
import type { SyncPrincipal } from './syncTypes';

/** The server's own writes (clause meta) through the sync core, with in-process clients. */

let server: RunningTestServer;
const servers: SyncServer[] = [];
const clients: TestSyncClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const sync of servers.splice(0)) await sync.shutdown();
});

function syncServer(updates: UpdateLogStore = server.storage.updates): SyncServer {
  const sync = new SyncServer({
    updates,
    documents: server.storage.documents,
    plugins: clausePlugins({ changes: server.storage.clauseChanges, now: Date.now }),
    log: () => {},
  });
  servers.push(sync);
  return sync;
}

async function principal(username: string): Promise<SyncPrincipal> {
  const { storage } = server;
  const user = (await storage.users.byUsername(username))!;
  const negotiation = (await storage.negotiations.list())[0]!;
  const membership = (await storage.negotiations.membership(negotiation.id, user.id))!;
  return {
    sessionId: `session-${username}`,
    userId: user.id,
    displayName: user.displayName,
    delegation: membership.delegation,
    role: membership.role,
    documentId: (await storage.documents.listByNegotiation(negotiation.id))[0]!.id,
    negotiationId: negotiation.id,
  };
}

async function connect(sync: SyncServer, username: string): Promise<TestSyncClient> {
  const client = new TestSyncClient(sync, await principal(username));
  clients.push(client);
  client.sendSyncStep1();
  await pump(client);
  return client;
}

describe('ServerWriter (S3, S5)', () => {
  it('writes as a client id bound to the server, committed, then broadcast to everyone', async () => {
    const sync = syncServer();
    const mexico = await connect(sync, 'mx.delegate');
    const { documentId, userId } = await principal('mx.delegate');
    const stored = (await server.storage.updates.stats(documentId)).updates;
    const result = await sync.withClauses(documentId, (clauses) =>
      clauses.statePosition('op-jobs', { userId, delegation: 'MX' }, 'agree'),
    );
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    expect((await server.storage.updates.stats(documentId)).updates).toBe(stored + 1);
    await pump(mexico);
    expect(clauseMetaMap(mexico.doc).has('op-jobs')).toBe(true);
    const owners = await server.storage.updates.clientOwners(documentId);
    expect([...owners.values()]).toContain(SERVER_AUTHOR);
  });

  it('drops the document and everyone on it when its write cannot be stored', async () => {
    const failing: UpdateLogStore = Object.create(server.storage.updates, {
      append: {
        value: (documentId: string, update: Uint8Array, userId: string | null) => {
          if (userId === null) throw new Error('disk full');
          return server.storage.updates.append(documentId, update, userId);
        },
      },
    });
    const sync = syncServer(failing);
    const canada = await connect(sync, 'ca.delegate');
    const { documentId, userId } = await principal('ca.delegate');
    const result = await sync.withClauses(documentId, (clauses) =>
      clauses.statePosition('op-tariffs', { userId, delegation: 'CA' }, 'object'),
    );
    expect(result).toEqual({ ok: true, value: { ok: false, error: 'storageFailed' } });
    expect(canada.closedWith?.code).toBe(CLOSE_CODES.internalError);
    await pump(canada);
    expect(clauseMetaMap(canada.doc).has('op-tariffs')).toBe(false);
    expect(sync.isLoaded(documentId)).toBe(false);
    const late = await connect(sync, 'us.delegate');
    expect(clauseMetaMap(late.doc).has('op-tariffs')).toBe(false);
  });
});
