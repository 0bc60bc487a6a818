import type { AddressInfo, Socket } from 'node:net';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { WSContext } from 'hono/ws';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { clausePlugins } from '../clauses/clausePlugins';
import { MemoryStorage } from '../storage/memory/MemoryStorage';
import { frameBytes, MAX_BUFFERED_BYTES, syncSocketOf, syncWebSocketEvents } from './honoWebSocket';
import { MESSAGE_TYPES, SYNC_MESSAGE_TYPES } from './protocol';
import { SyncServer } from './SyncServer';
import type { SyncPrincipal } from './syncTypes';

describe('frameBytes', () => {
  it('reads an ArrayBuffer, as @hono/node-server hands binary frames over', async () => {
    const buffer = Uint8Array.of(0, 1, 2).buffer;
    expect([...(frameBytes(buffer) ?? [])]).toEqual([0, 1, 2]);
  });

  it('reads exactly the bytes of a Buffer that is a view into a larger pool', async () => {
    const pool = Buffer.from([9, 9, 0, 1, 2, 9]);
    expect([...(frameBytes(pool.subarray(2, 5)) ?? [])]).toEqual([0, 1, 2]);
  });

  it('refuses text frames', async () => {
    expect(frameBytes('hello')).toBeNull();
  });
});

describe('syncWebSocketEvents', () => {
  const syncs: SyncServer[] = [];

  afterEach(async () => {
    for (const sync of syncs.splice(0)) await sync.shutdown();
  });

  /** A Hono WSContext over a fake `ws` socket whose send buffer the test controls. */
  async function open() {
    const storage = new MemoryStorage();
    const user = await storage.users.create({
      id: 'user-mx',
      username: 'mx.delegate',
      displayName: 'Sofía Ramírez',
      passwordHash: 'unused',
    });
    const negotiation = await storage.negotiations.create({
      id: 'neg-1',
      title: 'Talks',
      venue: 'Washington, D.C.',
      startsOn: '2025-06-11',
      timeZone: 'UTC',
    });
    const document = await storage.documents.create({
      id: 'doc-1',
      negotiationId: negotiation.id,
      title: 'Draft',
    });
    const principal: SyncPrincipal = {
      sessionId: 'session-1',
      userId: user.id,
      displayName: user.displayName,
      delegation: 'MX',
      role: 'delegate',
      documentId: document.id,
      negotiationId: negotiation.id,
    };
    const sync = new SyncServer({
      updates: storage.updates,
      documents: storage.documents,
      plugins: clausePlugins({ changes: storage.clauseChanges, now: Date.now }),
      log: () => {},
    });
    syncs.push(sync);
    const sent: Uint8Array[] = [];
    const closes: number[] = [];
    const raw = { bufferedAmount: 0 };
    const ws = new WSContext({
      raw,
      readyState: 1,
      send: (data) => {
        if (typeof data !== 'string') sent.push(new Uint8Array(data));
      },
      close: (code) => {
        if (code !== undefined) closes.push(code);
      },
    });
    const events = syncWebSocketEvents(sync, principal);
    events.onOpen?.(new Event('open'), ws);
    const message = (data: string | ArrayBuffer) =>
      events.onMessage?.(new MessageEvent('message', { data }), ws);
    // The draft loads and the handshake runs in its queue.
    await sync.settled();
    return { sync, events, ws, raw, sent, closes, message };
  }

  it('connects on open: the server speaks first, with sync step 1', async () => {
    const { sent, sync } = await open();
    expect([...(sent[0]?.subarray(0, 2) ?? [])]).toEqual([
      MESSAGE_TYPES.sync,
      SYNC_MESSAGE_TYPES.step1,
    ]);
    expect(sync.onlineUserIds()).toEqual(new Set(['user-mx']));
  });

  it('closes a text frame as malformed and then ignores the socket', async () => {
    const { message, closes, sent, sync } = await open();
    message('hello');
    expect(closes).toEqual([CLOSE_CODES.malformedMessage]);
    const before = sent.length;
    message(Uint8Array.of(MESSAGE_TYPES.queryAwareness).buffer);
    await sync.settled();
    expect(sent.length).toBe(before);
    expect(sync.onlineUserIds().size).toBe(0);
  });

  it('closes a socket whose send buffer is full instead of buffering more', async () => {
    const { message, closes, sent, raw, sync } = await open();
    raw.bufferedAmount = MAX_BUFFERED_BYTES + 1;
    const before = sent.length;
    message(Uint8Array.of(MESSAGE_TYPES.queryAwareness).buffer);
    await sync.settled();
    expect(sent.length).toBe(before);
    expect(closes).toEqual([CLOSE_CODES.slowConnection]);
  });

  it('leaves the document when the socket closes', async () => {
    const { events, ws, sync } = await open();
    // Node 20 has no CloseEvent; the adapter does not read the event.
    events.onClose?.(new Event('close'), ws);
    expect(sync.onlineUserIds().size).toBe(0);
  });
});

describe('syncSocketOf: several frames in one write (coalesced sends, issue 17)', () => {
  /** A real `ws` server and client on loopback; counts the server socket's writes to the network. */
  async function pair() {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    const { port } = wss.address() as AddressInfo;
    const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const received: number[][] = [];
    client.on('message', (data: Buffer) => received.push([...data]));
    await new Promise<void>((resolve) => client.once('open', () => resolve()));
    const server = await accepted;
    // The net.Socket under `ws` (what `syncSocketOf` corks): count its system-call writes.
    const stream = (server as unknown as { _socket: Socket })._socket;
    const writes = { count: 0 };
    const writev = stream._writev?.bind(stream);
    const write = stream._write.bind(stream);
    stream._writev = (chunks, callback) => {
      writes.count += 1;
      writev?.(chunks, callback);
    };
    stream._write = (chunk, encoding, callback) => {
      writes.count += 1;
      write(chunk, encoding, callback);
    };
    const ws = new WSContext({
      raw: server,
      readyState: 1,
      send: (data) => server.send(data),
      close: (code, reason) => server.close(code, reason),
    });
    const close = async () => {
      client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    };
    return { ws, received, writes, close };
  }

  it('sends each frame as its own message, in order, in one write', async () => {
    const { ws, received, writes, close } = await pair();
    try {
      const socket = syncSocketOf(ws, () => {});
      const frames = [Uint8Array.of(0, 2, 1), Uint8Array.of(0, 2, 2, 2), Uint8Array.of(0, 2, 3)];
      socket.sendMany?.(frames);
      await expect.poll(() => received.length).toBe(3);
      expect(received).toEqual(frames.map((frame) => [...frame]));
      expect(writes.count).toBe(1);
      // One frame at a time, for comparison: one write each.
      socket.send(Uint8Array.of(0, 2, 4));
      socket.send(Uint8Array.of(0, 2, 5));
      await expect.poll(() => received.length).toBe(5);
      expect(writes.count).toBe(3);
    } finally {
      await close();
    }
  });
});
