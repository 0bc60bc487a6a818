import { randomUUID } from 'node:crypto';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import type { SyncConnectionHandle, SyncPrincipal, SyncSocket } from '../sync/syncTypes';
import type { ClusterMessage } from './wire';

interface Link {
  /** The owner's server id. */
  owner: string;
  /** The owner's lease string (server id and address), to notice the draft moving. */
  ownerLease: string;
  documentId: string;
  socket: SyncSocket;
}

/**
 * The edge's side (SPEC H5): WebSockets held here for drafts another server owns. Each one's
 * frames are relayed to the owner, and the owner's frames, pings and closes back to it. The edge
 * decides nothing about the draft; when the link can no longer be trusted (messages lost, owner
 * gone or replaced) it closes the socket with `draftMoved`, and the client reconnects and resyncs
 * from whoever owns the draft then: what it had not yet sent is in its sync step 2.
 */
export class EdgeLinks {
  private readonly links = new Map<string, Link>();

  constructor(private readonly send: (owner: string, message: ClusterMessage) => void) {}

  /** Links a local socket to the draft's owner and returns the handle its events go to. */
  link(
    owner: string,
    ownerLease: string,
    socket: SyncSocket,
    principal: SyncPrincipal,
  ): SyncConnectionHandle {
    const connId = randomUUID();
    this.links.set(connId, { owner, ownerLease, documentId: principal.documentId, socket });
    this.send(owner, { type: 'open', connId, principal });
    return {
      receive: (data) => {
        if (this.links.has(connId)) this.send(owner, { type: 'in', connId, data });
      },
      heard: () => {
        if (this.links.has(connId)) this.send(owner, { type: 'pong', connId });
      },
      closed: () => {
        if (!this.links.delete(connId)) return;
        this.send(owner, { type: 'bye', connId, code: 1000, reason: 'closed' });
      },
    };
  }

  receive(owner: string, message: ClusterMessage): void {
    if (message.type === 'out') {
      for (const { connIds, data } of message.entries) {
        for (const connId of connIds) {
          const link = this.links.get(connId);
          if (link?.owner === owner) link.socket.send(data);
        }
      }
      return;
    }
    if (message.type !== 'ping' && message.type !== 'bye') return;
    const link = this.links.get(message.connId);
    if (link === undefined || link.owner !== owner) return;
    if (message.type === 'ping') {
      link.socket.ping();
      return;
    }
    this.links.delete(message.connId);
    link.socket.close(message.code, message.reason);
  }

  /** The drafts linked to remote owners, with the owner lease each link was made with. */
  linkedDrafts(): Map<string, Set<string>> {
    const drafts = new Map<string, Set<string>>();
    for (const link of this.links.values()) {
      const owners = drafts.get(link.documentId) ?? new Set<string>();
      owners.add(link.ownerLease);
      drafts.set(link.documentId, owners);
    }
    return drafts;
  }

  /** Closes (with `draftMoved`) every link matching `which`; the clients reconnect. */
  drop(which: (link: Link) => boolean, reason: string): void {
    for (const [connId, link] of [...this.links]) {
      if (!which(link)) continue;
      this.links.delete(connId);
      this.send(link.owner, { type: 'bye', connId, code: CLOSE_CODES.draftMoved, reason });
      link.socket.close(CLOSE_CODES.draftMoved, reason);
    }
  }

  has(connId: string): boolean {
    return this.links.has(connId);
  }

  get size(): number {
    return this.links.size;
  }
}
