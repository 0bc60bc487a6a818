import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  expectIntact,
  fragmentIndexOf,
  LOCKED,
  lockedScene,
  type Scene,
  UNLOCKED,
} from '../testing/lockScene';
import {
  clauseCount,
  clauseFingerprint,
  closedWith,
  isLockedIn,
  openAttacker,
  setLock,
} from '../testing/lockTestKit';
import { clauseText } from '../testing/testClient';
import {
  closeAll,
  demoDocumentId,
  openClient,
  openRawSocket,
  providerSocket,
  recordUpdates,
  roundTrip,
  startServer,
  storedDoc,
  syncStep2Frame,
  syncUpdateFrame,
  until,
} from '../testing/wsTestClients';

/**
 * L2 and L6, the server's guarantee, continued (lockAttacks.integration.test.ts has the
 * direct attacks): raw Yjs clients over a real WebSocket try every way of
 * changing a locked clause. Each is closed with a typed code; afterwards the clause is
 * byte-identical (same XML, same Yjs item ids) in an honest replica, in a fresh replica and in
 * SQLite, nothing was stored, and the honest client received no document update at all.
 */

afterEach(closeAll);

describe('L6: the lock holds across a restart', () => {
  it('a reloaded document still refuses changes to the locked clause', async () => {
    const first = await startServer();
    expect((await setLock(first.server, LOCKED, true)).status).toBe(200);
    const before = clauseFingerprint(await storedDoc(first.server), LOCKED);
    const dataDir = first.server.dataDir;
    await first.close();
    const { server } = await startServer({ dataDir });
    const attacker = await openAttacker(server);
    attacker.send(attacker.craft((doc) => clauseText(doc, LOCKED).insert(0, 'After restart ')));
    expect((await closedWith(attacker.socket)).code).toBe(CLOSE_CODES.clauseLocked);
    expect(clauseFingerprint(await storedDoc(server), LOCKED)).toBe(before);
  });
});

describe('S2, S6: pending and foreign structs around a locked clause are refused', () => {
  it('a locked-clause insert split over two messages (second half first): 4409', async () => {
    const scene = await lockedScene();
    const first = scene.attacker.craft((doc) => clauseText(doc, LOCKED).insert(3, 'a'));
    const second = scene.attacker.craft((doc) => clauseText(doc, LOCKED).insert(4, 'b'));
    scene.attacker.send(second);
    expect((await closedWith(scene.attacker.socket)).code).toBe(CLOSE_CODES.missingDependencies);
    // Sent on a new socket in order, the first half is refused because of the lock.
    const again = await openAttacker(scene.server, 'mx.delegate');
    again.send(first);
    expect((await closedWith(again.socket)).code).toBe(CLOSE_CODES.clauseLocked);
    await expectIntact(scene);
  });

  it('a locked-clause insert sent before the step 2 waits for it, and the step 2 carrying it is refused', async () => {
    const scene = await lockedScene();
    const socket = await openRawSocket(scene.server, 'mx.delegate');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(await storedDoc(scene.server)));
    const updates = recordUpdates(doc);
    clauseText(doc, LOCKED).insert(3, 'a');
    clauseText(doc, LOCKED).insert(4, 'b');
    // The second half first, before any step 2: it waits (missing dependencies, S2).
    socket.ws.send(syncUpdateFrame(updates[1]!));
    // The step 2 carries both halves: the lock refuses the whole of it (L2).
    socket.ws.send(
      syncStep2Frame(
        Y.encodeStateAsUpdate(doc, Y.encodeStateVector(await storedDoc(scene.server))),
      ),
    );
    expect((await closedWith(socket)).code).toBe(CLOSE_CODES.clauseLocked);
    await expectIntact(scene);
  });

  it("content parented on another client's predicted next id: 4409, never seen", async () => {
    const scene = await lockedScene();
    const { witness, attacker } = scene;
    // The attacker predicts the witness's next struct by replaying its edit on a twin doc.
    const twin = new Y.Doc();
    twin.clientID = witness.doc.clientID;
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(witness.doc));
    const predicted = twin.getXmlFragment(DRAFT_FRAGMENT);
    const twinUpdates = recordUpdates(twin);
    clauseText(twin, UNLOCKED).insert(0, 'W');
    Y.applyUpdate(attacker.doc, twinUpdates[0]!);
    const parasite = attacker.craft((doc) => clauseText(doc, UNLOCKED).insert(1, 'PARASITE'));
    expect(predicted.length).toBeGreaterThan(0);
    attacker.send(parasite);
    expect((await closedWith(attacker.socket)).code).toBe(CLOSE_CODES.missingDependencies);
    await expectIntact(scene);
    // When the witness really types that character, the parasite does not come with it.
    clauseText(witness.doc, UNLOCKED).insert(0, 'W');
    await until(
      async () =>
        clauseText(await storedDoc(scene.server), UNLOCKED)
          .toString()
          .startsWith('W'),
      'the honest edit is stored',
    );
    expect(clauseText(await storedDoc(scene.server), UNLOCKED).toString()).not.toContain(
      'PARASITE',
    );
    expect(clauseFingerprint(await storedDoc(scene.server), LOCKED)).toBe(scene.before);
  });

  it('structs of a client id bound to another user, inside the locked clause', async () => {
    const scene = await lockedScene();
    // The witness's client id is bound to us.delegate once it has written something.
    clauseText(scene.witness.doc, UNLOCKED).insert(0, 'US ');
    await until(
      async () =>
        clauseText(await storedDoc(scene.server), UNLOCKED)
          .toString()
          .startsWith('US '),
      'the witness edit is stored',
    );
    await roundTrip(providerSocket(scene.witness), scene.witness.doc);
    const settled: Scene = {
      ...scene,
      unlockedBefore: clauseFingerprint(scene.witness.doc, UNLOCKED),
      seen: recordUpdates(scene.witness.doc),
      stored: (await scene.server.storage.updates.stats(demoDocumentId(scene.server))).updates,
    };
    const forger = await openAttacker(scene.server);
    forger.doc.clientID = scene.witness.doc.clientID;
    forger.send(forger.craft((doc) => clauseText(doc, LOCKED).insert(2, 'forged')));
    expect([CLOSE_CODES.foreignClientId, CLOSE_CODES.clauseLocked]).toContain(
      (await closedWith(forger.socket)).code,
    );
    await expectIntact(settled);
  });
});

describe('L2: honest clients are not refused because of a lock', () => {
  it('edit other clauses and add a clause right after the locked one', async () => {
    const scene = await lockedScene();
    const { witness, server } = scene;
    clauseText(witness.doc, UNLOCKED).insert(0, 'Edited. ');
    const fresh = new Y.XmlElement('clause');
    fresh.setAttribute('id', 'op-new');
    fresh.setAttribute('kind', 'operative');
    fresh.insert(0, [new Y.XmlText('A new clause after the locked one.')]);
    witness.doc
      .getXmlFragment(DRAFT_FRAGMENT)
      .insert(fragmentIndexOf(witness.doc, LOCKED) + 1, [fresh]);
    await until(
      async () => clauseCount(await storedDoc(server), 'op-new') === 1,
      'the new clause is stored',
    );
    expect(clauseText(await storedDoc(server), 'op-new').toString()).toBe(
      'A new clause after the locked one.',
    );
    expect(clauseText(await storedDoc(server), UNLOCKED).toString()).toMatch(/^Edited\. /);
    expect(clauseFingerprint(await storedDoc(server), LOCKED)).toBe(scene.before);
    expect(witness.closes).toEqual([]);
  });

  it('a client whose state has text deleted in the clause before it was locked', async () => {
    const { server } = await startServer();
    const editor = await openClient(server, 'gt.delegate');
    clauseText(editor.doc, LOCKED).delete(0, 4);
    await until(
      async () =>
        clauseText(await storedDoc(server), LOCKED).length ===
        clauseText(editor.doc, LOCKED).length,
      'the deletion is stored',
    );
    expect((await setLock(server, LOCKED, true)).status).toBe(200);
    await until(() => isLockedIn(editor.doc, LOCKED), 'the editor sees the lock');
    // Its sync step 2 repeats that deletion, inside the now locked clause.
    const returning = await openClient(server, 'gt.delegate', Y.encodeStateAsUpdate(editor.doc));
    await roundTrip(providerSocket(returning), returning.doc);
    expect(returning.closes).toEqual([]);
  });

  it('after an unlock, the clause can be edited again', async () => {
    const scene = await lockedScene();
    expect(
      (await setLock(scene.server, LOCKED, false, 'Reopened at the request of MX')).status,
    ).toBe(200);
    await until(() => !isLockedIn(scene.witness.doc, LOCKED), 'the witness sees the unlock');
    clauseText(scene.witness.doc, LOCKED).insert(0, 'Reopened. ');
    await until(
      async () =>
        clauseText(await storedDoc(scene.server), LOCKED)
          .toString()
          .startsWith('Reopened. '),
      'the edit is stored',
    );
    expect(scene.witness.closes).toEqual([]);
  });
});
