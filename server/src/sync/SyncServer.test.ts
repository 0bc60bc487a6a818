import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { UpdateLogStore } from '../storage/storage';
import { useSyncTestKit } from '../testing/syncTestKit';
import { clauseText, pump, TestSyncClient } from '../testing/testClient';
import { MESSAGE_TYPES, SYNC_MESSAGE_TYPES } from './protocol';

/**
 * The sync core against the real SQLite store, with in-process clients (no sockets): the
 * behaviour rules of the brief, one by one (presence in SyncServer.awareness.test.ts). The
 * WebSocket path is covered by SyncServer.integration.test.ts.
 */

const kit = useSyncTestKit();
const { syncServer, principal, connect, storedText, logLines } = kit;

describe('SyncServer', () => {
  it('opens with sync step 1, then sends the presence of those already there', async () => {
    const sync = syncServer();
    const first = await connect(sync, 'mx.delegate');
    expect([...first.received[0]!.subarray(0, 2)]).toEqual([
      MESSAGE_TYPES.sync,
      SYNC_MESSAGE_TYPES.step1,
    ]);
    first.awareness.setLocalStateField('cursor', null);
    first.sendAwareness();
    const second = await connect(sync, 'us.delegate');
    expect(second.received[1]?.[0]).toBe(MESSAGE_TYPES.awareness);
    expect(clauseText(second.doc, 'pp-root-causes').toString()).toContain('root causes');
  });

  it('commits an update, then broadcasts it to the others but not back to the sender', async () => {
    const sync = syncServer();
    const mexico = await connect(sync, 'mx.delegate');
    const unitedStates = await connect(sync, 'us.delegate');
    const { documentId } = await principal('chair');
    // A store call reads at once (the promise only carries the answer): this is what the log
    // held when the frame was sent.
    const storedAtBroadcast: Promise<{ updates: number }>[] = [];
    const send = unitedStates.send.bind(unitedStates);
    unitedStates.send = (frame) => {
      storedAtBroadcast.push(kit.storage().updates.stats(documentId));
      send(frame);
    };
    const before = (await kit.storage().updates.stats((await principal('chair')).documentId))
      .updates;
    const sentBefore = mexico.received.length;
    clauseText(mexico.doc, 'pp-instability').insert(0, 'MX: ');
    await pump(mexico, unitedStates);
    expect(clauseText(unitedStates.doc, 'pp-instability').toString()).toMatch(/^MX: Noting/);
    expect((await Promise.all(storedAtBroadcast)).map((stats) => stats.updates)).toEqual([
      before + 1,
    ]);
    expect(mexico.received.length).toBe(sentBefore);
    expect(await storedText('pp-instability')).toMatch(/^MX: Noting/);
  });

  it('does not store an update the document already holds', async () => {
    const sync = syncServer();
    const mexico = await connect(sync, 'mx.delegate');
    const { documentId } = await principal('mx.delegate');
    const before = (await kit.storage().updates.stats(documentId)).updates;
    // Reconnecting sends the whole state again as sync step 2: nothing in it is new.
    mexico.sendUpdate(Y.encodeStateAsUpdate(mexico.doc), 'step2');
    expect(mexico.closedWith).toBeNull();
    expect((await kit.storage().updates.stats(documentId)).updates).toBe(before);
  });

  it("drops an observer's changes without closing it, and keeps it reading", async () => {
    const sync = syncServer();
    const observer = await connect(sync, 'observer');
    const canada = await connect(sync, 'ca.delegate');
    const { documentId } = await principal('observer');
    const before = (await kit.storage().updates.stats(documentId)).updates;
    clauseText(observer.doc, 'op-investment').insert(0, 'OBSERVER WAS HERE ');
    await pump(observer, canada);
    expect(observer.closedWith).toBeNull();
    expect(clauseText(canada.doc, 'op-investment').toString()).not.toContain('OBSERVER');
    expect((await kit.storage().updates.stats(documentId)).updates).toBe(before);
    clauseText(canada.doc, 'op-investment').insert(0, 'CA: ');
    await pump(observer, canada);
    expect(clauseText(observer.doc, 'op-investment').toString()).toContain('CA: ');
    expect(await storedText('op-investment')).not.toContain('OBSERVER');
  });

  it('closes the sender with internalError and applies nothing when storage fails', async () => {
    const failing: UpdateLogStore = Object.create(kit.storage().updates, {
      append: {
        value: () => {
          throw new Error('disk full');
        },
      },
    });
    const sync = syncServer({ updates: failing });
    const mexico = await connect(sync, 'mx.delegate');
    const canada = await connect(sync, 'ca.delegate');
    const heard = canada.received.length;
    clauseText(mexico.doc, 'pp-human-rights').insert(0, 'LOST ');
    await pump(mexico, canada);
    expect(mexico.closedWith?.code).toBe(CLOSE_CODES.internalError);
    expect(canada.received.length).toBe(heard);
    const late = await connect(sync, 'us.delegate');
    expect(clauseText(late.doc, 'pp-human-rights').toString()).not.toContain('LOST');
    expect(
      logLines.some((line) => line.level === 'error' && line.message.includes('disk full')),
    ).toBe(true);
  });

  it('compacts the log in its queue after compactEvery updates, losing nothing', async () => {
    const sync = syncServer({ compactEvery: 3 });
    const { documentId } = await principal('gt.delegate');
    const guatemala = await connect(sync, 'gt.delegate');
    await sync.settled();
    const before = (await kit.storage().updates.stats(documentId)).updates;
    for (const word of ['one ', 'two ', 'three ', 'four ']) {
      clauseText(guatemala.doc, 'pp-usmca').insert(0, word);
      await pump(guatemala);
    }
    await sync.settled();
    const after = (await kit.storage().updates.stats(documentId)).updates;
    // Four edits (and the server's writes after them) were stored; compaction folded them.
    expect(logLines.some((line) => line.message.includes('compacted up to'))).toBe(true);
    expect(after).toBeLessThan(before + 4);
    // At most a snapshot and the updates stored since, fewer than compactEvery.
    expect(after).toBeLessThanOrEqual(3);
    expect(await storedText('pp-usmca')).toMatch(/^four three two one Recalling/);
  });

  it('unloads an idle document once its last connection has left, its log compacted first', async () => {
    const sync = syncServer({ idleUnloadMs: 1, compactEvery: 1_000 });
    const salvador = await connect(sync, 'sv.delegate');
    const { documentId } = await principal('sv.delegate');
    expect(sync.isLoaded(documentId)).toBe(true);
    for (const word of ['uno ', 'dos ', 'tres ']) {
      clauseText(salvador.doc, 'pp-usmca').insert(0, word);
      await pump(salvador);
    }
    await sync.settled();
    expect((await kit.storage().updates.stats(documentId)).updates).toBeGreaterThan(3);
    salvador.disconnect();
    const deadline = Date.now() + 2_000;
    while (sync.isLoaded(documentId) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(sync.isLoaded(documentId)).toBe(false);
    // One snapshot is left, far below compactEvery, and it holds everything.
    expect((await kit.storage().updates.stats(documentId)).updates).toBe(1);
    expect(await storedText('pp-usmca')).toMatch(/^tres dos uno /);
  });

  it('reports who is online and closes the sockets of a signed-out session', async () => {
    const sync = syncServer();
    const mexico = await connect(sync, 'mx.delegate', 'session-a');
    const mexicoSecondTab = await connect(sync, 'mx.delegate', 'session-b');
    const chair = await connect(sync, 'chair');
    expect(sync.onlineUserIds()).toEqual(
      new Set([(await principal('mx.delegate')).userId, (await principal('chair')).userId]),
    );
    // On the drafts of this negotiation, and of no other.
    expect(sync.onlineUserIds((await principal('chair')).negotiationId).size).toBe(2);
    expect(sync.onlineUserIds('another-negotiation').size).toBe(0);
    sync.disconnectSession('session-a');
    expect(mexico.closedWith?.code).toBe(CLOSE_CODES.unauthorized);
    expect(mexicoSecondTab.closedWith).toBeNull();
    expect(chair.closedWith).toBeNull();
  });

  it('closes every socket on shutdown and refuses new ones', async () => {
    const sync = syncServer();
    const chair = await connect(sync, 'chair');
    await sync.shutdown();
    expect(chair.closedWith?.code).toBe(CLOSE_CODES.serverShutdown);
    const late = new TestSyncClient(sync, await principal('mx.delegate'));
    kit.track(late);
    expect(late.closedWith?.code).toBe(CLOSE_CODES.serverShutdown);
  });

  it('logs and ignores a message of unknown type', async () => {
    const sync = syncServer();
    const mexico = await connect(sync, 'mx.delegate');
    mexico.handle.receive(Uint8Array.of(MESSAGE_TYPES.auth, 0));
    mexico.handle.receive(Uint8Array.of(42));
    await sync.settled();
    expect(mexico.closedWith).toBeNull();
    expect(logLines.filter((line) => line.message.includes('unknown type'))).toHaveLength(2);
  });
});

describe('SyncServer liveness (S13)', () => {
  // Pings every 20 ms; a silence limit well above a loaded machine's timer delays, so that a
  // peer that answers is never taken for a silent one, while the tests still wait for several
  // limits to pass.
  const FAST = { intervalMs: 20, silenceMs: 400 };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('drops a peer that stopped answering and withdraws its presence for everyone at once', async () => {
    const sync = syncServer({ liveness: FAST });
    const mexico = await connect(sync, 'mx.delegate');
    const canada = await connect(sync, 'ca.delegate');
    mexico.awareness.setLocalStateField('cursor', null);
    mexico.sendAwareness();
    await pump(mexico, canada);
    expect(canada.awareness.getStates().has(mexico.awareness.clientID)).toBe(true);
    // Mexico's laptop lid closes: its socket stays open on the server's side, silent.
    mexico.answersPings = false;
    // Dropped after 400 ms of silence; a loaded machine may run the timers late, so wait for it
    // (up to 3 s) rather than for a fixed time.
    const deadline = Date.now() + 3_000;
    while (!mexico.terminated && Date.now() < deadline) await wait(20);
    expect(mexico.terminated).toBe(true);
    await pump(canada);
    expect(canada.awareness.getStates().has(mexico.awareness.clientID)).toBe(false);
    expect(canada.closedWith).toBeNull();
    expect(sync.onlineUserIds()).toEqual(new Set([(await principal('ca.delegate')).userId]));
    expect(
      logLines.some((line) => /user .* no sign of life for \d+ s; dropped/.test(line.message)),
    ).toBe(true);
  });

  it('keeps quiet readers that answer pings, and sends them a keepalive they can count on', async () => {
    const sync = syncServer({ liveness: FAST });
    const reader = await connect(sync, 'observer');
    reader.received.length = 0;
    // Two and a half silence limits: only its pongs can keep it.
    await wait(1_000);
    expect(reader.closedWith).toBeNull();
    expect(reader.pings).toBeGreaterThan(3);
    const keepalives = reader.received.filter((frame) => frame.join(',') === '1,1,0');
    expect(keepalives.length).toBeGreaterThan(3);
    // An empty awareness update changes nothing for the stock client.
    reader.process();
    expect([...reader.awareness.getStates().keys()]).toEqual([reader.awareness.clientID]);
  });

  it('counts any frame as a sign of life, pongs or not', async () => {
    // A longer silence limit than FAST's, so that a loaded machine running the typist's timer
    // late does not look like silence; still many pings go unanswered.
    const sync = syncServer({ liveness: { intervalMs: 20, silenceMs: 250 } });
    const typist = await connect(sync, 'mx.delegate');
    typist.answersPings = false;
    const deadline = Date.now() + 750;
    while (Date.now() < deadline) {
      typist.sendSyncStep1();
      await wait(15);
    }
    expect(typist.terminated).toBe(false);
    expect(typist.closedWith).toBeNull();
  });

  it('stops pinging once shut down', async () => {
    const sync = syncServer({ liveness: FAST });
    const reader = await connect(sync, 'observer');
    await sync.shutdown();
    const pings = reader.pings;
    await wait(100);
    expect(reader.pings).toBe(pings);
  });
});
