import { readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closedWith } from '../testing/lockTestKit';
import { clauseText } from '../testing/testClient';
import type { RunningTestServer } from '../testing/testServer';
import {
  type Client,
  closeAll,
  openClient,
  openRawSocket,
  providerSocket,
  roundTrip,
  startServer,
  storedDoc,
  syncUpdateFrame,
  until,
} from '../testing/wsTestClients';

/**
 * Brackets end to end (B1–B3): the real server on port 0 with SQLite in a temp folder and
 * stock y-websocket providers. The server records who inserted each '[' and refuses an update
 * that deletes another delegation's '[' unless a moderator sent it.
 */

afterEach(closeAll);

const CLAUSE = 'op-tariffs';

async function userId(server: RunningTestServer, username: string): Promise<string> {
  const user = await server.storage.users.byUsername(username);
  if (user === undefined) throw new Error(`No demo user ${username}.`);
  return user.id;
}

function bracketsIn(doc: Y.Doc) {
  return readClauseMeta(doc.getMap('accord'), CLAUSE)?.brackets ?? {};
}

/** Mexico brackets the first word of the clause; resolves once `watcher` sees the owner. */
async function mexicoBrackets(mexico: Client, watcher: Client): Promise<string> {
  const text = clauseText(mexico.doc, CLAUSE);
  mexico.doc.transact(() => {
    text.insert(4, ']');
    text.insert(0, '[');
  });
  await until(() => Object.keys(bracketsIn(watcher.doc)).length === 1, 'the bracket is recorded');
  return clauseText(mexico.doc, CLAUSE).toString();
}

describe('brackets (B1–B3)', () => {
  it("records the delegation that inserted a '[' in the clause meta, live for others", async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    const mexico = await openClient(server, 'mx.delegate');
    const text = await mexicoBrackets(mexico, canada);
    expect(text.startsWith('[')).toBe(true);
    const [key, bracket] = Object.entries(bracketsIn(canada.doc))[0]!;
    expect(key).toBe(`${mexico.doc.clientID}:${clauseText(mexico.doc, CLAUSE)._start!.id.clock}`);
    expect(bracket).toMatchObject({ delegation: 'MX', userId: userId(server, 'mx.delegate') });
    expect(clauseText(canada.doc, CLAUSE).toString()).toBe(text);
    expect(bracketsIn(await storedDoc(server))).toEqual(bracketsIn(canada.doc));
  });

  it("closes a delegate who deletes another delegation's '[' with 4422, storing nothing", async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    const mexico = await openClient(server, 'mx.delegate');
    const us = await openClient(server, 'us.delegate');
    const text = await mexicoBrackets(mexico, canada);
    await until(() => clauseText(us.doc, CLAUSE).toString() === text, 'the US sees the bracket');
    clauseText(us.doc, CLAUSE).delete(0, 1);
    await until(() => us.closes.includes(CLOSE_CODES.updateRejected), 'the US is closed');
    us.provider.destroy();
    await roundTrip(providerSocket(canada), canada.doc);
    expect(clauseText(canada.doc, CLAUSE).toString()).toBe(text);
    expect(clauseText(await storedDoc(server), CLAUSE).toString()).toBe(text);
    // Brackets are pairs: the closing ']' is Mexico's too (B2).
    const again = await openClient(server, 'us.delegate');
    await until(() => clauseText(again.doc, CLAUSE).toString() === text, 'the US reloaded');
    clauseText(again.doc, CLAUSE).delete(text.indexOf(']'), 1);
    await until(() => again.closes.includes(CLOSE_CODES.updateRejected), 'the US is closed again');
    again.provider.destroy();
    await roundTrip(providerSocket(canada), canada.doc);
    expect(clauseText(canada.doc, CLAUSE).toString()).toBe(text);
    expect(clauseText(await storedDoc(server), CLAUSE).toString()).toBe(text);
  });

  it("lets Mexico and the Chair delete Mexico's closing ']', and anyone a ']' that closes nothing", async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    const mexico = await openClient(server, 'mx.delegate');
    const chair = await openClient(server, 'chair');
    const text = await mexicoBrackets(mexico, canada);
    const closing = text.indexOf(']');
    clauseText(mexico.doc, CLAUSE).delete(closing, 1);
    const unclosed = text.slice(0, closing) + text.slice(closing + 1);
    await until(
      () => clauseText(canada.doc, CLAUSE).toString() === unclosed,
      "Mexico's ']' removed",
    );
    expect(mexico.closes).toEqual([]);
    clauseText(mexico.doc, CLAUSE).insert(closing, ']');
    await until(() => clauseText(chair.doc, CLAUSE).toString() === text, 'the Chair sees it back');
    clauseText(chair.doc, CLAUSE).delete(closing, 1);
    await until(
      () => clauseText(canada.doc, CLAUSE).toString() === unclosed,
      "the Chair's removal",
    );
    expect(chair.closes).toEqual([]);
    // A stray ']' closes no bracket: anyone may delete it.
    const us = await openClient(server, 'us.delegate');
    await until(() => clauseText(us.doc, CLAUSE).toString() === unclosed, 'the US sees it');
    clauseText(us.doc, CLAUSE).insert(0, ']');
    await until(() => clauseText(canada.doc, CLAUSE).toString() === `]${unclosed}`, 'stray added');
    clauseText(canada.doc, CLAUSE).delete(0, 1);
    await until(() => clauseText(us.doc, CLAUSE).toString() === unclosed, 'stray removed');
    expect(canada.closes).toEqual([]);
  });

  it("lets Mexico delete its own '[' and the chair delete Mexico's", async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    const mexico = await openClient(server, 'mx.delegate');
    const chair = await openClient(server, 'chair');
    const text = await mexicoBrackets(mexico, canada);
    clauseText(mexico.doc, CLAUSE).delete(0, 1);
    await until(() => clauseText(canada.doc, CLAUSE).toString() === text.slice(1), 'own removed');
    expect(mexico.closes).toEqual([]);

    clauseText(mexico.doc, CLAUSE).insert(0, '[');
    await until(() => Object.keys(bracketsIn(canada.doc)).length === 1, 're-bracketed');
    await until(() => clauseText(chair.doc, CLAUSE).toString() === text, 'the chair sees it');
    clauseText(chair.doc, CLAUSE).delete(0, 1);
    await until(() => clauseText(canada.doc, CLAUSE).toString() === text.slice(1), 'chair removed');
    expect(chair.closes).toEqual([]);
    expect(clauseText(await storedDoc(server), CLAUSE).toString()).toBe(text.slice(1));
  });

  // B3 (S11): Yjs deletes the children of a deleted item, so a delete set that names
  // only the clause's text item or only its element removes the '[' inside without naming it.
  for (const target of ['the text item', 'the clause element'] as const) {
    it(`closes a delegate whose delete set names only ${target} holding Mexico's '['`, async () => {
      const { server } = await startServer();
      const canada = await openClient(server, 'ca.delegate');
      const mexico = await openClient(server, 'mx.delegate');
      const text = await mexicoBrackets(mexico, canada);
      const stored = await storedDoc(server);
      const xmlText = clauseText(stored, CLAUSE);
      const item = target === 'the text item' ? xmlText._item : xmlText.parent?._item;
      if (item === null || item === undefined) throw new Error('No item to delete.');
      const attacker = await openRawSocket(server, 'us.delegate');
      attacker.ws.send(syncUpdateFrame(deleteOnly(item.id)));
      expect((await closedWith(attacker)).code).toBe(CLOSE_CODES.updateRejected);
      await roundTrip(providerSocket(canada), canada.doc);
      expect(clauseText(canada.doc, CLAUSE).toString()).toBe(text);
      expect(clauseText(await storedDoc(server), CLAUSE).toString()).toBe(text);
    });
  }

  it("lets the Chair delete a clause element holding Mexico's '[' by naming only the element", async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    const mexico = await openClient(server, 'mx.delegate');
    await mexicoBrackets(mexico, canada);
    const element = clauseText(await storedDoc(server), CLAUSE).parent?._item;
    if (element === null || element === undefined) throw new Error('No clause element.');
    const chair = await openRawSocket(server, 'chair');
    chair.ws.send(syncUpdateFrame(deleteOnly(element.id)));
    await until(() => !clauseIds(canada.doc).includes(CLAUSE), 'the clause is gone');
    expect(clauseIds(await storedDoc(server))).not.toContain(CLAUSE);
  });
});

/** A v1 update with no structs and a delete set naming one struct (what a crafted client sends). */
function deleteOnly(id: Y.ID): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, id.client);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, id.clock);
  encoding.writeVarUint(encoder, 1);
  return encoding.toUint8Array(encoder);
}

function clauseIds(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? (node.getAttribute('id') ?? '') : ''));
}
