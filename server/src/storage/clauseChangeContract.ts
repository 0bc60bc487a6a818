import { beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from './storage';

/**
 * The clause-history part of the Storage contract, run by `describeStorageContract` for every
 * implementation.
 */
export function describeClauseChangeContract(open: () => Storage | Promise<Storage>): void {
  describe('clause changes', () => {
    let storage: Storage;

    beforeEach(async () => {
      storage = await open();
      await storage.negotiations.create({
        id: 'n',
        title: 'T',
        venue: 'V',
        startsOn: '2025-06-11',
        timeZone: 'UTC',
      });
      await storage.documents.create({ id: 'd', negotiationId: 'n', title: 'Draft' });
      await storage.documents.create({ id: 'd2', negotiationId: 'n', title: 'Other' });
      await storage.users.create({
        id: 'u-mx',
        username: 'mx',
        displayName: 'MX',
        passwordHash: 'h',
      });
      return () => storage.close();
    });

    const change = (clauseId: string, textAfter: string, at: number) => ({
      documentId: 'd',
      clauseId,
      seq: at,
      userId: 'u-mx',
      delegation: 'MX' as const,
      at,
      textBefore: 'before',
      textAfter,
      event: null,
    });

    it('gives the latest change of each clause of a draft, newest first', async () => {
      await storage.clauseChanges.append(change('c1', 'one', 1));
      const c2 = await storage.clauseChanges.append(change('c2', 'two', 2));
      const c1 = await storage.clauseChanges.append(change('c1', 'one again', 3));
      await storage.clauseChanges.append({ ...change('c3', 'elsewhere', 4), documentId: 'd2' });
      expect(await storage.clauseChanges.latestOfEachClause('d')).toEqual([c1, c2]);
      expect(await storage.clauseChanges.latestOfEachClause('nothing')).toEqual([]);
    });

    it('appends changes and lists a clause’s changes newest first', async () => {
      const first = await storage.clauseChanges.append(change('c1', 'one', 1));
      await storage.clauseChanges.append(change('c2', 'other clause', 2));
      const second = await storage.clauseChanges.append(change('c1', 'two', 3));
      expect(second.id).toBeGreaterThan(first.id);
      expect(await storage.clauseChanges.list('d', 'c1')).toEqual([second, first]);
      expect(await storage.clauseChanges.latest('d', 'c1')).toEqual(second);
      expect(await storage.clauseChanges.latest('d', 'c3')).toBeUndefined();
      expect(await storage.clauseChanges.list('d2', 'c1')).toEqual([]);
    });

    it('amends a change with a later edit: seq, time and text after', async () => {
      const first = await storage.clauseChanges.append(change('c1', 'one', 1));
      await storage.clauseChanges.amend(first.id, { seq: 9, at: 5, textAfter: 'one more' });
      expect(await storage.clauseChanges.list('d', 'c1')).toEqual([
        { ...first, seq: 9, at: 5, textAfter: 'one more' },
      ]);
    });

    it('keeps an event with its change', async () => {
      const alternative = {
        id: 'a1',
        text: 'Other words',
        delegation: 'MX' as const,
        userId: 'u-mx',
        at: 1,
      };
      const proposed = await storage.clauseChanges.append({
        ...change('c1', 'before', 1),
        event: { kind: 'alternativeProposed', alternative },
      });
      const deleted = await storage.clauseChanges.append({
        ...change('c1', '', 2),
        event: { kind: 'deleted' },
      });
      expect(await storage.clauseChanges.list('d', 'c1')).toEqual([deleted, proposed]);
      expect((await storage.clauseChanges.latest('d', 'c1'))?.event).toEqual({ kind: 'deleted' });
    });

    it('refuses a change of an unknown document or user', async () => {
      await expect(
        async () =>
          await storage.clauseChanges.append({ ...change('c1', 'x', 1), documentId: 'nope' }),
      ).rejects.toThrow();
      await expect(
        async () => await storage.clauseChanges.append({ ...change('c1', 'x', 1), userId: 'nope' }),
      ).rejects.toThrow();
    });
  });
}
