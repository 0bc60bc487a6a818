import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { clauseText } from '../testing/testClient';
import {
  type Client,
  closeAll,
  onCleanup,
  openClient,
  openRawSocket,
  providerSocket,
  roundTrip,
  startServer,
  storedDoc,
  until,
} from '../testing/wsTestClients';
import { MESSAGE_TYPES } from './protocol';

/**
 * The sync channel end to end: the real server on port 0 with SQLite in a temp folder and stock
 * y-websocket providers, as browsers use them.
 */

afterEach(closeAll);

describe('sync over WebSocket', () => {
  it('two stock clients converge on text typed concurrently into the same clause', async () => {
    const { server } = await startServer();
    const mexico = await openClient(server, 'mx.delegate');
    const unitedStates = await openClient(server, 'us.delegate');
    const mexicoText = clauseText(mexico.doc, 'pp-root-causes');
    // Both type before either hears from the other.
    mexicoText.insert(mexicoText.length, ' Mexico adds this.');
    clauseText(unitedStates.doc, 'pp-root-causes').insert(0, 'US: ');
    const text = (client: Client) => client.doc.getXmlFragment('default').toString();
    await until(
      () => text(mexico).includes('US: ') && text(unitedStates).includes('Mexico adds this.'),
      'both edits reached both clients',
    );
    expect(text(mexico)).toBe(text(unitedStates));
    expect(clauseText(await storedDoc(server), 'pp-root-causes').toString()).toBe(
      clauseText(mexico.doc, 'pp-root-causes').toString(),
    );
  });

  it("drops an observer's writes while the observer keeps receiving others' edits", async () => {
    const { server } = await startServer();
    const observer = await openClient(server, 'observer');
    const canada = await openClient(server, 'ca.delegate');
    clauseText(observer.doc, 'op-follow-up').insert(0, 'OBSERVER WAS HERE ');
    await roundTrip(providerSocket(observer), observer.doc);
    clauseText(canada.doc, 'op-follow-up').insert(0, 'Canada suggests Ottawa. ');
    await until(
      () => clauseText(observer.doc, 'op-follow-up').toString().includes('Canada suggests'),
      'the observer received the edit',
    );
    expect(clauseText(canada.doc, 'op-follow-up').toString()).not.toContain('OBSERVER');
    expect(clauseText(await storedDoc(server), 'op-follow-up').toString()).not.toContain(
      'OBSERVER',
    );
    expect(observer.closes).toEqual([]);
    expect(observer.provider.wsconnected).toBe(true);
  });

  it('keeps the text across a restart on the same data folder', async () => {
    const first = await startServer();
    const mexico = await openClient(first.server, 'mx.delegate');
    clauseText(mexico.doc, 'op-jobs').insert(0, 'PERSISTED ');
    await roundTrip(providerSocket(mexico), mexico.doc);
    mexico.provider.destroy();
    await first.close();
    const second = await startServer({ dataDir: first.server.dataDir });
    expect(second.server.seeded).toBeNull();
    const guatemala = await openClient(second.server, 'gt.delegate');
    expect(clauseText(guatemala.doc, 'op-jobs').toString()).toMatch(/^PERSISTED /);
  });
});

describe('presence over WebSocket (S8)', () => {
  it("shows the server's name and delegation, whatever the client claims", async () => {
    const { server } = await startServer();
    const mexico = await openClient(server, 'mx.delegate');
    const unitedStates = await openClient(server, 'us.delegate');
    const seen: unknown[] = [];
    unitedStates.provider.awareness.on('change', () => {
      seen.push(unitedStates.provider.awareness.getStates().get(mexico.doc.clientID));
    });
    mexico.provider.awareness.setLocalState({
      user: { name: 'Impostor', delegation: 'US', color: '#000000' },
      cursor: null,
    });
    await until(
      () => seen.some((state) => JSON.stringify(state ?? null).includes('Sofía Ramírez')),
      'the stamped state arrived',
    );
    const state = unitedStates.provider.awareness.getStates().get(mexico.doc.clientID);
    expect(state).toMatchObject({
      user: { name: 'Sofía Ramírez', delegation: 'MX', role: 'delegate', color: '#00704a' },
    });
    expect(JSON.stringify(seen)).not.toContain('Impostor');
  });

  it("does not let a client remove someone else's presence", async () => {
    const { server } = await startServer();
    const mexico = await openClient(server, 'mx.delegate');
    const unitedStates = await openClient(server, 'us.delegate');
    const mexicoId = mexico.doc.clientID;
    // A fresh Awareness has clock 0, which y-protocols ignores: clients set a field first.
    mexico.provider.awareness.setLocalStateField('cursor', null);
    await until(
      () => unitedStates.provider.awareness.getStates().has(mexicoId),
      "Mexico's presence arrived",
    );
    const forger = await openRawSocket(server, 'ca.delegate');
    const forgery = new awarenessProtocol.Awareness(new Y.Doc());
    forgery.clientID = mexicoId;
    for (let clock = 0; clock < 5; clock++) forgery.setLocalState({});
    forgery.setLocalState(null);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPES.awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(forgery, [mexicoId]),
    );
    forger.ws.send(encoding.toUint8Array(encoder));
    forgery.destroy();
    // queryAwareness: the reply lists every presence the server holds, after the forgery.
    forger.ws.send(Uint8Array.of(MESSAGE_TYPES.queryAwareness));
    await roundTrip(forger.ws, new Y.Doc());
    const everyone = new awarenessProtocol.Awareness(new Y.Doc());
    onCleanup(() => everyone.destroy());
    // Replayed in order: had the removal been applied, its broadcast and the reply would lack Mexico.
    for (const frame of forger.frames.filter((f) => f[0] === MESSAGE_TYPES.awareness)) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      awarenessProtocol.applyAwarenessUpdate(
        everyone,
        decoding.readVarUint8Array(decoder),
        'server',
      );
    }
    expect(everyone.getStates().get(mexicoId)).toMatchObject({ user: { delegation: 'MX' } });
    expect(unitedStates.provider.awareness.getStates().has(mexicoId)).toBe(true);
    expect(forger.ws.readyState).toBe(WebSocket.OPEN);
  });
});
