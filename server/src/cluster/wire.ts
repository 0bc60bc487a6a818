import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { SyncPrincipal } from '../sync/syncTypes';

/**
 * The messages servers exchange over Redis (SPEC H5): an edge server, which holds a client's
 * WebSocket, and the owner of the draft, which holds the authoritative document. The owner sees
 * the remote client as one more connection; the edge only relays bytes and never decides.
 *
 * Edge → owner: `open` (a client connected, as this principal), `in` (a frame it sent), `pong`
 * (it answered a ping), `bye` (its socket closed).
 * Owner → edge: `out` (frames for some of the edge's connections, one entry per distinct frame
 * with every connection that gets it), `ping`, `bye` (close that socket with this code).
 */
export type ClusterMessage =
  | { type: 'open'; connId: string; principal: SyncPrincipal }
  | { type: 'in'; connId: string; data: Uint8Array }
  | { type: 'pong'; connId: string }
  | { type: 'bye'; connId: string; code: number; reason: string }
  | { type: 'out'; entries: { connIds: string[]; data: Uint8Array }[] }
  | { type: 'ping'; connId: string };

/** A message with its sender and its number in the sender's stream to this receiver. */
export interface Envelope {
  from: string;
  seq: number;
  message: ClusterMessage;
}

const TYPES = ['open', 'in', 'pong', 'bye', 'out', 'ping'] as const;

/** Encodes a batch of envelopes (one Redis publish) from one sender. */
export function encodeBatch(
  from: string,
  batch: readonly { seq: number; message: ClusterMessage }[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, from);
  encoding.writeVarUint(encoder, batch.length);
  for (const { seq, message } of batch) {
    encoding.writeVarUint(encoder, seq);
    encoding.writeUint8(encoder, TYPES.indexOf(message.type));
    switch (message.type) {
      case 'open':
        encoding.writeVarString(encoder, message.connId);
        encoding.writeVarString(encoder, JSON.stringify(message.principal));
        break;
      case 'in':
        encoding.writeVarString(encoder, message.connId);
        encoding.writeVarUint8Array(encoder, message.data);
        break;
      case 'pong':
      case 'ping':
        encoding.writeVarString(encoder, message.connId);
        break;
      case 'bye':
        encoding.writeVarString(encoder, message.connId);
        encoding.writeVarUint(encoder, message.code);
        encoding.writeVarString(encoder, message.reason);
        break;
      case 'out':
        encoding.writeVarUint(encoder, message.entries.length);
        for (const entry of message.entries) {
          encoding.writeVarUint(encoder, entry.connIds.length);
          for (const connId of entry.connIds) encoding.writeVarString(encoder, connId);
          encoding.writeVarUint8Array(encoder, entry.data);
        }
        break;
    }
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a batch; throws on anything malformed (the caller logs and drops it). */
export function decodeBatch(bytes: Uint8Array): Envelope[] {
  const decoder = decoding.createDecoder(bytes);
  const from = decoding.readVarString(decoder);
  const count = decoding.readVarUint(decoder);
  const envelopes: Envelope[] = [];
  for (let i = 0; i < count; i++) {
    const seq = decoding.readVarUint(decoder);
    const type = TYPES[decoding.readUint8(decoder)];
    envelopes.push({ from, seq, message: readMessage(decoder, type) });
  }
  return envelopes;
}

function readMessage(
  decoder: decoding.Decoder,
  type: (typeof TYPES)[number] | undefined,
): ClusterMessage {
  switch (type) {
    case 'open': {
      const connId = decoding.readVarString(decoder);
      const principal = JSON.parse(decoding.readVarString(decoder)) as SyncPrincipal;
      return { type, connId, principal };
    }
    case 'in':
      return {
        type,
        connId: decoding.readVarString(decoder),
        data: decoding.readVarUint8Array(decoder),
      };
    case 'pong':
    case 'ping':
      return { type, connId: decoding.readVarString(decoder) };
    case 'bye':
      return {
        type,
        connId: decoding.readVarString(decoder),
        code: decoding.readVarUint(decoder),
        reason: decoding.readVarString(decoder),
      };
    case 'out': {
      const entries: { connIds: string[]; data: Uint8Array }[] = [];
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const connIds: string[] = [];
        const ids = decoding.readVarUint(decoder);
        for (let j = 0; j < ids; j++) connIds.push(decoding.readVarString(decoder));
        entries.push({ connIds, data: decoding.readVarUint8Array(decoder) });
      }
      return { type, entries };
    }
    default:
      throw new Error('Unknown cluster message type.');
  }
}
