import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessUserOf, stampAwarenessUpdate } from './awarenessStamp';
import { encodeAwarenessFrame } from './protocol';
import type { DocumentPeer, SyncResult } from './syncTypes';

/**
 * The presence of one loaded draft (S8): the server's Awareness, which connection speaks for
 * each awareness client id, and the stamping of the server's identity into every state a
 * connection sends. The server itself is not a participant: it never shows up as a peer. The
 * Awareness lives on a small Y.Doc of its own, not on the draft's, so that presence keeps
 * working while the draft's Y.Doc is hibernated (`SyncDocument`).
 */
export class DocumentPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Which connection speaks for each awareness client id. */
  private readonly owners = new Map<number, DocumentPeer>();

  constructor(
    private readonly peers: () => Iterable<DocumentPeer>,
    /** The user a Yjs client id authors changes for, if any (S6). */
    private readonly ownerOf: (clientId: number) => string | undefined,
  ) {
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      (change: { added: number[]; updated: number[]; removed: number[] }) => {
        const changed = [...change.added, ...change.updated, ...change.removed];
        const frame = encodeAwarenessFrame(this.awareness, changed);
        for (const peer of this.peers()) peer.send(frame);
      },
    );
  }

  /** Stops the Awareness (and its timeout timer); the draft is unloaded. */
  destroy(): void {
    // Destroying its doc destroys the Awareness too.
    this.awareness.doc.destroy();
  }

  /** Everyone's presence, for a new connection or one that asks (queryAwareness). */
  frame(): Uint8Array {
    return encodeAwarenessFrame(this.awareness, [...this.awareness.getStates().keys()]);
  }

  /** Whether anyone is present. */
  get empty(): boolean {
    return this.awareness.getStates().size === 0;
  }

  /** Withdraws the presence a closed connection spoke for. */
  left(peer: DocumentPeer): void {
    const own = peer.awarenessClientId;
    if (own !== undefined && this.owners.get(own) === peer) {
      this.owners.delete(own);
      awarenessProtocol.removeAwarenessStates(this.awareness, [own], peer);
    }
  }

  /** Applies a connection's awareness update after stamping the server's identity into it. */
  receive(peer: DocumentPeer, update: Uint8Array): SyncResult<void> {
    const stamped = stampAwarenessUpdate(update, {
      user: awarenessUserOf(peer.principal),
      mayWrite: (clientId, removal) => this.mayWrite(peer, clientId, removal),
    });
    if (!stamped.ok) return stamped;
    if (stamped.value !== null) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped.value, peer);
    }
    return { ok: true, value: undefined };
  }

  /**
   * The first awareness client id a connection announces becomes its own, unless another
   * user's connection speaks for it or it authors another user's changes. A newer connection of
   * the same user takes it over (a reconnect can race the old socket's close). A connection may
   * remove only its own state.
   */
  private mayWrite(peer: DocumentPeer, clientId: number, removal: boolean): boolean {
    const own = peer.awarenessClientId;
    if (own !== undefined) return own === clientId;
    if (removal) return false;
    const userId = peer.principal.userId;
    const holder = this.owners.get(clientId);
    if (holder !== undefined && holder.principal.userId !== userId) return false;
    const author = this.ownerOf(clientId);
    if (author !== undefined && author !== userId) return false;
    if (holder !== undefined) holder.awarenessClientId = undefined;
    peer.awarenessClientId = clientId;
    this.owners.set(clientId, peer);
    return true;
  }
}
