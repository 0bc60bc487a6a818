import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Attacker,
  clauseCount,
  clauseElement,
  clauseFingerprint,
  closedWith,
  isLockedIn,
  openAttacker,
  setLock,
} from '../testing/lockTestKit';
import type { RunningTestServer } from '../testing/testServer';
import { clauseText } from './testClient';
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
} from './wsTestClients';

/**
 * L2, the server's guarantee: raw Yjs clients over a real WebSocket try every way of
 * changing a locked clause. Each is closed with a typed code; afterwards the clause is
 * byte-identical (same XML, same Yjs item ids) in an honest replica, in a fresh replica and in
 * SQLite, nothing was stored, and the honest client received no document update at all.
 */

afterEach(closeAll);

/** OP3 of the seeded draft. */
const LOCKED = 'op-supply-chains';
/** OP4, left unlocked. */
const UNLOCKED = 'op-jobs';

interface Scene {
  server: RunningTestServer;
  witness: Client;
  attacker: Attacker;
  before: string;
  unlockedBefore: string;
  seen: Uint8Array[];
  stored: number;
}

async function lockedScene(): Promise<Scene> {
  const { server } = await startServer();
  expect((await setLock(server, LOCKED, true)).status).toBe(200);
  const witness = await openClient(server, 'us.delegate');
  await until(() => isLockedIn(witness.doc, LOCKED), 'the witness sees the lock');
  const attacker = await openAttacker(server);
  return {
    server,
    witness,
    attacker,
    before: clauseFingerprint(witness.doc, LOCKED),
    unlockedBefore: clauseFingerprint(witness.doc, UNLOCKED),
    seen: recordUpdates(witness.doc),
    stored: server.storage.updates.stats(demoDocumentId(server)).updates,
  };
}

/** Every replica and SQLite still hold the clause as it was; nothing was stored or seen. */
async function expectIntact(scene: Scene): Promise<void> {
  const { server, witness } = scene;
  await roundTrip(providerSocket(witness), witness.doc);
  expect(scene.seen).toEqual([]);
  expect(clauseFingerprint(witness.doc, LOCKED)).toBe(scene.before);
  expect(clauseFingerprint(witness.doc, UNLOCKED)).toBe(scene.unlockedBefore);
  const stored = storedDoc(server);
  expect(clauseFingerprint(stored, LOCKED)).toBe(scene.before);
  expect(stored.store.pendingStructs).toBeNull();
  expect(server.storage.updates.stats(demoDocumentId(server)).updates).toBe(scene.stored);
  const fresh = await openClient(server, 'ca.delegate');
  expect(clauseFingerprint(fresh.doc, LOCKED)).toBe(scene.before);
  expect(clauseFingerprint(fresh.doc, UNLOCKED)).toBe(scene.unlockedBefore);
  expect(fresh.doc.store.pendingStructs).toBeNull();
  expect(witness.closes).toEqual([]);
}

/** Sends a crafted change and expects the lock refusal, naming the clause and the Chair. */
async function expectLockRefusal(scene: Scene, change: (doc: Y.Doc) => void): Promise<void> {
  scene.attacker.send(scene.attacker.craft(change));
  const closed = await closedWith(scene.attacker.socket);
  expect(closed.code).toBe(CLOSE_CODES.clauseLocked);
  expect(closed.reason).toContain('OP3 is locked by the Chair');
  await expectIntact(scene);
}

/**
 * Replaces, inside the transaction that set it, the content of an attribute just written, so
 * that the update carries the value in another content type (what a modified client could send).
 */
function swapAttributeContent(element: Y.XmlElement, key: string, content: Y.Item['content']) {
  const item = element._map.get(key);
  if (item === undefined || item.length !== content.getLength()) throw new Error('No such value.');
  item.content = content;
  expect(element.getAttribute(key)).toBe(LOCKED);
}

function fragmentIndexOf(doc: Y.Doc, clauseId: string): number {
  return doc.getXmlFragment(DRAFT_FRAGMENT).toArray().indexOf(clauseElement(doc, clauseId));
}

describe('L2: an update that would change a locked clause is refused (4423)', () => {
  it('typing inside the clause', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => clauseText(doc, LOCKED).insert(5, 'NOT '));
  });

  it('typing at its start and at its end', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => clauseText(doc, LOCKED).insert(0, 'Hereby '));
    const again = await openAttacker(scene.server, 'gt.delegate');
    again.send(
      again.craft((doc) => {
        const text = clauseText(doc, LOCKED);
        text.insert(text.length, ' forever');
      }),
    );
    expect((await closedWith(again.socket)).code).toBe(CLOSE_CODES.clauseLocked);
    await expectIntact(scene);
  });

  it('deleting any of its text', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => clauseText(doc, LOCKED).delete(10, 1));
  });

  it('formatting its text', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => clauseText(doc, LOCKED).format(0, 6, { bold: {} }));
  });

  it('changing or adding an attribute of the clause', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) =>
      clauseElement(doc, LOCKED).setAttribute('kind', 'preambular'),
    );
    const again = await openAttacker(scene.server, 'gt.delegate');
    again.send(again.craft((doc) => clauseElement(doc, LOCKED).setAttribute('data-x', '1')));
    expect((await closedWith(again.socket)).code).toBe(CLOSE_CODES.clauseLocked);
    await expectIntact(scene);
  });

  it('deleting the clause', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) =>
      doc.getXmlFragment(DRAFT_FRAGMENT).delete(fragmentIndexOf(doc, LOCKED), 1),
    );
  });

  it('moving the clause (delete and re-insert elsewhere)', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => {
      const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
      const element = clauseElement(doc, LOCKED);
      const copy = element.clone();
      fragment.delete(fragmentIndexOf(doc, LOCKED), 1);
      fragment.insert(1, [copy]);
    });
  });

  it('a select-all delete over locked and unlocked clauses, whole update refused', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => {
      const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
      fragment.delete(1, fragment.length - 1);
    });
  });

  it('an update editing an unlocked clause and the locked one: nothing of it is applied', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => {
      clauseText(doc, UNLOCKED).insert(0, 'Unlocked edit. ');
      clauseText(doc, LOCKED).insert(0, 'Locked edit. ');
    });
  });

  it('a new clause element that claims the locked clause id', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => {
      const impostor = new Y.XmlElement('clause');
      impostor.setAttribute('id', LOCKED);
      impostor.setAttribute('kind', 'operative');
      impostor.insert(0, [new Y.XmlText('Forged wording.')]);
      doc.getXmlFragment(DRAFT_FRAGMENT).insert(1, [impostor]);
    });
  });

  // L2 with S11: a key set twice in one update. The second value's origin is the first,
  // which is new in the same update: the key must be followed through the update itself.
  it('another clause renamed twice in one update, the second time to the locked id', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => {
      const other = clauseElement(doc, UNLOCKED);
      other.setAttribute('id', 'placeholder');
      other.setAttribute('id', LOCKED);
    });
  });

  it('a new clause whose id is set three times, the last to the locked id', async () => {
    const scene = await lockedScene();
    await expectLockRefusal(scene, (doc) => {
      const impostor = new Y.XmlElement('clause');
      impostor.setAttribute('kind', 'operative');
      impostor.insert(0, [new Y.XmlText('Forged wording.')]);
      doc.getXmlFragment(DRAFT_FRAGMENT).insert(0, [impostor]);
      impostor.setAttribute('id', 'first');
      impostor.setAttribute('id', 'second');
      impostor.setAttribute('id', LOCKED);
    });
  });

  // Yjs reads a map value from any content type: an id written as JSON or as an embed reads
  // as the same string as one written the usual way (ContentAny).
  for (const [name, content] of [
    ['JSON', () => new Y.ContentJSON([LOCKED])],
    ['an embed', () => new Y.ContentEmbed(LOCKED)],
  ] as const) {
    it(`a new clause element that claims the locked clause id written as ${name}`, async () => {
      const scene = await lockedScene();
      await expectLockRefusal(scene, (doc) => {
        const impostor = new Y.XmlElement('clause');
        impostor.setAttribute('id', 'placeholder');
        impostor.setAttribute('kind', 'operative');
        impostor.insert(0, [new Y.XmlText('Forged wording.')]);
        doc.getXmlFragment(DRAFT_FRAGMENT).insert(fragmentIndexOf(doc, LOCKED), [impostor]);
        swapAttributeContent(impostor, 'id', content());
      });
    });

    it(`another clause renamed to the locked clause id, written as ${name}`, async () => {
      const scene = await lockedScene();
      await expectLockRefusal(scene, (doc) => {
        const other = clauseElement(doc, UNLOCKED);
        other.setAttribute('id', 'placeholder');
        swapAttributeContent(other, 'id', content());
      });
    });
  }

  it('an edit made before the lock landed, sent after it: the lock wins', async () => {
    const scene = await lockedScene();
    await setLock(scene.server, LOCKED, false, 'Reopened');
    const late = await openClient(scene.server, 'sv.delegate');
    await until(() => !isLockedIn(late.doc, LOCKED), 'sv sees the unlock');
    late.provider.disconnect();
    clauseText(late.doc, LOCKED).insert(0, 'In flight. ');
    // The unlock changed the meta: take the witness's view again before the relock.
    await roundTrip(providerSocket(scene.witness), scene.witness.doc);
    expect((await setLock(scene.server, LOCKED, true)).status).toBe(200);
    await until(() => isLockedIn(scene.witness.doc, LOCKED), 'the witness sees the relock');
    await roundTrip(providerSocket(scene.witness), scene.witness.doc);
    const relocked: Scene = {
      ...scene,
      before: clauseFingerprint(scene.witness.doc, LOCKED),
      seen: recordUpdates(scene.witness.doc),
      stored: scene.server.storage.updates.stats(demoDocumentId(scene.server)).updates,
    };
    expect(relocked.before).toBe(scene.before);
    late.provider.connect();
    await until(() => late.closes.includes(CLOSE_CODES.clauseLocked), 'the late edit is refused');
    late.provider.disconnect();
    await expectIntact(relocked);
  });
});

describe('L6: the lock holds across a restart', () => {
  it('a reloaded document still refuses changes to the locked clause', async () => {
    const first = await startServer();
    expect((await setLock(first.server, LOCKED, true)).status).toBe(200);
    const before = clauseFingerprint(storedDoc(first.server), LOCKED);
    const dataDir = first.server.dataDir;
    await first.close();
    const { server } = await startServer({ dataDir });
    const attacker = await openAttacker(server);
    attacker.send(attacker.craft((doc) => clauseText(doc, LOCKED).insert(0, 'After restart ')));
    expect((await closedWith(attacker.socket)).code).toBe(CLOSE_CODES.clauseLocked);
    expect(clauseFingerprint(storedDoc(server), LOCKED)).toBe(before);
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
      () => clauseText(storedDoc(scene.server), UNLOCKED).toString().startsWith('W'),
      'the honest edit is stored',
    );
    expect(clauseText(storedDoc(scene.server), UNLOCKED).toString()).not.toContain('PARASITE');
    expect(clauseFingerprint(storedDoc(scene.server), LOCKED)).toBe(scene.before);
  });

  it('structs of a client id bound to another user, inside the locked clause', async () => {
    const scene = await lockedScene();
    // The witness's client id is bound to us.delegate once it has written something.
    clauseText(scene.witness.doc, UNLOCKED).insert(0, 'US ');
    await until(
      () => clauseText(storedDoc(scene.server), UNLOCKED).toString().startsWith('US '),
      'the witness edit is stored',
    );
    await roundTrip(providerSocket(scene.witness), scene.witness.doc);
    const settled: Scene = {
      ...scene,
      unlockedBefore: clauseFingerprint(scene.witness.doc, UNLOCKED),
      seen: recordUpdates(scene.witness.doc),
      stored: scene.server.storage.updates.stats(demoDocumentId(scene.server)).updates,
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
    await until(() => clauseCount(storedDoc(server), 'op-new') === 1, 'the new clause is stored');
    expect(clauseText(storedDoc(server), 'op-new').toString()).toBe(
      'A new clause after the locked one.',
    );
    expect(clauseText(storedDoc(server), UNLOCKED).toString()).toMatch(/^Edited\. /);
    expect(clauseFingerprint(storedDoc(server), LOCKED)).toBe(scene.before);
    expect(witness.closes).toEqual([]);
  });

  it('a client whose state has text deleted in the clause before it was locked', async () => {
    const { server } = await startServer();
    const editor = await openClient(server, 'gt.delegate');
    clauseText(editor.doc, LOCKED).delete(0, 4);
    await until(
      () => clauseText(storedDoc(server), LOCKED).length === clauseText(editor.doc, LOCKED).length,
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
      () => clauseText(storedDoc(scene.server), LOCKED).toString().startsWith('Reopened. '),
      'the edit is stored',
    );
    expect(scene.witness.closes).toEqual([]);
  });
});
