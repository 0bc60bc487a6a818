import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import type { SyncConnectionHandle, SyncPrincipal, SyncSocket } from '../sync/syncTypes';
import type { ClusterMessage } from './wire';

/** What the owner side needs: the sync core's `connect` and a way to send to an edge. */
export interface OwnerPorts {
  connect(socket: SyncSocket, principal: SyncPrincipal): SyncConnectionHandle;
  send(edge: string, message: ClusterMessage): void;
}

interface RemotePeer {
  edge: string;
  handle: SyncConnectionHandle;
}

/**
 * The owner's side of remote clients (SPEC H5). A client connected to another server (its edge)
 * becomes one more connection of the sync core here, through a socket whose bytes travel over
 * Redis: every check, commit and broadcast is the owner's, exactly as for a local socket. Frames
 * bound for several connections of one edge in one turn leave as one entry (`out`), so an update
 * crosses Redis once per edge server, not once per client.
 */
export class RemotePeers {
  private readonly peers = new Map<string, RemotePeer>();
  private readonly outgoing = new Map<string, Map<Uint8Array, string[]>>();
  private flushQueued = false;

  constructor(private readonly ports: OwnerPorts) {}

  get size(): number {
    return this.peers.size;
  }

  receive(edge: string, message: ClusterMessage): void {
    if (message.type === 'open') {
      this.open(edge, message.connId, message.principal);
      return;
    }
    if (message.type !== 'in' && message.type !== 'pong' && message.type !== 'bye') return;
    const peer = this.peers.get(message.connId);
    if (peer === undefined || peer.edge !== edge) {
      // A frame for a connection this owner does not have (it moved, or was dropped): the edge
      // closes the client's socket and the client reconnects wherever the draft is now.
      if (message.type !== 'bye') {
        this.control(edge, {
          type: 'bye',
          connId: message.connId,
          code: CLOSE_CODES.draftMoved,
          reason: 'The draft moved to another server.',
        });
      }
      return;
    }
    if (message.type === 'in') peer.handle.receive(message.data);
    else if (message.type === 'pong') peer.handle.heard();
    else this.forget(message.connId)?.handle.closed();
  }

  /** Drops every connection that came through `edge` (its messages were lost, or it is gone). */
  dropEdge(edge: string): void {
    for (const [connId, peer] of [...this.peers]) {
      if (peer.edge !== edge) continue;
      this.forget(connId);
      peer.handle.closed();
      this.control(edge, {
        type: 'bye',
        connId,
        code: CLOSE_CODES.draftMoved,
        reason: 'The link between servers was interrupted.',
      });
    }
  }

  dropAll(): void {
    for (const edge of new Set([...this.peers.values()].map((peer) => peer.edge))) {
      this.dropEdge(edge);
    }
  }

  private open(edge: string, connId: string, principal: SyncPrincipal): void {
    if (this.peers.has(connId)) return;
    const socket: SyncSocket = {
      send: (data) => this.queue(edge, connId, data),
      close: (code, reason) => {
        if (this.forget(connId) !== undefined) {
          this.control(edge, { type: 'bye', connId, code, reason });
        }
      },
      ping: () => this.control(edge, { type: 'ping', connId }),
      terminate: () => {
        if (this.forget(connId) !== undefined) {
          this.control(edge, {
            type: 'bye',
            connId,
            code: CLOSE_CODES.slowConnection,
            reason: 'The connection went silent.',
          });
        }
      },
    };
    // Registered before connecting: the sync core may send (or close) at once.
    const peer: RemotePeer = { edge, handle: INERT };
    this.peers.set(connId, peer);
    peer.handle = this.ports.connect(socket, principal);
  }

  private forget(connId: string): RemotePeer | undefined {
    const peer = this.peers.get(connId);
    if (peer !== undefined) this.peers.delete(connId);
    return peer;
  }

  /** Groups this turn's frames per edge and per identical frame (a broadcast is one array). */
  private queue(edge: string, connId: string, data: Uint8Array): void {
    if (!this.peers.has(connId)) return;
    let frames = this.outgoing.get(edge);
    if (frames === undefined) {
      frames = new Map();
      this.outgoing.set(edge, frames);
    }
    const connIds = frames.get(data);
    if (connIds === undefined) frames.set(data, [connId]);
    else connIds.push(connId);
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Sends a control message after the frames queued before it, keeping their order. */
  private control(edge: string, message: ClusterMessage): void {
    this.flushEdge(edge);
    this.ports.send(edge, message);
  }

  private flush(): void {
    this.flushQueued = false;
    for (const edge of [...this.outgoing.keys()]) this.flushEdge(edge);
  }

  private flushEdge(edge: string): void {
    const frames = this.outgoing.get(edge);
    if (frames === undefined) return;
    this.outgoing.delete(edge);
    const entries = [...frames].map(([data, connIds]) => ({ connIds, data }));
    this.ports.send(edge, { type: 'out', entries });
  }
}

const INERT: SyncConnectionHandle = { receive: () => {}, heard: () => {}, closed: () => {} };
