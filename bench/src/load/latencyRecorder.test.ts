import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LatencyRecorder } from './latencyRecorder';

/** Three docs of one room; updates are carried by hand so the test decides when each arrives. */
function room() {
  let now = 0;
  const recorder = new LatencyRecorder(() => now);
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  for (const doc of docs) recorder.join('room', doc);
  const outbox: Uint8Array[] = [];
  docs[0]?.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === null) outbox.push(update);
  });
  const type = (text: string) => {
    const doc = docs[0] as Y.Doc;
    doc.getText('t').insert(doc.getText('t').length, text);
    recorder.typed(doc);
  };
  const deliver = (to: number, update: Uint8Array) =>
    Y.applyUpdate(docs[to] as Y.Doc, update, 'remote');
  return { recorder, outbox, type, deliver, setNow: (value: number) => (now = value) };
}

describe('LatencyRecorder', () => {
  it('records a keystroke once the last peer has applied it, from the time it was typed', () => {
    const { recorder, outbox, type, deliver, setNow } = room();
    recorder.setRecording(true);
    setNow(100);
    type('a');
    setNow(103);
    deliver(1, outbox[0] as Uint8Array);
    expect(recorder.latencies).toEqual([]);
    expect(recorder.pending).toBe(1);
    setNow(107);
    deliver(2, outbox[0] as Uint8Array);
    expect(recorder.latencies).toEqual([7]);
    expect(recorder.pending).toBe(0);
    expect(recorder.takeDeliveries()).toBe(2);
  });

  it('completes several keystrokes with one update that carries them all', () => {
    const { recorder, outbox, type, deliver, setNow } = room();
    recorder.setRecording(true);
    setNow(0);
    type('a');
    setNow(5);
    type('b');
    setNow(10);
    const merged = Y.mergeUpdates(outbox);
    deliver(1, merged);
    deliver(2, merged);
    expect(recorder.latencies).toEqual([10, 5]);
  });

  it('does not record keystrokes typed while not recording, but still counts their deliveries', () => {
    const { recorder, outbox, type, deliver } = room();
    type('a');
    deliver(1, outbox[0] as Uint8Array);
    deliver(2, outbox[0] as Uint8Array);
    expect(recorder.latencies).toEqual([]);
    expect(recorder.pending).toBe(0);
    expect(recorder.takeDeliveries()).toBe(2);
  });
});
