import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { sharedNow } from '../clock';
import type { ErrorTally } from '../errorTally';
import { structRanges } from '../structIds';
import type { WireFraming } from './wireFraming';

/** What a receiving client reports: structs of a sender reached, and raw frames. */
export interface ArrivalSink {
  /** The client now has `sender`'s structs up to `clock` (exclusive). */
  arrived(receiver: number, sender: number, clock: number, at: number): void;
  /** One WebSocket message arrived. */
  frame(): void;
}

/** A client that types into its own document and only times what others send it. */
export interface LightClient {
  /** The document this client types into: the seed and its own keystrokes, nothing else. */
  doc: Y.Doc;
  synced: Promise<void>;
  destroy(): void;
}

/**
 * A client that never applies what it receives. It types into a Y.Doc holding only the seed and
 * its own keystrokes (valid edits: each references structs every peer has), sends each change as
 * the server's protocol wants it, and of every sync step 2 or update frame it receives decodes
 * only the struct ids (`structRanges`) to report what arrived. It answers the server's sync
 * step 1 with what it typed, as any provider would. Compared with a provider client it saves
 * integrating every peer's keystroke into a document, which with 100 clients in a room was most
 * of the load generator's work.
 */
export function lightClient(options: {
  url: string;
  headers: Record<string, string>;
  clientId: number;
  seed: Uint8Array;
  framing: WireFraming;
  sink: ArrivalSink;
  errors: ErrorTally;
  /** The socket closed without `destroy` (the server dropped it); the client does not reconnect. */
  onDropped?: () => void;
}): LightClient {
  const { framing, sink, errors, clientId } = options;
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, options.seed);
  let destroyed = false;
  let markSynced: () => void = () => undefined;
  let failSync: (error: Error) => void = () => undefined;
  const synced = new Promise<void>((resolve, reject) => {
    markSynced = resolve;
    failSync = reject;
  });
  const socket = new WebSocket(options.url, { headers: options.headers });
  socket.binaryType = 'nodebuffer';
  const send = (data: Uint8Array) => {
    if (socket.readyState === socket.OPEN) socket.send(data);
  };
  socket.on('open', () => {
    for (const data of framing.hello(doc)) send(data);
    if (!framing.syncsFirst) markSynced();
  });
  const events = { denied: (reason: string) => errors.add(`permission denied: ${reason}`) };
  socket.on('message', (data: Buffer) => {
    const at = sharedNow();
    sink.frame();
    const decoder = framing.open(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      events,
    );
    if (decoder === null) return;
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      send(framing.sync((encoder) => syncProtocol.writeSyncStep2(encoder, doc, stateVector)));
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    for (const range of structRanges(update)) sink.arrived(clientId, range.client, range.to, at);
    if (syncType === syncProtocol.messageYjsSyncStep2) markSynced();
  });
  socket.on('error', (error) => {
    if (!destroyed) errors.add('socket error');
    failSync(error);
  });
  socket.on('close', (code) => {
    if (destroyed) return;
    errors.add(`closed ${code}`);
    options.onDropped?.();
  });
  doc.on('update', (update: Uint8Array) => {
    send(framing.sync((encoder) => syncProtocol.writeUpdate(encoder, update)));
  });
  return {
    doc,
    synced,
    destroy: () => {
      destroyed = true;
      socket.terminate();
      doc.destroy();
    },
  };
}
