import type { Socket } from 'node:net';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  expectIntact,
  expectLockRefusal,
  fragmentIndexOf,
  LOCKED,
  lockedScene,
  type Scene,
  swapAttributeContent,
  UNLOCKED,
} from '../testing/lockScene';
import {
  clauseElement,
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
  providerSocket,
  recordUpdates,
  roundTrip,
  storedDoc,
  until,
} from '../testing/wsTestClients';

/**
 * L2, the server's guarantee: raw Yjs clients over a real WebSocket try every way of
 * changing a locked clause. Each is closed with a typed code; afterwards the clause is
 * byte-identical (same XML, same Yjs item ids) in an honest replica, in a fresh replica and in
 * SQLite, nothing was stored, and the honest client received no document update at all.
 */

afterEach(closeAll);

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
      stored: (await scene.server.storage.updates.stats(demoDocumentId(scene.server))).updates,
    };
    expect(relocked.before).toBe(scene.before);
    late.provider.connect();
    await until(() => late.closes.includes(CLOSE_CODES.clauseLocked), 'the late edit is refused');
    late.provider.disconnect();
    await expectIntact(relocked);
  });
});

describe('L2 inside a group commit: an attack sent in one write between two honest edits', () => {
  it('the edit before it is kept and broadcast, the attack and everything after it are not', async () => {
    const scene = await lockedScene();
    const { attacker, witness, server } = scene;
    const before = attacker.craft((doc) => clauseText(doc, UNLOCKED).insert(0, 'Kept. '));
    const attack = attacker.craft((doc) => clauseText(doc, LOCKED).insert(0, 'NOT '));
    const after = attacker.craft((doc) => clauseText(doc, UNLOCKED).insert(0, 'Lost. '));
    // One write on the wire: the three frames reach the server together, in one turn (a group).
    const stream = (attacker.socket.ws as unknown as { _socket: Socket })._socket;
    stream.cork();
    for (const update of [before, attack, after]) attacker.send(update);
    stream.uncork();

    const closed = await closedWith(attacker.socket);
    expect(closed.code).toBe(CLOSE_CODES.clauseLocked);
    await until(
      () => clauseText(witness.doc, UNLOCKED).toString().startsWith('Kept. '),
      'the witness hears the honest edit sent before the attack',
    );
    await roundTrip(providerSocket(witness), witness.doc);
    expect(clauseText(witness.doc, UNLOCKED).toString()).not.toContain('Lost. ');
    expect(clauseFingerprint(witness.doc, LOCKED)).toBe(scene.before);
    const stored = await storedDoc(server);
    expect(clauseFingerprint(stored, LOCKED)).toBe(scene.before);
    expect(clauseText(stored, UNLOCKED).toString()).toBe(
      clauseText(witness.doc, UNLOCKED).toString(),
    );
    expect((await server.storage.updates.stats(demoDocumentId(server))).updates).toBeGreaterThan(
      scene.stored,
    );
    expect(witness.closes).toEqual([]);
  });
});
