import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clausePlugins } from '../clauses/clausePlugins';
import type { UpdateLogStore } from '../storage/storage';
import { type RunningTestServer, startTestServer } from '../testing/testServer';
import { MESSAGE_TYPES, SYNC_MESSAGE_TYPES } from './protocol';
import { SyncServer } from './SyncServer';
import type { LivenessOptions, SyncLogLevel, SyncPrincipal } from './syncTypes';
import { clauseText, pump, TestSyncClient } from './testClient';

/**
 * The sync core against the real SQLite store, with in-process clients (no sockets): the
 * behaviour rules of the brief, one by one. The WebSocket path is covered by
 * SyncServer.integration.test.ts.
 */

let server: RunningTestServer;
const servers: SyncServer[] = [];
const clients: TestSyncClient[] = [];
let logLines: { level: SyncLogLevel; message: string }[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const sync of servers.splice(0)) await sync.shutdown();
  logLines = [];
});

function syncServer(
  options: {
    compactEvery?: number;
    idleUnloadMs?: number;
    updates?: UpdateLogStore;
    liveness?: LivenessOptions;
  } = {},
): SyncServer {
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

function principal(username: string, sessionId = `session-${username}`): SyncPrincipal {
  const { storage } = server;
  const user = storage.users.byUsername(username);
  const negotiation = storage.negotiations.list()[0];
  if (user === undefined || negotiation === undefined) throw new Error('Demo data is missing.');
  const membership = storage.negotiations.membership(negotiation.id, user.id);
  const document = storage.documents.listByNegotiation(negotiation.id)[0];
  if (membership === undefined || document === undefined) throw new Error('Demo data is missing.');
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
function connect(sync: SyncServer, username: string, sessionId?: string): TestSyncClient {
  const client = new TestSyncClient(sync, principal(username, sessionId));
  clients.push(client);
  client.sendSyncStep1();
  pump(client);
  return client;
}

function storedText(clauseId: string): string {
  const doc = new Y.Doc();
  const { documentId } = principal('chair');
  Y.transact(doc, () => {
    for (const { update } of server.storage.updates.load(documentId)) Y.applyUpdate(doc, update);
  });
  return clauseText(doc, clauseId).toString();
}

describe('SyncServer', () => {
  it('opens with sync step 1, then sends the presence of those already there', () => {
    const sync = syncServer();
    const first = connect(sync, 'mx.delegate');
    expect([...first.received[0]!.subarray(0, 2)]).toEqual([
      MESSAGE_TYPES.sync,
      SYNC_MESSAGE_TYPES.step1,
    ]);
    first.awareness.setLocalStateField('cursor', null);
    first.sendAwareness();
    const second = connect(sync, 'us.delegate');
    expect(second.received[1]?.[0]).toBe(MESSAGE_TYPES.awareness);
    expect(clauseText(second.doc, 'pp-root-causes').toString()).toContain('root causes');
  });

  it('commits an update, then broadcasts it to the others but not back to the sender', () => {
    const sync = syncServer();
    const mexico = connect(sync, 'mx.delegate');
    const unitedStates = connect(sync, 'us.delegate');
    const storedAtBroadcast: number[] = [];
    const send = unitedStates.send.bind(unitedStates);
    unitedStates.send = (frame) => {
      storedAtBroadcast.push(server.storage.updates.stats(principal('chair').documentId).updates);
      send(frame);
    };
    const before = server.storage.updates.stats(principal('chair').documentId).updates;
    const sentBefore = mexico.received.length;
    clauseText(mexico.doc, 'pp-instability').insert(0, 'MX: ');
    pump(mexico, unitedStates);
    expect(clauseText(unitedStates.doc, 'pp-instability').toString()).toMatch(/^MX: Noting/);
    expect(storedAtBroadcast).toEqual([before + 1]);
    expect(mexico.received.length).toBe(sentBefore);
    expect(storedText('pp-instability')).toMatch(/^MX: Noting/);
  });

  it('does not store an update the document already holds', () => {
    const sync = syncServer();
    const mexico = connect(sync, 'mx.delegate');
    const { documentId } = principal('mx.delegate');
    const before = server.storage.updates.stats(documentId).updates;
    // Reconnecting sends the whole state again as sync step 2: nothing in it is new.
    mexico.sendUpdate(Y.encodeStateAsUpdate(mexico.doc), 'step2');
    expect(mexico.closedWith).toBeNull();
    expect(server.storage.updates.stats(documentId).updates).toBe(before);
  });

  it("drops an observer's changes without closing it, and keeps it reading", () => {
    const sync = syncServer();
    const observer = connect(sync, 'observer');
    const canada = connect(sync, 'ca.delegate');
    const { documentId } = principal('observer');
    const before = server.storage.updates.stats(documentId).updates;
    clauseText(observer.doc, 'op-investment').insert(0, 'OBSERVER WAS HERE ');
    pump(observer, canada);
    expect(observer.closedWith).toBeNull();
    expect(clauseText(canada.doc, 'op-investment').toString()).not.toContain('OBSERVER');
    expect(server.storage.updates.stats(documentId).updates).toBe(before);
    clauseText(canada.doc, 'op-investment').insert(0, 'CA: ');
    pump(observer, canada);
    expect(clauseText(observer.doc, 'op-investment').toString()).toContain('CA: ');
    expect(storedText('op-investment')).not.toContain('OBSERVER');
  });

  it('closes the sender with internalError and applies nothing when storage fails', () => {
    const failing: UpdateLogStore = Object.create(server.storage.updates, {
      append: {
        value: () => {
          throw new Error('disk full');
        },
      },
    });
    const sync = syncServer({ updates: failing });
    const mexico = connect(sync, 'mx.delegate');
    const canada = connect(sync, 'ca.delegate');
    const heard = canada.received.length;
    clauseText(mexico.doc, 'pp-human-rights').insert(0, 'LOST ');
    pump(mexico, canada);
    expect(mexico.closedWith?.code).toBe(CLOSE_CODES.internalError);
    expect(canada.received.length).toBe(heard);
    const late = connect(sync, 'us.delegate');
    expect(clauseText(late.doc, 'pp-human-rights').toString()).not.toContain('LOST');
    expect(
      logLines.some((line) => line.level === 'error' && line.message.includes('disk full')),
    ).toBe(true);
  });

  it('compacts the log in the background after compactEvery updates, losing nothing', async () => {
    const sync = syncServer({ compactEvery: 3 });
    const { documentId } = principal('gt.delegate');
    const guatemala = connect(sync, 'gt.delegate');
    for (const word of ['one ', 'two ', 'three ']) {
      clauseText(guatemala.doc, 'pp-usmca').insert(0, word);
      pump(guatemala);
    }
    const beforeCompaction = server.storage.updates.stats(documentId).updates;
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.storage.updates.stats(documentId).updates).toBe(1);
    expect(beforeCompaction).toBeGreaterThan(1);
    expect(storedText('pp-usmca')).toMatch(/^three two one Recalling/);
  });

  it('unloads an idle document once its last connection has left', async () => {
    const sync = syncServer({ idleUnloadMs: 1 });
    const salvador = connect(sync, 'sv.delegate');
    const { documentId } = principal('sv.delegate');
    expect(sync.isLoaded(documentId)).toBe(true);
    salvador.disconnect();
    const deadline = Date.now() + 2_000;
    while (sync.isLoaded(documentId) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(sync.isLoaded(documentId)).toBe(false);
  });

  it('reports who is online and closes the sockets of a signed-out session', () => {
    const sync = syncServer();
    const mexico = connect(sync, 'mx.delegate', 'session-a');
    const mexicoSecondTab = connect(sync, 'mx.delegate', 'session-b');
    const chair = connect(sync, 'chair');
    expect(sync.onlineUserIds()).toEqual(
      new Set([principal('mx.delegate').userId, principal('chair').userId]),
    );
    // On the drafts of this negotiation, and of no other.
    expect(sync.onlineUserIds(principal('chair').negotiationId).size).toBe(2);
    expect(sync.onlineUserIds('another-negotiation').size).toBe(0);
    sync.disconnectSession('session-a');
    expect(mexico.closedWith?.code).toBe(CLOSE_CODES.unauthorized);
    expect(mexicoSecondTab.closedWith).toBeNull();
    expect(chair.closedWith).toBeNull();
  });

  it('closes every socket on shutdown and refuses new ones', async () => {
    const sync = syncServer();
    const chair = connect(sync, 'chair');
    await sync.shutdown();
    expect(chair.closedWith?.code).toBe(CLOSE_CODES.serverShutdown);
    const late = new TestSyncClient(sync, principal('mx.delegate'));
    clients.push(late);
    expect(late.closedWith?.code).toBe(CLOSE_CODES.serverShutdown);
  });

  it('logs and ignores a message of unknown type', () => {
    const sync = syncServer();
    const mexico = connect(sync, 'mx.delegate');
    mexico.handle.receive(Uint8Array.of(MESSAGE_TYPES.auth, 0));
    mexico.handle.receive(Uint8Array.of(42));
    expect(mexico.closedWith).toBeNull();
    expect(logLines.filter((line) => line.message.includes('unknown type'))).toHaveLength(2);
  });
});

describe('SyncServer awareness (S8)', () => {
  it("stamps the server's identity over what a client claims", () => {
    const sync = syncServer();
    const mexico = connect(sync, 'mx.delegate');
    const unitedStates = connect(sync, 'us.delegate');
    mexico.awareness.setLocalState({ user: { name: 'Impostor', delegation: 'US' }, cursor: 7 });
    mexico.sendAwareness();
    pump(mexico, unitedStates);
    expect(unitedStates.awareness.getStates().get(mexico.awareness.clientID)).toEqual({
      user: {
        userId: principal('mx.delegate').userId,
        name: 'Sofía Ramírez',
        delegation: 'MX',
        role: 'delegate',
        color: '#00704a',
      },
      cursor: 7,
    });
  });

  it("refuses to let a client speak for or remove someone else's presence", () => {
    const sync = syncServer();
    const mexico = connect(sync, 'mx.delegate');
    const canada = connect(sync, 'ca.delegate');
    // A fresh Awareness has clock 0, which y-protocols ignores: clients set a field first.
    mexico.awareness.setLocalStateField('cursor', null);
    mexico.sendAwareness();
    pump(mexico, canada);
    // Canada's client forges Mexico's client id, first with a state, then with a removal.
    const forger = new TestSyncClient(sync, principal('ca.delegate'));
    clients.push(forger);
    forger.awareness.clientID = mexico.awareness.clientID;
    // A clock ahead of Mexico's, so that only the ownership check can stop it.
    for (let clock = 0; clock < 3; clock++) forger.awareness.setLocalState({ cursor: 'forged' });
    forger.sendAwareness();
    forger.awareness.setLocalState(null);
    forger.sendAwareness();
    pump(mexico, canada, forger);
    expect(canada.awareness.getStates().get(mexico.awareness.clientID)).toMatchObject({
      user: { delegation: 'MX' },
    });
    expect(canada.awareness.getStates().get(mexico.awareness.clientID)).not.toHaveProperty(
      'cursor',
      'forged',
    );
  });

  it('withdraws a connection’s presence when it closes', () => {
    const sync = syncServer();
    const mexico = connect(sync, 'mx.delegate');
    const canada = connect(sync, 'ca.delegate');
    // A fresh Awareness has clock 0, which y-protocols ignores: clients set a field first.
    mexico.awareness.setLocalStateField('cursor', null);
    mexico.sendAwareness();
    pump(mexico, canada);
    expect(canada.awareness.getStates().has(mexico.awareness.clientID)).toBe(true);
    mexico.disconnect();
    pump(canada);
    expect(canada.awareness.getStates().has(mexico.awareness.clientID)).toBe(false);
  });
});

describe('SyncServer liveness (S13)', () => {
  const FAST = { intervalMs: 20, silenceMs: 80 };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('drops a peer that stopped answering and withdraws its presence for everyone at once', async () => {
    const sync = syncServer({ liveness: FAST });
    const mexico = connect(sync, 'mx.delegate');
    const canada = connect(sync, 'ca.delegate');
    mexico.awareness.setLocalStateField('cursor', null);
    mexico.sendAwareness();
    pump(mexico, canada);
    expect(canada.awareness.getStates().has(mexico.awareness.clientID)).toBe(true);
    // Mexico's laptop lid closes: its socket stays open on the server's side, silent.
    mexico.answersPings = false;
    await wait(300);
    expect(mexico.terminated).toBe(true);
    pump(canada);
    expect(canada.awareness.getStates().has(mexico.awareness.clientID)).toBe(false);
    expect(canada.closedWith).toBeNull();
    expect(sync.onlineUserIds()).toEqual(new Set([principal('ca.delegate').userId]));
    expect(
      logLines.some((line) => /user .* no sign of life for \d+ s; dropped/.test(line.message)),
    ).toBe(true);
  });

  it('keeps quiet readers that answer pings, and sends them a keepalive they can count on', async () => {
    const sync = syncServer({ liveness: FAST });
    const reader = connect(sync, 'observer');
    reader.received.length = 0;
    await wait(300);
    expect(reader.closedWith).toBeNull();
    expect(reader.pings).toBeGreaterThan(3);
    const keepalives = reader.received.filter((frame) => frame.join(',') === '1,1,0');
    expect(keepalives.length).toBeGreaterThan(3);
    // An empty awareness update changes nothing for the stock client.
    reader.process();
    expect([...reader.awareness.getStates().keys()]).toEqual([reader.awareness.clientID]);
  });

  it('counts any frame as a sign of life, pongs or not', async () => {
    const sync = syncServer({ liveness: FAST });
    const typist = connect(sync, 'mx.delegate');
    typist.answersPings = false;
    const deadline = Date.now() + 300;
    while (Date.now() < deadline) {
      typist.sendSyncStep1();
      await wait(15);
    }
    expect(typist.terminated).toBe(false);
    expect(typist.closedWith).toBeNull();
  });

  it('stops pinging once shut down', async () => {
    const sync = syncServer({ liveness: FAST });
    const reader = connect(sync, 'observer');
    await sync.shutdown();
    const pings = reader.pings;
    await wait(100);
    expect(reader.pings).toBe(pings);
  });
});
