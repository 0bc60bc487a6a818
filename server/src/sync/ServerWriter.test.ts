import { clauseMetaMap } from '@accord/shared/domain/clauseMeta';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clausePlugins } from '../clauses/clausePlugins';
import { SERVER_AUTHOR, type UpdateLogStore } from '../storage/storage';
import { type RunningTestServer, startTestServer } from '../testing/testServer';
import { SyncServer } from './SyncServer';
import type { SyncPrincipal } from './syncTypes';
import { pump, TestSyncClient } from './testClient';

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

function principal(username: string): SyncPrincipal {
  const { storage } = server;
  const user = storage.users.byUsername(username)!;
  const negotiation = storage.negotiations.list()[0]!;
  const membership = storage.negotiations.membership(negotiation.id, user.id)!;
  return {
    sessionId: `session-${username}`,
    userId: user.id,
    displayName: user.displayName,
    delegation: membership.delegation,
    role: membership.role,
    documentId: storage.documents.listByNegotiation(negotiation.id)[0]!.id,
    negotiationId: negotiation.id,
  };
}

function connect(sync: SyncServer, username: string): TestSyncClient {
  const client = new TestSyncClient(sync, principal(username));
  clients.push(client);
  client.sendSyncStep1();
  pump(client);
  return client;
}

describe('ServerWriter (S3, S5)', () => {
  it('writes as a client id bound to the server, committed, then broadcast to everyone', () => {
    const sync = syncServer();
    const mexico = connect(sync, 'mx.delegate');
    const { documentId, userId } = principal('mx.delegate');
    const stored = server.storage.updates.stats(documentId).updates;
    const result = sync.withClauses(documentId, (clauses) =>
      clauses.statePosition('op-jobs', { userId, delegation: 'MX' }, 'agree'),
    );
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    expect(server.storage.updates.stats(documentId).updates).toBe(stored + 1);
    pump(mexico);
    expect(clauseMetaMap(mexico.doc).has('op-jobs')).toBe(true);
    const owners = server.storage.updates.clientOwners(documentId);
    expect([...owners.values()]).toContain(SERVER_AUTHOR);
  });

  it('drops the document and everyone on it when its write cannot be stored', () => {
    const failing: UpdateLogStore = Object.create(server.storage.updates, {
      append: {
        value: (documentId: string, update: Uint8Array, userId: string | null) => {
          if (userId === null) throw new Error('disk full');
          return server.storage.updates.append(documentId, update, userId);
        },
      },
    });
    const sync = syncServer(failing);
    const canada = connect(sync, 'ca.delegate');
    const { documentId, userId } = principal('ca.delegate');
    const result = sync.withClauses(documentId, (clauses) =>
      clauses.statePosition('op-tariffs', { userId, delegation: 'CA' }, 'object'),
    );
    expect(result).toEqual({ ok: true, value: { ok: false, error: 'storageFailed' } });
    expect(canada.closedWith?.code).toBe(CLOSE_CODES.internalError);
    pump(canada);
    expect(clauseMetaMap(canada.doc).has('op-tariffs')).toBe(false);
    expect(sync.isLoaded(documentId)).toBe(false);
    const late = connect(sync, 'us.delegate');
    expect(clauseMetaMap(late.doc).has('op-tariffs')).toBe(false);
  });
});
