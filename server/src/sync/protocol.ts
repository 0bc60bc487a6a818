import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * The y-websocket wire protocol: every frame starts with a message type (varUint); sync frames
 * carry a y-protocols sync message, awareness frames a y-protocols awareness update.
 */
export const MESSAGE_TYPES = {
  sync: 0,
  awareness: 1,
  /** y-protocols auth message; the stock client never sends it and we never use it. */
  auth: 2,
  queryAwareness: 3,
} as const;

/** The sub-types of a sync message, as y-protocols numbers them. */
export const SYNC_MESSAGE_TYPES = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

/** A sync step 1 frame: the server's state vector, asking the client for what it lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSyncStep1FromVector(Y.encodeStateVector(doc));
}

/** A sync step 1 frame from a state vector (a hibernated draft's, `SyncDocument`). */
export function encodeSyncStep1FromVector(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
  encoding.writeVarUint(encoder, SYNC_MESSAGE_TYPES.step1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A sync step 2 frame: everything the document has beyond the client's state vector. */
export function encodeSyncStep2(doc: Y.Doc, clientStateVector: Uint8Array): Uint8Array {
  return encodeSyncStep2FromUpdate(Y.encodeStateAsUpdate(doc, clientStateVector));
}

/** A sync step 2 frame carrying an update computed already (`Y.diffUpdate` of a hibernated draft). */
export function encodeSyncStep2FromUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
  encoding.writeVarUint(encoder, SYNC_MESSAGE_TYPES.step2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Whether a state vector says its client has nothing (a fresh Y.Doc's: no clients). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** Whether a Yjs (v1) update carries nothing: no structs, no deletions (two zero counts). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** A sync update frame carrying one Yjs update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Whether a frame is a sync step 2 or sync update from a client, by its first two bytes (each
 * type is one varUint byte): the frames a group commit takes together. Not decoded here: a
 * malformed one is refused when its turn comes, as any frame.
 */
export function carriesClientUpdate(frame: Uint8Array): boolean {
  return (
    frame.byteLength >= 2 &&
    frame[0] === MESSAGE_TYPES.sync &&
    (frame[1] === SYNC_MESSAGE_TYPES.step2 || frame[1] === SYNC_MESSAGE_TYPES.update)
  );
}

/** Whether a frame the server sends is a sync update frame (`encodeSyncUpdate`). */
export function isSyncUpdateFrame(frame: Uint8Array): boolean {
  return (
    frame.byteLength >= 2 &&
    frame[0] === MESSAGE_TYPES.sync &&
    frame[1] === SYNC_MESSAGE_TYPES.update
  );
}

/**
 * One sync update frame carrying every update of the given sync update frames (the few a peer
 * is sent in one event-loop turn), merged with `Y.mergeUpdates`: never over a whole log.
 */
export function mergeUpdateFrames(frames: readonly Uint8Array[]): Uint8Array {
  const updates = frames.map((frame) => {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    return decoding.readVarUint8Array(decoder);
  });
  return encodeSyncUpdate(Y.mergeUpdates(updates));
}

/**
 * An awareness frame with no entries: the stock provider applies it as a no-op, but counts it
 * as a message received, so the client knows the server still hears it (see `Liveness`).
 */
export const KEEPALIVE_FRAME: Uint8Array = Uint8Array.of(MESSAGE_TYPES.awareness, 1, 0);

/** An awareness frame for the given clients' current states (null for removed ones). */
export function encodeAwarenessFrame(
  awareness: awarenessProtocol.Awareness,
  clientIds: readonly number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPES.awareness);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, [...clientIds]),
  );
  return encoding.toUint8Array(encoder);
}
