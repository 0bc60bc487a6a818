import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { encodeSyncUpdate, MESSAGE_TYPES } from '../sync/protocol';
import type { SyncServer } from '../sync/SyncServer';
import type { SyncConnectionHandle, SyncPrincipal, SyncSocket } from '../sync/syncTypes';

/**
 * A y-websocket client without a network, for tests of the sync core: it speaks the protocol
 * with y-protocols like the stock provider, but frames are delivered when the test pumps them
 * (`await pump(...)`, which also waits for the server's queues), so every test is deterministic.
 */
export class TestSyncClient implements SyncSocket {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Frames the server sent that the client has not read yet. */
  readonly inbox: Uint8Array[] = [];
  /** Every frame the server sent, in order. */
  readonly received: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  /** Whether the server dropped the socket without a closing handshake (a silent peer). */
  terminated = false;
  /** Whether the client answers pings, as a browser does; false models a vanished peer. */
  answersPings = true;
  /** How many pings the server sent. */
  pings = 0;
  readonly handle: SyncConnectionHandle;

  constructor(
    readonly sync: SyncServer,
    principal: SyncPrincipal,
  ) {
    this.handle = sync.connect(this, principal);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.closedWith === null)
        this.handle.receive(encodeSyncUpdate(update));
    });
  }

  send(data: Uint8Array): void {
    this.inbox.push(data);
    this.received.push(data);
  }

  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }

  ping(): void {
    this.pings += 1;
    if (this.answersPings && this.closedWith === null) this.handle.heard();
  }

  terminate(): void {
    this.terminated = true;
    this.closedWith ??= { code: 1006, reason: '' };
  }

  /** Sends the client's awareness entries for the given client ids, as the provider would. */
  sendAwareness(clientIds: number[] = [this.awareness.clientID]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPES.awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds),
    );
    this.handle.receive(encoding.toUint8Array(encoder));
  }

  /** The client side of the handshake: its own sync step 1, as the provider sends on open. */
  sendSyncStep1(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.handle.receive(encoding.toUint8Array(encoder));
  }

  /** Sends a Yjs update as a sync step 2 or update message (possibly one the doc never made). */
  sendUpdate(update: Uint8Array, as: 'step2' | 'update' = 'update'): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
    if (as === 'step2') {
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, update);
    } else {
      syncProtocol.writeUpdate(encoder, update);
    }
    this.handle.receive(encoding.toUint8Array(encoder));
  }

  /** The socket went away from the client's side. */
  disconnect(): void {
    this.closedWith ??= { code: 1000, reason: 'client left' };
    this.handle.closed();
  }

  /** Reads every pending frame like the provider; returns whether there was any. */
  process(): boolean {
    const frames = this.inbox.splice(0);
    for (const frame of frames) {
      const decoder = decoding.createDecoder(frame);
      const encoder = encoding.createEncoder();
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_TYPES.sync) {
        encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
        syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      } else if (type === MESSAGE_TYPES.awareness) {
        awarenessProtocol.applyAwarenessUpdate(
          this.awareness,
          decoding.readVarUint8Array(decoder),
          this,
        );
      }
      if (encoding.length(encoder) > 1 && this.closedWith === null) {
        this.handle.receive(encoding.toUint8Array(encoder));
      }
    }
    return frames.length > 0;
  }

  /** Stops the client's awareness timer. */
  destroy(): void {
    this.doc.destroy();
  }
}

/** Delivers frames between the server and the clients until nothing is in flight. */
export async function pump(...clients: TestSyncClient[]): Promise<void> {
  const servers = new Set(clients.map((client) => client.sync));
  for (let round = 0; round < 100; round++) {
    for (const sync of servers) await sync.settled();
    let moved = false;
    for (const client of clients) moved = client.process() || moved;
    if (!moved) return;
  }
  throw new Error('Sync did not settle after 100 rounds.');
}

/** The text of a clause of the demo draft, found by its stable id in the Tiptap fragment. */
export function clauseText(doc: Y.Doc, clauseId: string): Y.XmlText {
  for (const node of doc.getXmlFragment('default').toArray()) {
    if (node instanceof Y.XmlElement && node.getAttribute('id') === clauseId) {
      const text = node.get(0);
      if (text instanceof Y.XmlText) return text;
    }
  }
  throw new Error(`Clause ${clauseId} has no text in this document.`);
}
