import { SYNC_PATH } from '@accord/shared/protocol/api';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../seed/demo';
import { encodeSyncStep2FromUpdate, MESSAGE_TYPES, SYNC_MESSAGE_TYPES } from '../sync/protocol';
import { type RunningTestServer, signIn, startTestServer } from './testServer';

/**
 * Clients of the real server for the sync integration tests: stock y-websocket providers in
 * Node (BroadcastChannel off, so only the server can sync them) and raw `ws` sockets for the
 * frames a stock client never sends. Everything opened here is closed by `closeAll`.
 */

const cleanups: (() => Promise<void> | void)[] = [];

/** Registers something to close after the current test. */
export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

/** Closes everything the current test opened, newest first (call it in `afterEach`). */
export async function closeAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** Starts the real server (port 0, SQLite in a temp folder), closed after the test. */
export async function startServer(overrides?: Parameters<typeof startTestServer>[0]) {
  const server = await startTestServer(overrides);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  onCleanup(close);
  return { server, close };
}

/** Polls until the condition holds (it may read storage); fails with the message after the deadline. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The id of the seeded demo draft (read from storage when the test server started). */
export function demoDocumentId(server: RunningTestServer): string {
  if (server.demo === null) throw new Error('The demo draft is missing.');
  return server.demo.documentId;
}

/** A `ws` WebSocket that presents the session cookie and the page's Origin, as a browser does. */
export function sessionWebSocket(cookie: string, origin: string) {
  return class SessionWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { Cookie: cookie, Origin: origin } });
    }
  };
}

/** A stock y-websocket provider signed in as one demo user. */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the provider saw. */
  closes: number[];
}

/**
 * Signs in and connects a provider to the demo draft; resolves once it has synced. With
 * `initialState`, the client starts from that state, as a browser that comes back does.
 */
export async function openClient(
  server: RunningTestServer,
  username: string,
  initialState?: Uint8Array,
): Promise<Client> {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  const doc = new Y.Doc();
  if (initialState !== undefined) Y.applyUpdate(doc, initialState);
  const provider = new WebsocketProvider(
    `${server.url.replace(/^http/, 'ws')}${SYNC_PATH}`,
    demoDocumentId(server),
    doc,
    {
      disableBc: true,
      // The provider is typed with the DOM WebSocket; `ws` implements the part it uses.
      WebSocketPolyfill: sessionWebSocket(
        cookie,
        server.url,
      ) as unknown as typeof globalThis.WebSocket,
    },
  );
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event !== null) closes.push(event.code);
  });
  onCleanup(() => {
    provider.destroy();
    doc.destroy();
  });
  await until(() => provider.synced, `${username} synced`);
  return { doc, provider, closes };
}

/** A bare socket on the sync endpoint, for frames a stock client never sends. */
export interface RawSocket {
  ws: WebSocket;
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

/** Signs in and opens a bare socket on the demo draft; resolves once it is open. */
export async function openRawSocket(
  server: RunningTestServer,
  username: string,
): Promise<RawSocket> {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  const ws = new WebSocket(
    `${server.url.replace(/^http/, 'ws')}${SYNC_PATH}/${demoDocumentId(server)}`,
    { headers: { Cookie: cookie, Origin: server.url } },
  );
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  ws.on('error', () => {});
  onCleanup(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) =>
      reject(new Error(`Upgrade refused: ${response.statusCode}`)),
    );
  });
  return { ws, frames, closed };
}

/** A sync update frame around any update (valid or not), built with y-protocols. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * A sync step 2 frame around an update: a client's answer to the server's step 1, which a stock
 * client sends on every connect (S2 lets an update with missing dependencies wait for it).
 */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
  return encodeSyncStep2FromUpdate(update);
}

/** Every update a document makes from now on. */
export function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

/**
 * Resolves once the server has read everything sent on this socket so far: it answers frames
 * in order, so the reply to a sync step 1 sent now comes after them.
 */
export async function roundTrip(ws: WebSocket, doc: Y.Doc): Promise<void> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  const reply = new Promise<void>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      // The provider sets binaryType 'arraybuffer'; raw sockets keep Node Buffers.
      const bytes = new Uint8Array(Array.isArray(data) ? Buffer.concat(data) : data);
      if (bytes[0] === MESSAGE_TYPES.sync && bytes[1] === SYNC_MESSAGE_TYPES.step2) {
        ws.off('message', onMessage);
        resolve();
      }
    };
    ws.on('message', onMessage);
  });
  ws.send(encoding.toUint8Array(encoder));
  await reply;
}

/** The `ws` socket a provider is connected with. */
export function providerSocket(client: Client): WebSocket {
  const ws = client.provider.ws;
  if (!(ws instanceof WebSocket)) throw new Error('The provider is not connected.');
  return ws;
}

/** The demo draft as SQLite holds it: its whole update log applied to a fresh doc. */
export async function storedDoc(server: RunningTestServer): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const updates = await server.storage.updates.load(demoDocumentId(server));
  Y.transact(doc, () => {
    for (const { update } of updates) {
      Y.applyUpdate(doc, update);
    }
  });
  return doc;
}
