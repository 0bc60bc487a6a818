import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncUpdate, KEEPALIVE_FRAME } from './protocol';
import { SyncConnection } from './SyncConnection';
import type { SyncDocument } from './SyncDocument';
import type { SyncSocket } from './syncTypes';

/** One frame per peer per turn (issue 17): `SyncConnection.send` with `coalesceFrames`. */

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function connection(coalesceFrames: boolean) {
  const sent: Uint8Array[] = [];
  const closes: string[] = [];
  const socket: SyncSocket = {
    send: (data) => {
      sent.push(data);
    },
    close: (_code, reason) => {
      closes.push(reason);
      sent.push(Uint8Array.of(255));
    },
    ping: () => {},
    terminate: () => {},
  };
  const document = { add: () => {}, remove: () => {} } as unknown as SyncDocument;
  const peer = new SyncConnection({
    socket,
    principal: {
      sessionId: 's',
      userId: 'u',
      displayName: 'u',
      delegation: 'US',
      role: 'delegate',
      documentId: 'd',
      negotiationId: 'n',
    },
    document,
    log: () => {},
    onClosed: () => {},
    clock: () => 0,
    coalesceFrames,
  });
  return { peer, sent, closes };
}

/** Three updates of one typist, and their frames. */
function typed() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => {
    updates.push(update);
  });
  for (const word of ['one ', 'two ', 'three ']) doc.getText('t').insert(0, word);
  return { doc, frames: updates.map(encodeSyncUpdate) };
}

function textOf(frames: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const frame of frames) {
    // Sync update frames: [0, 2, length, ...update]; the tests' updates are short.
    const update = frame.subarray(3);
    Y.applyUpdate(doc, update);
  }
  return doc.getText('t').toString();
}

describe('coalesced frames', () => {
  it('sends the update frames of one turn as one frame, at the end of the turn', async () => {
    const { peer, sent } = connection(true);
    const { frames } = typed();
    for (const frame of frames) peer.send(frame);
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toHaveLength(1);
    expect(textOf(sent)).toBe('three two one ');
    peer.send(frames[0]!);
    await nextTurn();
    // A lone update goes as it was.
    expect(sent[1]).toBe(frames[0]);
  });

  it('keeps the order with other frames: what waits goes first', async () => {
    const { peer, sent } = connection(true);
    const { frames } = typed();
    const step1 = encodeSyncStep1(new Y.Doc());
    peer.send(frames[0]!);
    peer.send(frames[1]!);
    peer.send(KEEPALIVE_FRAME);
    peer.send(frames[2]!);
    peer.send(step1);
    expect(sent).toHaveLength(4);
    expect(textOf([sent[0]!])).toBe('two one ');
    expect(sent[1]).toBe(KEEPALIVE_FRAME);
    expect(sent[2]).toBe(frames[2]);
    expect(sent[3]).toBe(step1);
    await nextTurn();
    expect(sent).toHaveLength(4);
  });

  it('delivers what waits before a close from the server, and nothing after the peer left', async () => {
    const closing = connection(true);
    const { frames } = typed();
    closing.peer.send(frames[0]!);
    closing.peer.send(frames[1]!);
    closing.peer.close(1000, 'bye');
    expect(closing.sent).toHaveLength(2);
    expect(textOf([closing.sent[0]!])).toBe('two one ');
    expect(closing.sent[1]).toEqual(Uint8Array.of(255));
    const gone = connection(true);
    gone.peer.send(frames[0]!);
    gone.peer.closed();
    await nextTurn();
    expect(gone.sent).toEqual([]);
  });

  it('sends every frame at once when off', () => {
    const { peer, sent } = connection(false);
    const { frames } = typed();
    for (const frame of frames) peer.send(frame);
    expect(sent).toEqual(frames);
  });
});
