import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { ErrorTally } from '../errorTally';
import type { BenchClient, ClientTarget } from './benchClient';

/** y-websocket's message type for sync messages (the first varint of a frame). */
const MESSAGE_SYNC = 0;

/**
 * A client of the raw relay. The relay holds no state, so the client starts from the seed
 * locally, sends each local change as a y-protocols sync update message, and applies every
 * sync message it receives, exactly as a provider would.
 */
export function relayClient(
  target: ClientTarget,
  seed: Uint8Array,
  errors: ErrorTally,
): BenchClient {
  const doc = new Y.Doc();
  if (target.clientId !== undefined) doc.clientID = target.clientId;
  Y.applyUpdate(doc, seed);
  const origin = { relay: true };
  let destroyed = false;
  const socket = new WebSocket(`${target.url.replace(/^http/, 'ws')}/${target.room}`);
  socket.binaryType = 'nodebuffer';
  socket.on('message', (data: Buffer) => {
    target.onFrame?.();
    const decoder = decoding.createDecoder(
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    );
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, origin);
  });
  socket.on('error', () => {
    if (!destroyed) errors.add('socket error');
  });
  socket.on('close', (code) => {
    if (!destroyed) errors.add(`closed ${code}`);
  });
  doc.on('update', (update: Uint8Array, updateOrigin: unknown) => {
    if (updateOrigin === origin || socket.readyState !== socket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    socket.send(encoding.toUint8Array(encoder));
  });
  const synced = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
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
