import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import type { AccessGate } from './AccessGate';
import type { LivenessTarget } from './Liveness';
import { MessageReceiver } from './MessageReceiver';
import {
  carriesClientUpdate,
  isSyncUpdateFrame,
  KEEPALIVE_FRAME,
  mergeUpdateFrames,
} from './protocol';
import type { SyncDocument, UpdateOutcome, UpdatingPeer } from './SyncDocument';
import type {
  SyncLog,
  SyncPrincipal,
  SyncRejection,
  SyncResult,
  SyncSocket,
  TakenUpdate,
} from './syncTypes';

/**
 * Connections with update frames waiting to be sent (`coalesceFrames`): all flushed once, at
 * the end of the event-loop turn in which the first of them was sent.
 */
const outboxes = new Set<SyncConnection>();
let flushScheduled = false;

function scheduleFlush(): void {
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(flushAll);
}

function flushAll(): void {
  flushScheduled = false;
  // Peers that were sent the same updates in the turn share one merge.
  const merged = new Map<string, Uint8Array>();
  for (const connection of [...outboxes]) connection.flush(merged);
}

/** Identities of frames (sent to many peers, encoded once), for sharing merges. */
const frameIds = new WeakMap<Uint8Array, number>();
let lastFrameId = 0;

function frameId(frame: Uint8Array): number {
  let id = frameIds.get(frame);
  if (id === undefined) {
    lastFrameId += 1;
    id = lastFrameId;
    frameIds.set(frame, id);
  }
  return id;
}

/** The frames merged into one, shared with the peers of the turn that were sent the same. */
function mergedFrame(frames: readonly Uint8Array[], merged?: Map<string, Uint8Array>): Uint8Array {
  if (merged === undefined) return mergeUpdateFrames(frames);
  const key = frames.map(frameId).join(',');
  let frame = merged.get(key);
  if (frame === undefined) {
    frame = mergeUpdateFrames(frames);
    merged.set(key, frame);
  }
  return frame;
}

/** A connection with this many frames waiting for their turn is dropped (it reconnects). */
export const MAX_WAITING_FRAMES = 2_000;

/** Options of one connection. */
export interface SyncConnectionOptions {
  socket: SyncSocket;
  principal: SyncPrincipal;
  document: SyncDocument;
  log: SyncLog;
  /** Called once, when the connection is closed by either side. */
  onClosed: (connection: SyncConnection) => void;
  /**
   * Coalesce the update frames sent to the socket in one event-loop turn into one write to the
   * network, at the end of the turn or before any other frame, so that the order of frames
   * stays as sent. A socket that can (`SyncSocket.sendMany`, the server's WebSockets) sends
   * them as they are, each its own message, in one system call; any other gets one frame
   * merging them (`Y.mergeUpdates` over that turn's updates). Off unless asked for.
   */
  coalesceFrames?: boolean;
  /** The liveness clock (monotonic, milliseconds). */
  clock: () => number;
  /**
   * Before a frame is acted on, access changes made before it arrived have been noticed and
   * the connections they concern closed (this one included), so that nothing sent after a
   * change of rights is applied with the old ones (S10). Without it, rights never change.
   */
  gate?: AccessGate;
}

/**
 * One socket of one principal on one document. It owns the socket's lifetime: once closed, by
 * the server or the peer, it sends nothing more, handles nothing more and has left its document.
 * Its frames are handled one by one, in arrival order, each as a task of the document's queue
 * (S5), so a sync step 1 is answered from the state its earlier updates left.
 */
export class SyncConnection implements LivenessTarget, UpdatingPeer {
  readonly principal: SyncPrincipal;
  readonly document: SyncDocument;
  /** The awareness client id this connection speaks for, once it has announced one. */
  awarenessClientId: number | undefined;
  private readonly socket: SyncSocket;
  private readonly log: SyncLog;
  private readonly onClosed: (connection: SyncConnection) => void;
  private readonly receiver: MessageReceiver;
  private readonly clock: () => number;
  private readonly gate: AccessGate | undefined;
  /** When the peer last sent anything, a pong included (liveness clock). */
  private lastHeardAt: number;
  private open = true;
  /** Frames received and not handled yet (they wait in the document's queue). */
  private waiting = 0;
  private readonly coalesceFrames: boolean;
  /** Update frames sent this turn, not yet written to the socket (`coalesceFrames`). */
  private outbox: Uint8Array[] = [];

  constructor(options: SyncConnectionOptions) {
    this.socket = options.socket;
    this.principal = options.principal;
    this.document = options.document;
    this.log = options.log;
    this.onClosed = options.onClosed;
    this.receiver = new MessageReceiver(this, options.log);
    this.clock = options.clock;
    this.gate = options.gate;
    this.lastHeardAt = options.clock();
    this.coalesceFrames = options.coalesceFrames ?? false;
  }

  /** Whether the connection may still send and receive. */
  get isOpen(): boolean {
    return this.open;
  }

  /** Joins the document: the handshake starts now. */
  start(): void {
    this.document.add(this);
  }

  /** Queues one binary frame from the peer; it is handled after the frames before it. */
  receive(data: Uint8Array): void {
    if (!this.open) return;
    this.heard();
    if (this.waiting >= MAX_WAITING_FRAMES) {
      // Sending faster than its draft's commits go: memory must not grow without bound.
      this.log('warn', `${this.describe()}: ${this.waiting} frames waiting; dropped.`);
      this.close(CLOSE_CODES.slowConnection, 'Too many messages waiting.');
      return;
    }
    this.waiting += 1;
    const stamp = this.gate?.stamp() ?? 0;
    const queued =
      this.document.groupCommit && carriesClientUpdate(data)
        ? this.document.enqueueUpdate({ peer: this, data, stamp })
        : this.document.enqueue(() => this.handleFrame(data, stamp));
    queued
      .catch(() => {
        // The draft was unloaded before the frame's turn: the connection was closed with it.
      })
      .finally(() => {
        this.waiting -= 1;
      });
  }

  /** Handles one frame received earlier, in its turn (a task of the document's queue). */
  async handleFrame(data: Uint8Array, stamp: number): Promise<void> {
    if (!this.open) return;
    try {
      await this.gate?.fresh(stamp);
      // The frame came from rights that were withdrawn or changed: it is dropped with them.
      if (!this.open) return;
      await this.receiver.receive(data);
    } catch (error) {
      // A bug, not bad input (that is rejected with its own code): drop this socket, keep the rest.
      this.log('error', `${this.describe()}: handling a message failed (${String(error)}).`);
      this.close(CLOSE_CODES.internalError, 'The server failed to handle a message.');
    }
  }

  /**
   * Group commit: the update an update frame carries, in its turn, once the access changes made
   * before it arrived were noticed (S10); null when the connection is closed or the frame refused.
   */
  async takeUpdate(data: Uint8Array, stamp: number): Promise<TakenUpdate | null> {
    if (!this.open) return null;
    try {
      await this.gate?.fresh(stamp);
      if (!this.open) return null;
      return this.receiver.updateOf(data);
    } catch (error) {
      this.log('error', `${this.describe()}: handling a message failed (${String(error)}).`);
      this.close(CLOSE_CODES.internalError, 'The server failed to handle a message.');
      return null;
    }
  }

  /** Group commit: what became of an update taken with `takeUpdate`. */
  settleUpdate(taken: TakenUpdate, result: SyncResult<UpdateOutcome>): void {
    this.receiver.settle(taken, result);
  }

  /** The peer showed a sign of life (a frame, or a pong). */
  heard(): void {
    this.lastHeardAt = this.clock();
  }

  /**
   * One beat of the liveness check. A peer silent for longer than `silenceMs` has vanished
   * without closing (its socket is half-open): it is dropped at once, which withdraws its
   * presence for everyone. Any other peer is pinged, and sent a keepalive so that its own
   * client can tell when the server stops being heard.
   */
  checkLiveness(now: number, silenceMs: number): boolean {
    if (!this.open) return false;
    if (now - this.lastHeardAt > silenceMs) {
      this.log(
        'info',
        `${this.describe()}: no sign of life for ${Math.round((now - this.lastHeardAt) / 1000)} s; dropped.`,
      );
      this.open = false;
      try {
        this.socket.terminate();
      } catch (error) {
        this.log('warn', `${this.describe()}: terminate failed (${String(error)}).`);
      }
      this.leave();
      return false;
    }
    try {
      this.socket.ping();
    } catch (error) {
      this.log(
        'warn',
        `${this.describe()}: ping failed, dropping the connection (${String(error)}).`,
      );
      this.close(CLOSE_CODES.internalError, 'Ping failed.');
      return false;
    }
    this.send(KEEPALIVE_FRAME);
    return this.open;
  }

  /**
   * Sends one frame; a socket that refuses it is treated as gone. With `coalesceFrames`, an
   * update frame waits for the end of the turn, merged with the other update frames sent to
   * this socket in the turn; any other frame first sends those, so order is kept.
   */
  send(frame: Uint8Array, coalesce = true): void {
    if (!this.open) return;
    if (coalesce && this.coalesceFrames && isSyncUpdateFrame(frame)) {
      this.outbox.push(frame);
      if (this.outbox.length === 1) {
        outboxes.add(this);
        scheduleFlush();
      }
      return;
    }
    this.flush();
    this.write(frame);
  }

  /** Sends the update frames waiting in the outbox, in one write (see `coalesceFrames`). */
  flush(merged?: Map<string, Uint8Array>): void {
    if (this.outbox.length === 0) return;
    outboxes.delete(this);
    const [first] = this.outbox;
    if (this.outbox.length === 1 && first !== undefined) {
      this.outbox.length = 0;
      this.write(first);
      return;
    }
    const frames = this.outbox;
    this.outbox = [];
    if (!this.open) return;
    if (this.socket.sendMany !== undefined) {
      this.writeMany(frames);
      return;
    }
    let frame: Uint8Array | undefined;
    try {
      frame = mergedFrame(frames, merged);
    } catch (error) {
      this.log('warn', `${this.describe()}: merging updates failed (${String(error)}).`);
      for (const each of frames) this.write(each);
      return;
    }
    this.write(frame);
  }

  /** Writes several frames, each its own message, in one write to the network. */
  private writeMany(frames: readonly Uint8Array[]): void {
    this.sending(() => this.socket.sendMany?.(frames));
  }

  private write(frame: Uint8Array): void {
    if (!this.open) return;
    this.sending(() => this.socket.send(frame));
  }

  /** Runs a send; a socket that refuses it is treated as gone. */
  private sending(send: () => void): void {
    try {
      send();
    } catch (error) {
      this.log(
        'warn',
        `${this.describe()}: send failed, dropping the connection (${String(error)}).`,
      );
      this.close(CLOSE_CODES.internalError, 'Send failed.');
    }
  }

  /** Closes the connection because of something it sent; nothing of it was applied. */
  reject(rejection: SyncRejection): void {
    this.log('warn', `${this.describe()}: closed with ${rejection.reason}: ${rejection.message}`);
    this.close(CLOSE_CODES[rejection.reason], rejection.message);
  }

  /** Closes from the server side, with a close code the client understands. */
  close(code: number, reason: string): void {
    if (!this.open) return;
    // What was sent before the close is delivered before it.
    this.flush();
    if (!this.open) return;
    this.open = false;
    try {
      this.socket.close(code, reason);
    } catch (error) {
      this.log('warn', `${this.describe()}: close failed (${String(error)}).`);
    }
    this.leave();
  }

  /** The peer or the transport closed the socket. */
  closed(): void {
    if (!this.open) return;
    this.open = false;
    this.leave();
  }

  /** Names the connection in log lines: who, where; never what they wrote. */
  describe(): string {
    return `Sync ${this.principal.documentId} user ${this.principal.userId}`;
  }

  private leave(): void {
    this.outbox = [];
    outboxes.delete(this);
    this.document.remove(this);
    this.onClosed(this);
  }
}
