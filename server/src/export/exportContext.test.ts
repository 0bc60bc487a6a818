import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../storage/memory/MemoryStorage';
import { exportContextFor } from './exportContext';

async function setUp() {
  const storage = new MemoryStorage();
  const negotiation = await storage.negotiations.create({
    id: 'n',
    title: 'Talks',
    venue: 'Washington',
    startsOn: '2026-12-01',
    timeZone: 'America/New_York',
  });
  const document = await storage.documents.create({
    id: 'd',
    negotiationId: 'n',
    title: 'Communiqué',
  });
  for (const [id, delegation] of [
    ['mx', 'MX'],
    ['us', 'US'],
  ] as const) {
    await storage.users.create({
      id,
      username: id,
      displayName: `${delegation} delegate`,
      passwordHash: 'x',
    });
    await storage.negotiations.setMembership({
      negotiationId: 'n',
      userId: id,
      delegation,
      role: 'delegate',
    });
  }
  const thread = async (id: string, visibility: 'public' | 'private', body: string) =>
    storage.threads.create(
      {
        id,
        documentId: 'd',
        clauseId: 'op-1',
        visibility,
        delegation: 'MX',
        createdBy: 'mx',
        createdAt: 1,
        anchorStart: '',
        anchorEnd: '',
        quote: 'tariffs',
      },
      { id: `${id}-1`, threadId: id, authorId: 'mx', delegation: 'MX', body, createdAt: 1 },
    );
  return { storage, negotiation, document, thread };
}

describe('exportContextFor', () => {
  it('lists the public threads with the messages still standing, never a private one', async () => {
    const { storage, negotiation, document, thread } = await setUp();
    await thread('public', 'public', 'Mexico asks for a date.');
    await thread('private', 'private', 'Our fallback is 2027.');
    const reply = await storage.threads.addMessage({
      id: 'public-2',
      threadId: 'public',
      authorId: 'us',
      delegation: 'US',
      body: 'Withdrawn words.',
      createdAt: 2,
    });
    await storage.threads.deleteMessage(reply.id, 3);
    await thread('emptied', 'public', 'Hidden words.');
    await storage.threads.hideMessage('emptied-1', { by: 'us', reason: 'x', at: 4 });

    const context = await exportContextFor(storage, document, negotiation, 125_000, new Y.Doc());
    expect(context).toMatchObject({
      documentTitle: 'Communiqué',
      delegations: ['MX', 'US'],
      exportedAt: 120_000,
      threads: [
        {
          visibility: 'public',
          quote: 'tariffs',
          detached: true,
          messages: [{ author: 'MX delegate', delegation: 'MX', text: 'Mexico asks for a date.' }],
        },
      ],
    });
    expect(context.threads).toHaveLength(1);
    expect(JSON.stringify(context)).not.toMatch(/fallback|Withdrawn|Hidden words/);
    // Without the draft, no threads at all.
    expect((await exportContextFor(storage, document, negotiation, 0)).threads).toEqual([]);
  });
});
