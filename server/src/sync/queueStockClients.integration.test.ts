import type { DelegationCode } from '@accord/shared/domain/delegations';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLAUSE, cleanups, holds, setup, sleep } from '../testing/queueTestKit';
import { clauseText } from '../testing/testClient';
import type { SyncServer } from './SyncServer';

/**
 * SPEC S5 with stock y-websocket clients over real sockets, against the real SQLite log whose
 * appends a fault injector delays by a random few ms: typists converge, and no client ever
 * receives an update the log does not hold yet.
 */

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const DELEGATIONS: Record<string, DelegationCode> = { 'u-us': 'US', 'u-ca': 'CA', 'u-mx': 'MX' };

/** A bare `ws` server handing every socket to the sync core as the user named in its URL. */
async function listen(sync: SyncServer): Promise<string> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.once('listening', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  );
  wss.on('connection', (ws, request) => {
    const userId = new URL(request.url ?? '/', 'http://localhost').searchParams.get('user') ?? '';
    const handle = sync.connect(
      {
        send: (data) => ws.send(data),
        close: (code, reason) => ws.close(code, reason),
        ping: () => ws.ping(),
        terminate: () => ws.terminate(),
      },
      {
        sessionId: `s-${userId}`,
        userId,
        displayName: userId,
        delegation: DELEGATIONS[userId] ?? 'US',
        role: 'delegate',
        documentId: 'd1',
        negotiationId: 'n1',
      },
    );
    ws.on('message', (data: Buffer) => handle.receive(new Uint8Array(data)));
    ws.on('pong', () => handle.heard());
    ws.on('close', () => handle.closed());
  });
  const address = wss.address();
  if (address === null || typeof address === 'string') throw new Error('Unexpected address.');
  return `ws://127.0.0.1:${address.port}`;
}

async function until(condition: () => boolean, message: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${message}`);
    await sleep(10);
  }
}

describe('the per-draft queue with stock clients (S5)', () => {
  it('slow commits: stock clients typing at once converge, never ahead of the log', async () => {
    const { sync, log, storedDoc } = await setup();
    const url = await listen(sync);
    const violations: string[] = [];
    const typists = Object.keys(DELEGATIONS).map((user) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(url, 'd1', doc, {
        disableBc: true,
        params: { user },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      });
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        // Applied from a server frame: at this moment the log must hold all of it.
        if (origin === provider && !holds(log.mirror, update)) violations.push(user);
      });
      cleanups.push(() => {
        provider.destroy();
        doc.destroy();
      });
      return { doc, provider };
    });
    await until(() => typists.every(({ provider }) => provider.synced), 'all synced');
    const KEYS = 15;
    await Promise.all(
      typists.map(async ({ doc }, index) => {
        for (let key = 0; key < KEYS; key++) {
          const text = clauseText(doc, CLAUSE);
          text.insert(Math.floor(Math.random() * (text.length + 1)), `${index}`);
          await sleep(Math.floor(Math.random() * 4));
        }
      }),
    );
    const expected = 'Calls upon all parties to negotiate.'.length + KEYS * typists.length;
    await until(
      () => typists.every(({ doc }) => clauseText(doc, CLAUSE).length === expected),
      'every keystroke everywhere',
    );
    await sync.settled();
    expect(violations).toEqual([]);
    const texts = new Set(typists.map(({ doc }) => clauseText(doc, CLAUSE).toString()));
    expect(texts.size).toBe(1);
    expect(clauseText(await storedDoc(), CLAUSE).toString()).toBe([...texts][0]);
    expect(typists.every(({ provider }) => provider.wsconnected)).toBe(true);
  });
});
