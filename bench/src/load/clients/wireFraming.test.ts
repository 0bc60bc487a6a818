import { writePermissionDenied } from '@hocuspocus/common';
import { MessageType } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { hocuspocusFraming, yWebsocketFraming } from './wireFraming';

const noEvents = { denied: () => undefined };

/** A sync update message carrying `update`, framed by `sync`. */
function updateFrame(
  sync: (write: (encoder: encoding.Encoder) => void) => Uint8Array,
  update: Uint8Array,
) {
  return sync((encoder) => syncProtocol.writeUpdate(encoder, update));
}

describe('wire framing', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x');
  const update = Y.encodeStateAsUpdate(doc);

  it('y-websocket: a sync frame opens at its sync message; other message types are skipped', () => {
    const framing = yWebsocketFraming({ syncsFirst: true });
    const decoder = framing.open(updateFrame(framing.sync, update), noEvents);
    expect(decoder).not.toBeNull();
    if (decoder === null) return;
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate);
    expect(decoding.readVarUint8Array(decoder)).toEqual(update);
    expect(framing.open(Uint8Array.of(1, 1, 0), noEvents)).toBeNull();
    expect(framing.hello(doc)).toHaveLength(1);
    expect(yWebsocketFraming({ syncsFirst: false }).hello(doc)).toEqual([]);
  });

  it('Hocuspocus: frames carry the document name and message type, as the provider writes them', () => {
    const framing = hocuspocusFraming('room-7');
    const frame = updateFrame(framing.sync, update);
    const raw = decoding.createDecoder(frame);
    expect(decoding.readVarString(raw)).toBe('room-7');
    expect(decoding.readVarUint(raw)).toBe(MessageType.Sync);
    const decoder = framing.open(frame, noEvents);
    expect(decoder === null ? -1 : decoding.readVarUint(decoder)).toBe(
      syncProtocol.messageYjsUpdate,
    );
    // Authentication first, then sync step 1, as HocuspocusProvider sends them on open.
    const [auth, step1] = framing.hello(doc);
    const authDecoder = decoding.createDecoder(auth ?? new Uint8Array());
    expect(decoding.readVarString(authDecoder)).toBe('room-7');
    expect(decoding.readVarUint(authDecoder)).toBe(MessageType.Auth);
    expect(step1).toBeDefined();
  });

  it('Hocuspocus: a refused authentication is reported', () => {
    const framing = hocuspocusFraming('room-7');
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, 'room-7');
    encoding.writeVarUint(encoder, MessageType.Auth);
    writePermissionDenied(encoder, 'no entry');
    const reasons: string[] = [];
    const opened = framing.open(encoding.toUint8Array(encoder), {
      denied: (reason) => reasons.push(reason),
    });
    expect(opened).toBeNull();
    expect(reasons).toEqual(['no entry']);
  });
});
