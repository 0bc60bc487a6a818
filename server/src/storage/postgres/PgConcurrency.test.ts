import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AuditRecord } from '../auditStore';
import type { PgStorage } from './PgStorage';
import { pgSchemas } from './pgTestKit';

const schemas = pgSchemas('race');
afterAll(() => schemas.dropAll());

/** Two servers on one database: what SQLite serialized in one process must stay serialized. */
describe('PgStorage with two servers writing at once', () => {
  let a: PgStorage;
  let b: PgStorage;

  beforeEach(async () => {
    const schema = schemas.fresh();
    a = await schemas.openIn(schema);
    b = await schemas.openIn(schema);
    await a.negotiations.create({
      id: 'n',
      title: 'T',
      venue: 'V',
      startsOn: '2025-06-11',
      timeZone: 'UTC',
    });
    await a.documents.create({ id: 'd', negotiationId: 'n', title: 'D' });
  });

  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('keeps one unbroken audit chain', async () => {
    const build =
      (action: string) =>
      (last: AuditRecord | undefined): AuditRecord => ({
        negotiationId: 'n',
        seq: (last?.seq ?? 0) + 1,
        documentId: null,
        at: 1,
        userId: null,
        delegation: null,
        action,
        detail: '{}',
        prevHash: last?.hash ?? 'genesis',
        hash: `hash-${action}`,
      });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).audit.append('n', build(`e${i}`))),
    );
    const chain = await a.audit.list('n');
    expect(chain.map((entry) => entry.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    chain.forEach((entry, i) => {
      expect(entry.prevHash).toBe(i === 0 ? 'genesis' : chain[i - 1]?.hash);
    });
  });

  it('numbers revisions without gaps or clashes, and starts one silence procedure', async () => {
    const issued = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? a : b).revisions.issue({
          id: `r${i}`,
          documentId: 'd',
          note: '',
          issuedBy: 'u',
          delegation: 'CHAIR',
          issuedAt: i,
          sha256: 'x',
          state: Uint8Array.of(i),
          contentJson: '{}',
          symbolFor: (number) => `S/Rev.${number}`,
        }),
      ),
    );
    expect(issued.every((result) => result.ok)).toBe(true);
    expect((await a.revisions.list('d')).map((meta) => meta.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const started = await Promise.all(
      ['s1', 's2', 's3', 's4'].map((id, i) =>
        (i % 2 === 0 ? a : b).revisions.startSilence({
          id,
          documentId: 'd',
          revisionId: 'r0',
          startedBy: 'u',
          startedAt: i,
          deadline: 1000,
        }),
      ),
    );
    expect(started.filter((result) => result.ok)).toHaveLength(1);
    expect(started.filter((result) => !result.ok && result.error === 'running')).toHaveLength(3);
  });

  it('keeps updates appended by one server while the other compacts', async () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const pending: Promise<number>[] = [];
    doc.on('update', (update: Uint8Array) => {
      pending.push(a.updates.append('d', update, null));
    });
    text.insert(0, 'one ');
    text.insert(4, 'two ');
    const upTo = Math.max(...(await Promise.all(pending)));
    const snapshot = Y.encodeStateAsUpdate(doc);
    const compacting = b.updates.compact('d', upTo, snapshot);
    text.insert(8, 'three');
    await Promise.all([compacting, ...pending]);
    const restored = new Y.Doc();
    for (const entry of await b.updates.load('d')) Y.applyUpdate(restored, entry.update);
    expect(restored.getText('t').toString()).toBe('one two three');
    expect(await b.updates.stats('d')).toMatchObject({ updates: 2 });
  });
});
