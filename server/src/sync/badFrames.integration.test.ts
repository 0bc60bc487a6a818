import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { LIMITS } from '@accord/shared/protocol/limits';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseText } from '../testing/testClient';
import type { RunningTestServer } from '../testing/testServer';
import {
  type Client,
  closeAll,
  openClient,
  openRawSocket,
  recordUpdates,
  startServer,
  storedDoc,
  syncUpdateFrame,
  until,
} from '../testing/wsTestClients';
import { MESSAGE_TYPES, SYNC_MESSAGE_TYPES } from './protocol';

/**
 * Bad frames on the real sync endpoint (S1, S2, S7): each closes only the connection
 * that sent it, with its typed close code; nothing of it is stored; everyone else goes on.
 */

let server: RunningTestServer;
let mexico: Client;
let unitedStates: Client;
let edits = 0;

beforeAll(async () => {
  ({ server } = await startServer());
  mexico = await openClient(server, 'mx.delegate');
  unitedStates = await openClient(server, 'us.delegate');
});

afterAll(closeAll);

/** A doc holding what the server holds (Mexico is in sync with it after every test). */
function copyOfServerState(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(mexico.doc));
  return doc;
}

/** A sync step 2 frame (a client's answer to the server's step 1) around an update. */
function step2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
  encoding.writeVarUint(encoder, SYNC_MESSAGE_TYPES.step2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * A Canada socket sends the frame; it must be closed with the code, and only it. With
 * `afterStep2`, it first answers the server's step 1 as a stock client does (with nothing new).
 */
async function expectClosedWith(
  frame: Uint8Array | string,
  code: number,
  afterStep2 = false,
): Promise<void> {
  const socket = await openRawSocket(server, 'ca.delegate');
  if (afterStep2) socket.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
  socket.ws.send(frame);
  expect((await socket.closed).code).toBe(code);
  // Everyone else goes on: an edit still travels from Mexico to the United States.
  edits += 1;
  const marker = `edit-${edits} `;
  clauseText(mexico.doc, 'op-tariffs').insert(0, marker);
  await until(
    () => clauseText(unitedStates.doc, 'op-tariffs').toString().startsWith(marker),
    'sync goes on for the others',
  );
  expect(mexico.closes).toEqual([]);
  expect(unitedStates.closes).toEqual([]);
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
}

/** Every update the doc makes while `change` runs. */
function updatesOf(doc: Y.Doc, change: () => void): Uint8Array[] {
  const updates = recordUpdates(doc);
  change();
  return updates;
}

describe('S1, S2, S7: the sync endpoint closes a connection that sends', () => {
  it('bytes that do not decode: malformedMessage', async () => {
    await expectClosedWith(Uint8Array.of(MESSAGE_TYPES.sync, 2, 100), CLOSE_CODES.malformedMessage);
  });

  it('a text frame: malformedMessage', async () => {
    await expectClosedWith('hello', CLOSE_CODES.malformedMessage);
  });

  it('a frame over the WebSocket maxPayload: 1009, closed by the ws library itself', async () => {
    await expectClosedWith(new Uint8Array(LIMITS.maxSyncMessageBytes + 1), 1009);
  });

  it('an update over LIMITS.maxUpdateBytes: messageTooLarge', async () => {
    const big = new Y.Doc();
    const [update] = updatesOf(big, () =>
      big.getText('padding').insert(0, 'x'.repeat(LIMITS.maxUpdateBytes + 10)),
    );
    await expectClosedWith(syncUpdateFrame(update!), CLOSE_CODES.messageTooLarge);
  });

  it('an update with missing dependencies: missingDependencies, and stores nothing', async () => {
    const gappy = copyOfServerState();
    const updates = updatesOf(gappy, () => {
      clauseText(gappy, 'op-tariffs').insert(0, 'FIRST ');
      clauseText(gappy, 'op-tariffs').insert(0, 'SECOND ');
    });
    await expectClosedWith(syncUpdateFrame(updates[1]!), CLOSE_CODES.missingDependencies, true);
    expect(clauseText(await storedDoc(server), 'op-tariffs').toString()).not.toMatch(
      /FIRST|SECOND/,
    );
  });

  it('but lets an update with missing dependencies sent before its step 2 wait for it (a reconnecting typist)', async () => {
    const typist = copyOfServerState();
    typist.clientID = 0x5eed;
    const updates = updatesOf(typist, () => {
      clauseText(typist, 'op-tariffs').insert(0, 'OFFLINE ');
      clauseText(typist, 'op-tariffs').insert(0, 'TYPED-ON-RECONNECT ');
    });
    const socket = await openRawSocket(server, 'ca.delegate');
    // Typed while the socket opened: it builds on OFFLINE, which the server has never seen.
    socket.ws.send(syncUpdateFrame(updates[1]!));
    // Then the answer to the server's step 1, computed from the whole document.
    socket.ws.send(step2Frame(Y.encodeStateAsUpdate(typist)));
    await until(
      () =>
        clauseText(unitedStates.doc, 'op-tariffs')
          .toString()
          .startsWith('TYPED-ON-RECONNECT OFFLINE '),
      'both changes reach the others once the step 2 arrived',
    );
    expect(clauseText(await storedDoc(server), 'op-tariffs').toString()).toMatch(
      /^TYPED-ON-RECONNECT OFFLINE /,
    );
    // After the step 2 the rule is the usual one: a gap closes the socket.
    const later = updatesOf(typist, () => {
      clauseText(typist, 'op-tariffs').insert(0, 'UNSENT ');
      clauseText(typist, 'op-tariffs').insert(0, 'GAPPY ');
    });
    socket.ws.send(syncUpdateFrame(later[1]!));
    expect((await socket.closed).code).toBe(CLOSE_CODES.missingDependencies);
    expect(clauseText(await storedDoc(server), 'op-tariffs').toString()).not.toMatch(
      /GAPPY|UNSENT/,
    );
    await until(
      () =>
        Y.encodeStateVector(mexico.doc).toString() ===
        Y.encodeStateVector(unitedStates.doc).toString(),
      'Mexico and the US agree again',
    );
  });

  it("an update by another user's client id: foreignClientId, and stores nothing", async () => {
    const forged = copyOfServerState();
    forged.clientID = mexico.doc.clientID;
    const [update] = updatesOf(forged, () => clauseText(forged, 'op-tariffs').insert(0, 'FORGED '));
    await expectClosedWith(syncUpdateFrame(update!), CLOSE_CODES.foreignClientId);
    expect(clauseText(await storedDoc(server), 'op-tariffs').toString()).not.toContain('FORGED');
    expect(clauseText(unitedStates.doc, 'op-tariffs').toString()).not.toContain('FORGED');
  });
});
