import { readAuthMessage, writeAuthentication } from '@hocuspocus/common';
import { MessageType as HocuspocusMessage } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/** y-websocket's message type for sync messages (the first varint of a frame). */
const Y_WEBSOCKET_SYNC = 0;

/**
 * How one server kind frames y-protocols sync messages on the wire. The sync messages
 * themselves are y-protocols' in every case; only the envelope differs.
 */
export interface WireFraming {
  /** Frames a client sends once its socket opens (authentication, sync step 1). */
  hello(doc: Y.Doc): Uint8Array[];
  /** A frame carrying the sync message that `write` writes. */
  sync(write: (encoder: encoding.Encoder) => void): Uint8Array;
  /**
   * Reads a frame's envelope. Returns a decoder positioned at its sync message, or null for any
   * other message (which needs no answer from a client that only listens, or is handled here).
   */
  open(frame: Uint8Array, events: { denied(reason: string): void }): decoding.Decoder | null;
  /** Whether the server sends a sync step 2 to finish the first sync (the relay does not). */
  syncsFirst: boolean;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The y-websocket protocol (Accord, @y/websocket-server): a message type, then its body. */
export function yWebsocketFraming(options: { syncsFirst: boolean }): WireFraming {
  const sync = (write: (encoder: encoding.Encoder) => void) =>
    frame((encoder) => {
      encoding.writeVarUint(encoder, Y_WEBSOCKET_SYNC);
      write(encoder);
    });
  return {
    syncsFirst: options.syncsFirst,
    sync,
    hello: (doc) =>
      options.syncsFirst ? [sync((encoder) => syncProtocol.writeSyncStep1(encoder, doc))] : [],
    open: (data) => {
      const decoder = decoding.createDecoder(data);
      return decoding.readVarUint(decoder) === Y_WEBSOCKET_SYNC ? decoder : null;
    },
  };
}

/**
 * Hocuspocus's protocol: every frame starts with the document name, then Hocuspocus's message
 * type (the provider's exported `MessageType`); a client authenticates (with
 * `@hocuspocus/common`'s `writeAuthentication`, an empty token when the server asks for none)
 * before it syncs, as `HocuspocusProvider` does on open.
 */
export function hocuspocusFraming(documentName: string): WireFraming {
  const envelope = (type: HocuspocusMessage, write: (encoder: encoding.Encoder) => void) =>
    frame((encoder) => {
      encoding.writeVarString(encoder, documentName);
      encoding.writeVarUint(encoder, type);
      write(encoder);
    });
  const auth = () =>
    envelope(HocuspocusMessage.Auth, (encoder) => writeAuthentication(encoder, ''));
  const sync = (write: (encoder: encoding.Encoder) => void) =>
    envelope(HocuspocusMessage.Sync, write);
  return {
    syncsFirst: true,
    sync,
    hello: (doc) => [auth(), sync((encoder) => syncProtocol.writeSyncStep1(encoder, doc))],
    open: (data, events) => {
      const decoder = decoding.createDecoder(data);
      decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if (type === HocuspocusMessage.Sync) return decoder;
      if (type === HocuspocusMessage.Auth) {
        readAuthMessage(
          decoder,
          () => undefined,
          (reason: string) => events.denied(reason),
          () => undefined,
        );
      }
      return null;
    },
  };
}
