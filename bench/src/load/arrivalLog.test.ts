import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArrivalLog, combineTallies, type SentKeystrokes } from './arrivalLog';
import { structRanges } from './structIds';

/**
 * One room of three: client 1 types into a real Y.Doc; clients 2 and 3 only decode the struct
 * ids of the frames the test hands them, in two different threads' logs, as in a run.
 */
function room() {
  const sender = new Y.Doc();
  sender.clientID = 1;
  const outbox: Uint8Array[] = [];
  sender.on('update', (update: Uint8Array) => outbox.push(update));
  const sent: SentKeystrokes = { client: 1, room: 'r', endClocks: [], sentAt: [] };
  const logs = [new ArrivalLog(), new ArrivalLog()];
  logs[0]?.join(1, 'r');
  logs[0]?.join(2, 'r');
  logs[1]?.join(3, 'r');
  const type = (text: string, at: number) => {
    sender.getText('t').insert(sender.getText('t').length, text);
    sent.endClocks.push(Y.getState(sender.store, 1));
    sent.sentAt.push(at);
  };
  const deliver = (receiver: 2 | 3, frame: Uint8Array, at: number) => {
    for (const range of structRanges(frame))
      logs[receiver === 2 ? 0 : 1]?.arrived(receiver, range.client, range.to, at);
  };
  const combine = (start: number, end: number) =>
    combineTallies(
      [sent],
      logs.map((log) => log.tally([sent], start, end)),
      () => 3,
      start,
      end,
    );
  return { outbox, type, deliver, combine, logs };
}

describe('ArrivalLog and combineTallies', () => {
  it('times a keystroke to its arrival at the last receiver, across threads', () => {
    const { outbox, type, deliver, combine } = room();
    type('a', 100);
    deliver(2, outbox[0] as Uint8Array, 103);
    expect(combine(0, 1_000)).toEqual({
      latencies: [],
      typed: 1,
      undelivered: 1,
      deliveriesInWindow: 1,
    });
    deliver(3, outbox[0] as Uint8Array, 107);
    expect(combine(0, 1_000)).toEqual({
      latencies: [7],
      typed: 1,
      undelivered: 0,
      deliveriesInWindow: 2,
    });
  });

  it('completes several keystrokes with one frame that carries them all', () => {
    const { outbox, type, deliver, combine } = room();
    type('a', 0);
    type('b', 5);
    const merged = Y.mergeUpdates(outbox);
    deliver(2, merged, 10);
    deliver(3, merged, 10);
    expect(combine(0, 100).latencies).toEqual([10, 5]);
    expect(combine(0, 100).deliveriesInWindow).toBe(4);
  });

  it('samples only keystrokes sent in the window and counts deliveries that arrived in it', () => {
    const { outbox, type, deliver, combine } = room();
    type('a', 10);
    type('b', 60);
    deliver(2, outbox[0] as Uint8Array, 40);
    deliver(3, outbox[0] as Uint8Array, 55);
    deliver(2, outbox[1] as Uint8Array, 70);
    deliver(3, outbox[1] as Uint8Array, 90);
    // Window 50..80: keystroke b is sampled; deliveries at 55 (a) and 70 (b) arrived in it.
    expect(combine(50, 80)).toEqual({
      latencies: [30],
      typed: 1,
      undelivered: 0,
      deliveriesInWindow: 2,
    });
  });

  it('says which receivers still lack a sender clock, and ignores a sender receiving itself', () => {
    const { outbox, type, deliver, logs } = room();
    type('ab', 0);
    logs[0]?.arrived(1, 1, 2, 1);
    expect(logs[0]?.lacking('r', 1, 2)).toBe(1);
    deliver(2, outbox[0] as Uint8Array, 3);
    expect(logs[0]?.lacking('r', 1, 2)).toBe(0);
    expect(logs[1]?.lacking('r', 1, 2)).toBe(1);
  });
});
