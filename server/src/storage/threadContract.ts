import { beforeEach, describe, expect, it } from 'vitest';
import type { NewMessage, Storage } from './storage';

/** The comment-thread part of the Storage contract, run for every implementation. */
export function describeThreadContract(open: () => Storage | Promise<Storage>): void {
  describe('threads', () => {
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
      await storage.users.create({
        id: 'u-us',
        username: 'us',
        displayName: 'US',
        passwordHash: 'h',
      });
      return () => storage.close();
    });

    const thread = (id: string, documentId = 'd', createdAt = 1) => ({
      id,
      documentId,
      clauseId: 'c1',
      visibility: 'private' as const,
      delegation: 'MX' as const,
      createdBy: 'u-mx',
      createdAt,
      anchorStart: 'AAE=',
      anchorEnd: 'AAI=',
      quote: 'the words',
    });
    const message = (id: string, threadId: string, authorId = 'u-mx'): NewMessage => ({
      id,
      threadId,
      authorId,
      delegation: authorId === 'u-mx' ? 'MX' : 'US',
      body: `body of ${id}`,
      createdAt: 2,
    });

    it('creates a thread with its first message and reads them back', async () => {
      const created = await storage.threads.create(thread('t1'), message('m1', 't1'));
      expect(created.thread).toEqual({ ...thread('t1'), resolvedBy: null, resolvedAt: null });
      expect(await storage.threads.byId('t1')).toEqual(created.thread);
      expect(await storage.threads.messages('t1')).toEqual([created.message]);
      expect(created.message).toMatchObject({ id: 'm1', body: 'body of m1', editedAt: null });
      expect(await storage.threads.byId('nope')).toBeUndefined();
      expect(await storage.threads.message('nope')).toBeUndefined();
    });

    it('lists a draft’s threads oldest first, and only its own', async () => {
      await storage.threads.create(thread('t1', 'd', 1), message('m1', 't1'));
      await storage.threads.create(thread('t2', 'd2', 2), message('m2', 't2'));
      await storage.threads.create(thread('t3', 'd', 3), message('m3', 't3'));
      expect((await storage.threads.listByDocument('d')).map((t) => t.id)).toEqual(['t1', 't3']);
      expect((await storage.threads.messagesOfDocument('d')).map((m) => m.id)).toEqual([
        'm1',
        'm3',
      ]);
    });

    it('adds replies with increasing sequence numbers, edits, deletes and hides messages', async () => {
      const { message: first } = await storage.threads.create(thread('t1'), message('m1', 't1'));
      const reply = await storage.threads.addMessage(message('m2', 't1', 'u-us'));
      expect(reply.seq).toBeGreaterThan(first.seq);
      await storage.threads.editMessage('m1', 'edited', 5);
      await storage.threads.deleteMessage('m2', 6);
      expect(await storage.threads.messages('t1')).toEqual([
        { ...first, body: 'edited', editedAt: 5 },
        { ...reply, body: '', deletedAt: 6 },
      ]);
      await storage.threads.hideMessage('m1', { by: 'u-us', reason: 'off topic', at: 7 });
      expect(await storage.threads.message('m1')).toMatchObject({
        hiddenBy: 'u-us',
        hiddenReason: 'off topic',
        hiddenAt: 7,
      });
    });

    it('resolves and reopens a thread', async () => {
      await storage.threads.create(thread('t1'), message('m1', 't1'));
      await storage.threads.setResolved('t1', { by: 'u-us', at: 9 });
      expect(await storage.threads.byId('t1')).toMatchObject({ resolvedBy: 'u-us', resolvedAt: 9 });
      await storage.threads.setResolved('t1', null);
      expect(await storage.threads.byId('t1')).toMatchObject({
        resolvedBy: null,
        resolvedAt: null,
      });
    });

    it('keeps read marks per user and thread, never moving backwards', async () => {
      await storage.threads.create(thread('t1'), message('m1', 't1'));
      await storage.threads.create(thread('t2', 'd2'), message('m2', 't2'));
      await storage.threads.markRead('t1', 'u-us', 5);
      await storage.threads.markRead('t1', 'u-us', 3);
      await storage.threads.markRead('t2', 'u-us', 4);
      expect(await storage.threads.readMarks('d', 'u-us')).toEqual(new Map([['t1', 5]]));
      expect(await storage.threads.readMarks('d', 'u-mx')).toEqual(new Map());
    });

    it('refuses a thread of an unknown document, a message of an unknown thread or user', async () => {
      await expect(
        async () => await storage.threads.create(thread('t1', 'nope'), message('m1', 't1')),
      ).rejects.toThrow();
      expect(await storage.threads.byId('t1')).toBeUndefined();
      await expect(
        async () => await storage.threads.addMessage(message('m1', 'nope')),
      ).rejects.toThrow();
      await storage.threads.create(thread('t1'), message('m1', 't1'));
      await expect(
        async () => await storage.threads.addMessage(message('m2', 't1', 'nobody')),
      ).rejects.toThrow();
      await expect(
        async () => await storage.threads.addMessage(message('m1', 't1')),
      ).rejects.toThrow();
    });
  });
}
