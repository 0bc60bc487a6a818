import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncUpdate, MESSAGE_TYPES } from '../sync/protocol';
import type { SyncServer } from '../sync/SyncServer';
import type { SyncConnectionHandle, SyncPrincipal, SyncSocket } from '../sync/syncTypes';

/**
 * An in-process y-websocket client whose frames wait in queues until the test delivers them, in
 * both directions, so that a randomized test can delay them and interleave clients at will. When
 * the server refuses something it sent, it starts over from a fresh Y.Doc, as the browser client
 * does (`useSyncSession`).
 */
export class FuzzClient implements SyncSocket {
  doc = new Y.Doc();
  /** Frames to the server, in the order the socket would carry them. */
  toServer: Uint8Array[] = [];
  /** Frames from the server not read yet. */
  fromServer: Uint8Array[] = [];
  /** Close codes and reasons the server sent, oldest first. */
  readonly closes: { code: number; reason: string }[] = [];
  private handle: SyncConnectionHandle;
  private closed = false;

  constructor(
    private readonly sync: SyncServer,
    readonly principal: SyncPrincipal,
  ) {
    this.handle = this.open();
  }

  send(data: Uint8Array): void {
    if (!this.closed) this.fromServer.push(data);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.closes.push({ code, reason });
  }

  /** A browser answers pings by itself, whatever its page is doing. */
  ping(): void {
    if (!this.closed) this.handle.heard();
  }

  terminate(): void {
    this.close(1006, 'terminated');
  }

  /** Whether frames wait in either direction, or a refusal waits to be acted on. */
  get busy(): boolean {
    return this.closed || this.toServer.length > 0 || this.fromServer.length > 0;
  }

  /** Delivers the next frame to the server; after a refusal, starts over instead. */
  deliverToServer(): void {
    if (this.restartIfClosed()) return;
    const frame = this.toServer.shift();
    if (frame !== undefined) this.handle.receive(frame);
  }

  /** Reads the next frame from the server, answering like the provider does. */
  deliverFromServer(): void {
    if (this.restartIfClosed()) return;
    const frame = this.fromServer.shift();
    if (frame === undefined) return;
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_TYPES.sync) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
    syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    if (encoding.length(encoder) > 1) this.toServer.push(encoding.toUint8Array(encoder));
  }

  /** Leaves for good. */
  destroy(): void {
    this.handle.closed();
    this.doc.destroy();
  }

  private restartIfClosed(): boolean {
    if (!this.closed) return false;
    this.handle.closed();
    this.doc.destroy();
    this.doc = new Y.Doc();
    this.toServer = [];
    this.fromServer = [];
    this.closed = false;
    this.handle = this.open();
    return true;
  }

  private open(): SyncConnectionHandle {
    const doc = this.doc;
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && doc === this.doc) this.toServer.push(encodeSyncUpdate(update));
    });
    const handle = this.sync.connect(this, this.principal);
    this.toServer.push(encodeSyncStep1(doc));
    return handle;
  }
}
