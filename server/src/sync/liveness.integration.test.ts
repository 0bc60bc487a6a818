import { SYNC_PATH } from '@accord/shared/protocol/api';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../seed/demo';
import { signIn } from '../testing/testServer';
import {
  closeAll,
  demoDocumentId,
  onCleanup,
  openClient,
  startServer,
  until,
} from '../testing/wsTestClients';
import { LIVENESS_DEFAULTS } from './Liveness';
import { MESSAGE_TYPES } from './protocol';

/**
 * Who is really there (S13): a peer whose network vanished leaves no close frame behind;
 * its socket stays half-open on the server. Modelled with a real `ws` client that stops
 * answering pings (`autoPong: false`) and says nothing more.
 */

afterEach(closeAll);

/** A raw client of the demo draft that announces its presence, then falls silent. */
async function vanishingPeer(server: Awaited<ReturnType<typeof startServer>>['server']) {
  const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
  const ws = new WebSocket(
    `${server.url.replace(/^http/, 'ws')}${SYNC_PATH}/${demoDocumentId(server)}`,
    {
      headers: { Cookie: cookie, Origin: server.url },
      autoPong: false,
    },
  );
  ws.on('error', () => {});
  onCleanup(() => ws.terminate());
  await new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  onCleanup(() => awareness.destroy());
  awareness.setLocalStateField('cursor', null);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.awareness);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
  );
  ws.send(encoding.toUint8Array(encoder));
  return { clientId: awareness.clientID, closed };
}

describe('liveness over WebSocket (S13)', () => {
  it("withdraws a silent peer's presence from everyone else within the silence limit", async () => {
    const { server } = await startServer({ liveness: { intervalMs: 100, silenceMs: 400 } });
    const canada = await openClient(server, 'ca.delegate');
    const peer = await vanishingPeer(server);
    await until(() => canada.provider.awareness.getStates().has(peer.clientId), 'Mexico is seen');
    const seenAt = Date.now();
    await until(
      () => !canada.provider.awareness.getStates().has(peer.clientId),
      'Mexico is gone for Canada',
      3_000,
    );
    // Dropped after 400 ms of silence, found on the next 100 ms beat: never much later.
    expect(Date.now() - seenAt).toBeLessThan(1_500);
    // The socket was dropped without a closing handshake (1006 on the peer's side).
    expect(await peer.closed).toBe(1006);
    expect(canada.provider.wsconnected).toBe(true);
  });

  it('keeps a quiet stock client that answers pings, however long it says nothing', async () => {
    const { server } = await startServer({ liveness: { intervalMs: 50, silenceMs: 200 } });
    const reader = await openClient(server, 'observer');
    const closes = reader.closes.length;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(reader.provider.wsconnected).toBe(true);
    expect(reader.closes).toHaveLength(closes);
  });

  it('S13: promises the 10 s with the defaults: silence limit plus one beat', async () => {
    expect(LIVENESS_DEFAULTS.silenceMs + LIVENESS_DEFAULTS.intervalMs).toBeLessThan(10_000);
  });
});
