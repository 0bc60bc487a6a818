import { beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from './storage';

/**
 * The clause-history part of the Storage contract, run by `describeStorageContract` for every
 * implementation.
 */
export function describeClauseChangeContract(open: () => Storage): void {
  describe('clause changes', () => {
    let storage: Storage;

    beforeEach(() => {
      storage = open();
      storage.negotiations.create({
        id: 'n',
        title: 'T',
        venue: 'V',
        startsOn: '2025-06-11',
        timeZone: 'UTC',
      });
      storage.documents.create({ id: 'd', negotiationId: 'n', title: 'Draft' });
      storage.documents.create({ id: 'd2', negotiationId: 'n', title: 'Other' });
      storage.users.create({ id: 'u-mx', username: 'mx', displayName: 'MX', passwordHash: 'h' });
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

    it('gives the latest change of each clause of a draft, newest first', () => {
      storage.clauseChanges.append(change('c1', 'one', 1));
      const c2 = storage.clauseChanges.append(change('c2', 'two', 2));
      const c1 = storage.clauseChanges.append(change('c1', 'one again', 3));
      storage.clauseChanges.append({ ...change('c3', 'elsewhere', 4), documentId: 'd2' });
      expect(storage.clauseChanges.latestOfEachClause('d')).toEqual([c1, c2]);
      expect(storage.clauseChanges.latestOfEachClause('nothing')).toEqual([]);
    });

    it('appends changes and lists a clause’s changes newest first', () => {
      const first = storage.clauseChanges.append(change('c1', 'one', 1));
      storage.clauseChanges.append(change('c2', 'other clause', 2));
      const second = storage.clauseChanges.append(change('c1', 'two', 3));
      expect(second.id).toBeGreaterThan(first.id);
      expect(storage.clauseChanges.list('d', 'c1')).toEqual([second, first]);
      expect(storage.clauseChanges.latest('d', 'c1')).toEqual(second);
      expect(storage.clauseChanges.latest('d', 'c3')).toBeUndefined();
      expect(storage.clauseChanges.list('d2', 'c1')).toEqual([]);
    });

    it('amends a change with a later edit: seq, time and text after', () => {
      const first = storage.clauseChanges.append(change('c1', 'one', 1));
      storage.clauseChanges.amend(first.id, { seq: 9, at: 5, textAfter: 'one more' });
      expect(storage.clauseChanges.list('d', 'c1')).toEqual([
        { ...first, seq: 9, at: 5, textAfter: 'one more' },
      ]);
    });

    it('keeps an event with its change', () => {
      const alternative = {
        id: 'a1',
        text: 'Other words',
        delegation: 'MX' as const,
        userId: 'u-mx',
        at: 1,
      };
      const proposed = storage.clauseChanges.append({
        ...change('c1', 'before', 1),
        event: { kind: 'alternativeProposed', alternative },
      });
      const deleted = storage.clauseChanges.append({
        ...change('c1', '', 2),
        event: { kind: 'deleted' },
      });
      expect(storage.clauseChanges.list('d', 'c1')).toEqual([deleted, proposed]);
      expect(storage.clauseChanges.latest('d', 'c1')?.event).toEqual({ kind: 'deleted' });
    });

    it('refuses a change of an unknown document or user', () => {
      expect(() =>
        storage.clauseChanges.append({ ...change('c1', 'x', 1), documentId: 'nope' }),
      ).toThrow();
      expect(() =>
        storage.clauseChanges.append({ ...change('c1', 'x', 1), userId: 'nope' }),
      ).toThrow();
    });
  });
}
