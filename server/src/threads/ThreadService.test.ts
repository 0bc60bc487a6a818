import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Role } from '@accord/shared/domain/roles';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/memory/MemoryStorage';
import type { Storage, ThreadStore } from '../storage/storage';
import { ThreadHub } from './ThreadHub';
import { type ThreadMember, ThreadService } from './ThreadService';

/** The thread store's writes, whose commit a live channel must never run ahead of. */
const WRITES = new Set<string>([
  'create',
  'setResolved',
  'addMessage',
  'editMessage',
  'deleteMessage',
  'hideMessage',
  'markRead',
]);

/**
 * A thread store that answers a turn later, as a database over the network does, and notes
 * every write once it has committed.
 */
function slowThreads(inner: ThreadStore, events: string[]): ThreadStore {
  return new Proxy(inner, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        const result: unknown = await value.apply(target, args);
        if (WRITES.has(String(key))) events.push(`committed ${String(key)}`);
        return result;
      };
    },
  });
}

const people: { username: string; delegation: DelegationCode; role: Role }[] = [
  { username: 'mx', delegation: 'MX', role: 'delegate' },
  { username: 'mx.observer', delegation: 'MX', role: 'observer' },
  { username: 'us', delegation: 'US', role: 'delegate' },
  { username: 'chair', delegation: 'CHAIR', role: 'moderator' },
];

async function setUp() {
  const memory = new MemoryStorage();
  const events: string[] = [];
  const storage: Storage = {
    users: memory.users,
    sessions: memory.sessions,
    negotiations: memory.negotiations,
    documents: memory.documents,
    updates: memory.updates,
    clauseChanges: memory.clauseChanges,
    threads: slowThreads(memory.threads, events),
    audit: memory.audit,
    revisions: memory.revisions,
    accessVersion: async () => memory.accessVersion(),
    close: async () => memory.close(),
  };
  await memory.negotiations.create({
    id: 'n',
    title: 'Talks',
    venue: 'Washington',
    startsOn: '2026-12-01',
    timeZone: 'America/New_York',
  });
  await memory.documents.create({ id: 'd', negotiationId: 'n', title: 'Communiqué' });
  const members = new Map<string, ThreadMember>();
  for (const person of people) {
    const user = await memory.users.create({
      id: `u-${person.username}`,
      username: person.username,
      displayName: person.username.toUpperCase(),
      passwordHash: 'x',
    });
    await memory.negotiations.setMembership({
      negotiationId: 'n',
      userId: user.id,
      delegation: person.delegation,
      role: person.role,
    });
    members.set(person.username, {
      userId: user.id,
      delegation: person.delegation,
      role: person.role,
    });
  }
  const hub = new ThreadHub();
  hub.subscribe('d', (threadId) => events.push(`changed ${threadId}`));
  const service = new ThreadService({
    storage,
    hub,
    now: () => 1_000,
    onHidden: async (entry) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      events.push(`audited ${entry.messageId}`);
    },
  });
  const member = (username: string): ThreadMember => {
    const found = members.get(username);
    if (found === undefined) throw new Error(`No ${username}.`);
    return found;
  };
  return { service, events, member, document: { id: 'd', negotiationId: 'n' } };
}

const content = (visibility: 'public' | 'private') => ({
  visibility,
  clauseId: 'op-1',
  anchorStart: 'a',
  anchorEnd: 'b',
  quote: 'tariffs',
  body: `A ${visibility} remark.`,
});

describe('ThreadService over an asynchronous store', () => {
  it('announces a change only once every write of the command has committed', async () => {
    const { service, events, member, document } = await setUp();
    const created = await service.create(document, member('mx'), content('public'));
    if (!created.ok) throw new Error(created.error);
    const threadId = created.value.id;
    expect(events).toEqual(['committed create', 'committed markRead', `changed ${threadId}`]);

    events.length = 0;
    const replied = await service.reply(document, threadId, member('us'), 'Agreed.');
    expect(replied).toMatchObject({ ok: true, value: { messages: [{}, { body: 'Agreed.' }] } });
    expect(events).toEqual(['committed addMessage', 'committed markRead', `changed ${threadId}`]);

    events.length = 0;
    const messageId = replied.ok ? replied.value.messages[1]?.id : undefined;
    if (messageId === undefined) throw new Error('No reply.');
    const hidden = await service.hide(document, threadId, messageId, member('chair'), 'Off topic');
    expect(hidden).toMatchObject({ ok: true, value: { messages: [{}, { body: null }] } });
    expect(events).toEqual([
      'committed hideMessage',
      `audited ${messageId}`,
      `changed ${threadId}`,
    ]);

    events.length = 0;
    const resolved = await service.resolve(document, threadId, member('chair'), true);
    expect(resolved).toMatchObject({
      ok: true,
      value: { resolved: { by: { userId: 'u-chair', displayName: 'CHAIR' }, at: 1_000 } },
    });
    expect(events).toEqual(['committed setResolved', `changed ${threadId}`]);
  });

  it('answers for a private thread the member may not read as for one that does not exist', async () => {
    const { service, events, member, document } = await setUp();
    const created = await service.create(document, member('mx'), content('private'));
    if (!created.ok) throw new Error(created.error);
    const threadId = created.value.id;
    const messageId = created.value.messages[0]?.id ?? '';
    events.length = 0;

    for (const outsider of ['us', 'chair', 'mx.observer']) {
      expect(await service.view(document, threadId, member(outsider)), outsider).toBeUndefined();
      expect(await service.list(document, member(outsider)), outsider).toEqual([]);
      expect(await service.reply(document, threadId, member(outsider), 'x'), outsider).toEqual(
        await service.reply(document, 'no-such-thread', member(outsider), 'x'),
      );
      expect(await service.markRead(document, threadId, member(outsider))).toEqual({
        ok: false,
        error: 'threadNotFound',
      });
    }
    expect(await service.hide(document, threadId, messageId, member('chair'), 'x')).toEqual({
      ok: false,
      error: 'threadNotFound',
    });
    expect(await service.edit(document, threadId, messageId, member('us'), 'x')).toEqual({
      ok: false,
      error: 'threadNotFound',
    });
    // Nothing was written or announced for any of them.
    expect(events).toEqual([]);
    expect(await service.list(document, member('mx'))).toMatchObject([
      { id: threadId, visibility: 'private', delegation: 'MX', unread: 0 },
    ]);
  });
});
