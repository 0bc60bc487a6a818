import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftDocWith, metaWithPositions, writeMeta } from '../testing/testClauses';
import { ClauseViewStore } from './ClauseViewStore';

function manualScheduler() {
  const queue: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => queue.push(callback),
    flush: () => {
      for (const callback of queue.splice(0)) callback();
    },
  };
}

function firstClauseText(doc: Y.Doc): Y.XmlText {
  const clause = doc.getXmlFragment(DRAFT_FRAGMENT).get(1) as Y.XmlElement;
  return clause.get(0) as Y.XmlText;
}

describe('ClauseViewStore', () => {
  it('tells listeners once, after the changes, and keeps the snapshot until then', () => {
    const doc = draftDocWith([['a', 'operative', 'Agree.']]);
    const scheduler = manualScheduler();
    const store = new ClauseViewStore(doc, scheduler.schedule);
    let calls = 0;
    const unsubscribe = store.subscribe(() => {
      calls += 1;
    });
    const before = store.getSnapshot();
    expect(store.getSnapshot()).toBe(before);

    firstClauseText(doc).insert(0, 'We ');
    writeMeta(doc, 'a', metaWithPositions('We Agree.', { MX: 'agree' }));
    expect(calls).toBe(0);
    scheduler.flush();
    expect(calls).toBe(1);

    const after = store.getSnapshot();
    expect(after).not.toBe(before);
    expect(after[0]?.text).toBe('We Agree.');
    expect(after[0]?.positions.MX?.position).toBe('agree');
    unsubscribe();
  });

  it('follows changes that arrive from another replica', () => {
    const server = draftDocWith([['a', 'operative', 'Agree.']]);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const scheduler = manualScheduler();
    const store = new ClauseViewStore(client, scheduler.schedule);
    const unsubscribe = store.subscribe(() => {});
    expect(store.getSnapshot()[0]?.positions).toEqual({});

    const before = Y.encodeStateVector(client);
    writeMeta(server, 'a', metaWithPositions('Agree.', { US: 'object' }));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, before));
    scheduler.flush();
    expect(store.getSnapshot()[0]?.status).toBe('objected');
    expect(store.getSnapshot()[0]?.positions.US?.position).toBe('object');
    unsubscribe();
  });

  it('schedules with queueMicrotask by default', async () => {
    const doc = draftDocWith([['a', 'operative', 'Agree.']]);
    const store = new ClauseViewStore(doc);
    let calls = 0;
    const unsubscribe = store.subscribe(() => {
      calls += 1;
    });
    firstClauseText(doc).insert(0, 'x');
    expect(calls).toBe(0);
    await Promise.resolve();
    expect(calls).toBe(1);
    unsubscribe();
  });

  it('stops observing when the last listener leaves', () => {
    const doc = draftDocWith([['a', 'operative', 'Agree.']]);
    const scheduler = manualScheduler();
    const store = new ClauseViewStore(doc, scheduler.schedule);
    let calls = 0;
    store.subscribe(() => {
      calls += 1;
    })();
    firstClauseText(doc).insert(0, 'x');
    scheduler.flush();
    expect(calls).toBe(0);
    expect(store.getSnapshot()[0]?.text).toBe('xAgree.');
  });
});
