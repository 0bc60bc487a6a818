import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clausePlugins } from '../clauses/clausePlugins';
import { clauseText, pump, TestSyncClient } from '../testing/testClient';
import { type RunningTestServer, startTestServer } from '../testing/testServer';
import type { DocumentPlugin } from './DocumentPlugin';
import { SyncServer } from './SyncServer';
import type { SyncPrincipal } from './syncTypes';

/**
 * The plugin seam of the sync core (`DocumentPlugin`), with the real clause plugins behind a
 * probe plugin that refuses any update inserting the word "veto" and notes what it sees after a
 * commit: checks run before anything is stored (S2), the first refusal wins and closes the sender
 * with its reason, and `afterCommit` runs once the update is in the log and broadcast (S5).
 */

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

/** What the probe saw after each commit: the log's size and what a watching client held. */
interface Seen {
  seq: number;
  storedUpdates: number;
  watcherHadIt: boolean;
}

async function setup() {
  const seen: Seen[] = [];
  const order: string[] = [];
  let watcher: TestSyncClient | null = null;
  const documentId = (await principal('us.delegate')).documentId;
  const probe: DocumentPlugin = {
    name: 'probe',
    check: (update) => {
      order.push('check');
      const vetoed = update.structs.some(
        (struct) =>
          struct instanceof Y.Item &&
          struct.content instanceof Y.ContentString &&
          struct.content.str.includes('veto'),
      );
      return vetoed ? { reason: 'updateRejected', message: 'Vetoed by the probe.' } : undefined;
    },
    afterCommit: async ({ seq }) => {
      order.push('afterCommit');
      watcher?.process();
      seen.push({
        seq,
        storedUpdates: (await server.storage.updates.stats(documentId)).updates,
        watcherHadIt:
          watcher !== null && clauseText(watcher.doc, 'op-jobs').toString().includes('!'),
      });
    },
  };
  const clauses = clausePlugins({ changes: server.storage.clauseChanges, now: Date.now });
  const sync = new SyncServer({
    updates: server.storage.updates,
    documents: server.storage.documents,
    plugins: (host) => {
      const built = clauses(host);
      return { plugins: [probe, ...built.plugins], api: built.api };
    },
    log: () => {},
  });
  servers.push(sync);
  const connect = async (username: string) => {
    const client = new TestSyncClient(sync, await principal(username));
    clients.push(client);
    client.sendSyncStep1();
    await pump(client);
    return client;
  };
  watcher = await connect('ca.delegate');
  return { sync, connect, seen, order, documentId, watcher };
}

describe('document plugins (S12)', () => {
  it('refuse before anything is stored: the first refusal closes the sender with its reason (S2)', async () => {
    const { connect, seen, documentId, watcher } = await setup();
    const stored = (await server.storage.updates.stats(documentId)).updates;
    const mexico = await connect('mx.delegate');
    clauseText(mexico.doc, 'op-jobs').insert(0, 'veto ');
    await mexico.sync.settled();
    expect(mexico.closedWith).toEqual({
      code: CLOSE_CODES.updateRejected,
      reason: 'Vetoed by the probe.',
    });
    await pump(watcher);
    expect(clauseText(watcher.doc, 'op-jobs').toString()).not.toContain('veto');
    expect((await server.storage.updates.stats(documentId)).updates).toBe(stored);
    expect(seen).toEqual([]);
  });

  it('run afterCommit once the update is committed and broadcast (S5), after every check', async () => {
    const { connect, seen, order, documentId } = await setup();
    const stored = (await server.storage.updates.stats(documentId)).updates;
    const mexico = await connect('mx.delegate');
    // The handshakes' sync step 2 went through the checks too; only this edit counts here.
    order.splice(0);
    clauseText(mexico.doc, 'op-jobs').insert(0, '!');
    await mexico.sync.settled();
    expect(mexico.closedWith).toBeNull();
    expect(order).toEqual(['check', 'afterCommit']);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.storedUpdates).toBe(stored + 1);
    expect(seen[0]!.watcherHadIt).toBe(true);
  });

  it('let the clause rules refuse after the probe passed: a locked clause stays locked (L2)', async () => {
    const { sync, connect, seen, documentId } = await setup();
    const chair = await principal('chair');
    const locked = await sync.withClauses(documentId, (clauses) =>
      clauses.locks.setLock('op-jobs', chair, true, 'Agreed at the table.'),
    );
    expect(locked).toMatchObject({ ok: true, value: { ok: true } });
    const mexico = await connect('mx.delegate');
    clauseText(mexico.doc, 'op-jobs').insert(0, '!');
    await mexico.sync.settled();
    expect(mexico.closedWith?.code).toBe(CLOSE_CODES.clauseLocked);
    expect(seen).toEqual([]);
  });

  it('stop at the first refusal: the probe, run before the lock rule, names the reason', async () => {
    const { sync, connect, seen, documentId } = await setup();
    const chair = await principal('chair');
    await sync.withClauses(documentId, (clauses) =>
      clauses.locks.setLock('op-jobs', chair, true, 'Agreed at the table.'),
    );
    const mexico = await connect('mx.delegate');
    clauseText(mexico.doc, 'op-jobs').insert(0, 'veto ');
    await mexico.sync.settled();
    expect(mexico.closedWith).toEqual({
      code: CLOSE_CODES.updateRejected,
      reason: 'Vetoed by the probe.',
    });
    expect(seen).toEqual([]);
  });
});
