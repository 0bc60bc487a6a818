import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { LIMITS } from '@accord/shared/protocol/limits';
import type { WSContext, WSEvents, WSMessageReceive } from 'hono/ws';
import type { SyncServer } from './SyncServer';
import type { SyncConnectionHandle, SyncPrincipal, SyncSocket } from './syncTypes';

/**
 * A socket whose send buffer holds more than this is closed with `CLOSE_CODES.slowConnection`
 * rather than buffering without bound; the client reconnects and resyncs from the log.
 */
export const MAX_BUFFERED_BYTES = 4 * LIMITS.maxSyncMessageBytes;

const OPEN = 1;

/**
 * A frame's bytes, or null for a text frame (not part of the y-websocket protocol). The Node
 * adapter hands binary frames over as ArrayBuffer; a Buffer or any view is accepted too.
 */
export function frameBytes(data: WSMessageReceive | ArrayBufferView): Uint8Array | null {
  if (typeof data === 'string' || data instanceof Blob) return null;
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** How many bytes the underlying `ws` socket still has to write, when it says. */
function bufferedAmountOf(raw: unknown): number {
  if (typeof raw === 'object' && raw !== null && 'bufferedAmount' in raw) {
    const amount: unknown = raw.bufferedAmount;
    if (typeof amount === 'number') return amount;
  }
  return 0;
}

/** The network stream under a `ws` socket, which can hold writes back (`cork`) and let them go. */
interface CorkableStream {
  cork(): void;
  uncork(): void;
}

/**
 * The stream under the `ws` socket (its `_socket`, not part of its typed API), when present:
 * `ws` writes each frame's header and payload between `cork` and `uncork`, and corks nest, so
 * frames sent while it is corked leave in one `writev`.
 */
function corkableStreamOf(raw: unknown): CorkableStream | null {
  if (typeof raw !== 'object' || raw === null || !('_socket' in raw)) return null;
  const stream: unknown = raw._socket;
  if (typeof stream !== 'object' || stream === null) return null;
  const candidate = stream as Partial<Record<keyof CorkableStream, unknown>>;
  return typeof candidate.cork === 'function' && typeof candidate.uncork === 'function'
    ? (stream as CorkableStream)
    : null;
}

/** The part of the underlying `ws` socket the liveness check uses, when the adapter exposes it. */
interface RawLiveSocket {
  ping(): void;
  terminate(): void;
  on(event: 'pong', listener: () => void): unknown;
}

function rawLiveSocket(raw: unknown): RawLiveSocket | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const candidate = raw as Partial<Record<keyof RawLiveSocket, unknown>>;
  return typeof candidate.ping === 'function' &&
    typeof candidate.terminate === 'function' &&
    typeof candidate.on === 'function'
    ? (raw as RawLiveSocket)
    : null;
}

/**
 * The sync core's view of a Hono WebSocket over `ws`. A send to a socket whose buffer is full
 * closes it with `slowConnection` and calls `onGone`.
 */
export function syncSocketOf(ws: WSContext, onGone: () => void): SyncSocket {
  return {
    sendMany(frames) {
      const stream = corkableStreamOf(ws.raw);
      stream?.cork();
      try {
        for (const frame of frames) this.send(frame);
      } finally {
        stream?.uncork();
      }
    },
    send(data) {
      if (ws.readyState !== OPEN) return;
      if (bufferedAmountOf(ws.raw) > MAX_BUFFERED_BYTES) {
        ws.close(CLOSE_CODES.slowConnection, 'Too slow to keep up.');
        onGone();
        return;
      }
      const bytes =
        data.buffer instanceof ArrayBuffer
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data);
      ws.send(bytes);
    },
    close(code, reason) {
      ws.close(code, reason);
    },
    ping() {
      if (ws.readyState === OPEN) rawLiveSocket(ws.raw)?.ping();
    },
    terminate() {
      const raw = rawLiveSocket(ws.raw);
      if (raw) raw.terminate();
      else ws.close(CLOSE_CODES.internalError, 'No answer.');
    },
  };
}

/**
 * The Hono adapter of the sync core: maps the WebSocket events of `upgradeWebSocket`
 * (@hono/node-server 2.x) to `SyncServer.connect`, `receive` and `closed`. The HTTP route has
 * authenticated and authorized the principal before upgrading.
 */
export function syncWebSocketEvents(
  sync: Pick<SyncServer, 'connect'>,
  principal: SyncPrincipal,
): WSEvents {
  let handle: SyncConnectionHandle | null = null;

  return {
    onOpen(_event, ws) {
      handle = sync.connect(
        syncSocketOf(ws, () => handle?.closed()),
        principal,
      );
      // Browsers answer pings by themselves: a pong is the sign of life of a quiet reader.
      rawLiveSocket(ws.raw)?.on('pong', () => handle?.heard());
    },
    onMessage(event, ws) {
      if (handle === null) return;
      const bytes = frameBytes(event.data);
      if (bytes === null) {
        ws.close(CLOSE_CODES.malformedMessage, 'Text frames are not part of the protocol.');
        handle.closed();
        return;
      }
      handle.receive(bytes);
    },
    onClose() {
      handle?.closed();
      handle = null;
    },
    onError() {
      // The socket closes after an error (and 'close' follows); stop using it now.
      handle?.closed();
    },
  };
}
