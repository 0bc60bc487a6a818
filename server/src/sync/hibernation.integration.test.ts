import type { ClauseHistoryResponse } from '@accord/shared/protocol/api';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncTuning } from '../config';
import { DEMO_PASSWORD } from '../seed/demo';
import { apiRequest } from '../testing/apiClient';
import { expectIntact, LOCKED, type Scene, UNLOCKED } from '../testing/lockScene';
import {
  clauseFingerprint,
  closedWith,
  isLockedIn,
  openAttacker,
  setLock,
} from '../testing/lockTestKit';
import { clauseText } from '../testing/testClient';
import { type RunningTestServer, signIn } from '../testing/testServer';
import {
  type Client,
  closeAll,
  demoDocumentId,
  openClient,
  providerSocket,
  recordUpdates,
  roundTrip,
  startServer,
  storedDoc,
  until,
} from '../testing/wsTestClients';

/**
 * S14 end to end: a loaded draft quiet for `quietMs` hibernates (only its encoded state stays)
 * while its stock y-websocket clients stay connected, and wakes for the first task that needs
 * its Y.Doc, with its plugins: users notice nothing, the rules hold, nothing is lost.
 */

afterEach(closeAll);

const QUIET_MS = 50;

function tuning(groupCommit: boolean, extra: Partial<SyncTuning> = {}): SyncTuning {
  return { groupCommit, coalesceFrames: groupCommit, quietMs: QUIET_MS, ...extra };
}

function hibernated(server: RunningTestServer): boolean {
  return server.sync.hibernation(demoDocumentId(server))?.hibernated === true;
}

async function untilHibernated(server: RunningTestServer): Promise<void> {
  await until(() => hibernated(server), 'the draft hibernates');
}

const draftText = (client: Client) => client.doc.getXmlFragment('default').toString();

describe.each([false, true])('a hibernated draft (group commit %s)', (groupCommit) => {
  it('syncs a new client from its encoded state, then wakes for a keystroke that reaches everyone', async () => {
    const { server } = await startServer({ syncTuning: tuning(groupCommit) });
    const mexico = await openClient(server, 'mx.delegate');
    const unitedStates = await openClient(server, 'us.delegate');
    clauseText(mexico.doc, UNLOCKED).insert(0, 'Before the quiet. ');
    await until(
      () => draftText(unitedStates).includes('Before the quiet.'),
      'the first edit arrived',
    );
    await untilHibernated(server);

    // Its sync steps come from the encoded state: the draft stays hibernated.
    const canada = await openClient(server, 'ca.delegate');
    expect(draftText(canada)).toBe(draftText(mexico));
    expect(draftText(canada)).toContain('Before the quiet.');
    await roundTrip(providerSocket(unitedStates), unitedStates.doc);
    expect(hibernated(server)).toBe(true);

    clauseText(unitedStates.doc, UNLOCKED).insert(0, 'After the quiet. ');
    await until(
      () =>
        draftText(mexico).includes('After the quiet.') &&
        draftText(canada).includes('After the quiet.'),
      'the keystroke after the quiet reached every other client',
    );
    expect(hibernated(server)).toBe(false);
    expect(draftText(canada)).toBe(draftText(unitedStates));
    expect(clauseText(await storedDoc(server), UNLOCKED).toString()).toBe(
      clauseText(unitedStates.doc, UNLOCKED).toString(),
    );
    expect([...mexico.closes, ...unitedStates.closes, ...canada.closes]).toEqual([]);
  });

  it('still refuses an edit of a locked clause: the wake rebuilds the lock rule (L2)', async () => {
    const { server } = await startServer({ syncTuning: tuning(groupCommit) });
    expect((await setLock(server, LOCKED, true)).status).toBe(200);
    const witness = await openClient(server, 'us.delegate');
    await until(() => isLockedIn(witness.doc, LOCKED), 'the witness sees the lock');
    const attacker = await openAttacker(server);
    const scene: Scene = {
      server,
      witness,
      attacker,
      before: clauseFingerprint(witness.doc, LOCKED),
      unlockedBefore: clauseFingerprint(witness.doc, UNLOCKED),
      seen: recordUpdates(witness.doc),
      stored: (await server.storage.updates.stats(demoDocumentId(server))).updates,
    };
    await untilHibernated(server);
    attacker.send(attacker.craft((doc) => clauseText(doc, LOCKED).insert(5, 'NOT ')));
    expect((await closedWith(attacker.socket)).code).toBe(CLOSE_CODES.clauseLocked);
    expect(hibernated(server)).toBe(false);
    await expectIntact(scene);
  });
});

describe('presence of a hibernated draft (S8, S14)', () => {
  it('relays awareness while hibernated; a renewal lets it sleep, a moved cursor wakes it ahead of typing', async () => {
    const { server } = await startServer({ syncTuning: tuning(true) });
    const mexico = await openClient(server, 'mx.delegate');
    const canada = await openClient(server, 'ca.delegate');
    // Mexico arrives (a state of its own, not yet a move), then the draft goes quiet.
    mexico.provider.awareness.setLocalStateField('cursor', null);
    await until(
      () => canada.provider.awareness.getStates().has(mexico.doc.clientID),
      'Mexico is present',
    );
    await untilHibernated(server);
    // A renewal of the same state (a stock client sends one every 15 s) is relayed, and the
    // draft sleeps on: connected readers alone never keep it awake.
    const clockAtCanada = () => canada.provider.awareness.meta.get(mexico.doc.clientID)?.clock ?? 0;
    const clockBefore = clockAtCanada();
    mexico.provider.awareness.setLocalState(mexico.provider.awareness.getLocalState());
    await until(() => clockAtCanada() > clockBefore, 'the renewal reached Canada');
    expect(hibernated(server)).toBe(true);
    expect(server.sync.hibernation(demoDocumentId(server))?.wakeMs).toBeNull();
    mexico.provider.awareness.setLocalStateField('cursor', { clause: UNLOCKED, offset: 3 });
    await until(
      () =>
        JSON.stringify(
          canada.provider.awareness.getStates().get(mexico.doc.clientID) ?? null,
        ).includes('"offset":3'),
      'the cursor reached Canada',
    );
    expect(canada.provider.awareness.getStates().get(mexico.doc.clientID)).toMatchObject({
      user: { delegation: 'MX' },
    });
    // Nobody typed: the cursor alone woke it (it may be asleep again by now).
    await until(
      () => server.sync.hibernation(demoDocumentId(server))?.wakeMs !== null,
      'the moved cursor wakes the draft',
    );
  });
});

describe('nothing is lost across hibernation (S5, S14)', () => {
  it('compacts from the encoded state, unloads, and reloads it all after a restart', async () => {
    const first = await startServer({ syncTuning: tuning(true, { idleUnloadMs: 200 }) });
    const documentId = demoDocumentId(first.server);
    const mexico = await openClient(first.server, 'mx.delegate');
    clauseText(mexico.doc, UNLOCKED).insert(0, 'KEPT ');
    await roundTrip(providerSocket(mexico), mexico.doc);
    await untilHibernated(first.server);
    mexico.provider.destroy();
    // The idle unload compacts the log from the hibernated draft's encoded state.
    await until(() => !first.server.sync.isLoaded(documentId), 'the idle draft unloads');
    expect((await first.server.storage.updates.stats(documentId)).updates).toBe(1);
    await first.close();
    const second = await startServer({
      dataDir: first.server.dataDir,
      syncTuning: tuning(true),
    });
    const guatemala = await openClient(second.server, 'gt.delegate');
    expect(clauseText(guatemala.doc, UNLOCKED).toString()).toMatch(/^KEPT /);
  });

  it('loses no keystroke typed across many hibernations and wakes', async () => {
    const lines: string[] = [];
    const { server } = await startServer({
      syncTuning: tuning(true, { quietMs: 5 }),
      log: (_level, message) => lines.push(message),
    });
    const mexico = await openClient(server, 'mx.delegate');
    const unitedStates = await openClient(server, 'us.delegate');
    const typed: string[] = [];
    // Keystrokes about as far apart as the quiet period: each may meet the draft awake, going
    // to sleep (its hibernation task queued or done) or hibernated.
    for (let index = 0; index < 60; index++) {
      const typist = index % 2 === 0 ? mexico : unitedStates;
      const word = `w${index} `;
      clauseText(typist.doc, UNLOCKED).insert(0, word);
      typed.push(word);
      await new Promise((resolve) => setTimeout(resolve, 2 + (index % 7) * 2));
    }
    await until(() => draftText(mexico) === draftText(unitedStates), 'both clients converge');
    const stored = clauseText(await storedDoc(server), UNLOCKED).toString();
    for (const word of typed) expect(stored).toContain(word);
    expect(clauseText(mexico.doc, UNLOCKED).toString()).toBe(stored);
    expect(lines.filter((line) => line.includes('woke')).length).toBeGreaterThan(3);
    expect([...mexico.closes, ...unitedStates.closes]).toEqual([]);
  });
});

describe('clause tracking across hibernation (C3)', () => {
  it('records a clause deleted before the quiet and brought back after it as restored', async () => {
    const { server } = await startServer({ syncTuning: tuning(true) });
    const mexico = await openClient(server, 'mx.delegate');
    const fragment = mexico.doc.getXmlFragment('default');
    const position = fragment
      .toArray()
      .findIndex((node) => node instanceof Y.XmlElement && node.getAttribute('id') === UNLOCKED);
    const undo = new Y.UndoManager(fragment);
    fragment.delete(position, 1);
    await roundTrip(providerSocket(mexico), mexico.doc);
    await untilHibernated(server);
    undo.undo();
    await roundTrip(providerSocket(mexico), mexico.doc);
    const cookie = await signIn(server, 'us.delegate', DEMO_PASSWORD);
    const history = (
      await apiRequest(
        server,
        cookie,
        'GET',
        `/api/documents/${demoDocumentId(server)}/clauses/${UNLOCKED}/history`,
      )
    ).body as ClauseHistoryResponse;
    expect(history.clause.removed).toBe(false);
    expect(history.changes[0]).toMatchObject({ delegation: 'MX', event: { kind: 'restored' } });
    expect(history.changes[1]).toMatchObject({ delegation: 'MX', event: { kind: 'deleted' } });
  });
});
