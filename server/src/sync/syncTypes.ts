import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Role } from '@accord/shared/domain/roles';
import type { CloseReason } from '@accord/shared/protocol/closeCodes';

/** Who is on the other end of a sync socket, as the HTTP layer authenticated them. */
export interface SyncPrincipal {
  sessionId: string;
  userId: string;
  displayName: string;
  delegation: DelegationCode;
  role: Role;
  documentId: string;
  negotiationId: string;
}

/** How the sync core keeps open connections' rights current (S10). */
export interface SyncAccess {
  /**
   * Called once per batch of frames, before any frame that arrived before the call started is
   * acted on (`AccessGate`), so it should be cheap (one read): notices access changes made
   * since the last call (by any process) and, if there were any, has `SyncServer.recheckAccess`
   * finished before it resolves. Rejects when storage cannot be read. Calls may overlap.
   */
  noticeChanges(): Promise<void>;
  /** Whether a principal's rights still hold: undefined if so, else why its socket ends. */
  recheck(principal: SyncPrincipal): Promise<SyncRejection | undefined>;
}

/** The transport the sync core writes to; it knows no WebSocket library. */
export interface SyncSocket {
  send(data: Uint8Array): void;
  /**
   * Sends several frames, each its own WebSocket message, in one write to the network (the
   * socket is corked around them), when the socket can; else absent.
   */
  sendMany?(frames: readonly Uint8Array[]): void;
  close(code: number, reason: string): void;
  /** Asks the peer for a sign of life (a WebSocket ping); its answer arrives as `heard()`. */
  ping(): void;
  /** Drops the socket at once, without a closing handshake the silent peer would never finish. */
  terminate(): void;
}

/** A connection as its document sees it (`SyncConnection`). */
export interface DocumentPeer {
  readonly principal: SyncPrincipal;
  /** The awareness client id it speaks for, once it announced one (S8). */
  awarenessClientId: number | undefined;
  /**
   * Sends a frame. `coalesce: false` writes it at once (after what waits), even an update
   * frame: the sender knows nothing else is coming for this socket in the turn.
   */
  send(data: Uint8Array, coalesce?: boolean): void;
  close(code: number, reason: string): void;
  /**
   * Writes to the socket now what `send` held back to coalesce (`coalesceFrames`); peers
   * sent the same frames share one merge through `merged`.
   */
  flush?(merged?: Map<string, Uint8Array>): void;
}

/** What the transport calls when a frame arrives, the peer answers a ping, or the socket closed. */
export interface SyncConnectionHandle {
  /** Queues a frame; frames are handled one at a time, in the order they were received. */
  receive(data: Uint8Array): void;
  /** The peer answered a ping (a pong): it is still there, even if it has nothing to say. */
  heard(): void;
  closed(): void;
}

/** How the server notices peers that vanished without closing (half-open sockets). */
export interface LivenessOptions {
  /** How often every socket is pinged, in milliseconds. */
  intervalMs: number;
  /** A socket that sent nothing, not even a pong, for longer than this is dropped. */
  silenceMs: number;
}

/** Severity of a sync log line. */
export type SyncLogLevel = 'info' | 'warn' | 'error';

/** Where the sync core writes its log lines. */
export type SyncLog = (level: SyncLogLevel, message: string) => void;

/** Why the server refuses what a connection sent; the connection is closed with this reason. */
export interface SyncRejection {
  reason: CloseReason;
  /** Short, person-readable; sent as the WebSocket close reason (at most 123 bytes). */
  message: string;
}

/** The outcome of checking untrusted input: a value, or the rejection to close with. */
export type SyncResult<T> = { ok: true; value: T } | { ok: false; error: SyncRejection };

/** An update taken from a sync step 2 or update frame, and which of the two it came in. */
export interface TakenUpdate {
  update: Uint8Array;
  syncType: number;
}
