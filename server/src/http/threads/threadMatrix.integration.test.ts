import type { AuditLogResponse } from '@accord/shared/domain/audit';
import type { ThreadVisibility } from '@accord/shared/policy/threadPolicy';
import type {
  ThreadListResponse,
  ThreadResponse,
  ThreadView,
} from '@accord/shared/protocol/threads';
import { THREAD_EVENTS } from '@accord/shared/protocol/threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type ApiReply, apiRequest } from '../../testing/apiClient';
import { type RunningTestServer, signIn, startTestServer } from '../../testing/testServer';
import { openThreadEvents, type ThreadEventClient } from '../../testing/threadEventClient';
import {
  addExtraMembers,
  demoAnchor,
  type TestActor,
  THREAD_TEST_ACTORS,
  threadsPath,
} from '../../testing/threadTestSetup';
import { demoDocumentId, until } from '../../testing/wsTestClients';

/**
 * The thread permission matrix over HTTP and the live channel (issue 5): every member kind ×
 * public/private × read/create/reply/edit/delete/resolve/hide, allowed and refused. Expectations
 * are written out here, independently of the shared policy. Private bodies carry a marker that
 * must never reach anyone outside the delegation: not in a response, an event or a log line.
 */

const MARKER = 'PRIVATE-MARKER';

/** Who may read a thread, as the issue states it. */
function reads(actor: TestActor, thread: { visibility: ThreadVisibility; delegation: string }) {
  if (thread.visibility === 'public') return true;
  return actor.role !== 'observer' && actor.delegation === thread.delegation;
}

/** Who may write into a thread of this visibility, as the issue states it. */
function writes(actor: TestActor, visibility: ThreadVisibility) {
  return actor.role === 'delegate' || (actor.role === 'moderator' && visibility === 'public');
}

let server: RunningTestServer;
const logLines: string[] = [];
const cookies = new Map<string, string>();
const streams = new Map<string, ThreadEventClient>();
/** Threads opened by owners before the matrix runs. */
const fixtures: { owner: TestActor; thread: ThreadView }[] = [];
/** Every thread that exists, with what decides who sees it. */
const allThreads: ThreadView[] = [];

function call(
  actor: TestActor,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  rest: string,
  body?: unknown,
): Promise<ApiReply> {
  return apiRequest(
    server,
    cookies.get(actor.username) ?? null,
    method,
    threadsPath(server, rest),
    body,
  );
}

async function open(actor: TestActor, visibility: ThreadVisibility): Promise<ApiReply> {
  const { anchor, quote } = await demoAnchor(server, 'op-tariffs', 0, 10);
  const marker = visibility === 'private' ? `${MARKER}-${actor.delegation}` : 'public note';
  return call(actor, 'POST', '', {
    visibility,
    anchor,
    quote,
    body: `${marker} by ${actor.username}`,
  });
}

function expectNoLeak(actor: TestActor, reply: ApiReply): void {
  const text = JSON.stringify(reply.body);
  for (const thread of allThreads) {
    if (thread.visibility === 'private' && !reads(actor, thread)) {
      expect(text).not.toContain(thread.id);
      expect(text).not.toContain(`${MARKER}-${thread.delegation}`);
    }
  }
}

beforeAll(async () => {
  server = await startTestServer({ log: (_level, message) => logLines.push(message) });
  await addExtraMembers(server);
  for (const actor of THREAD_TEST_ACTORS) {
    const cookie = await signIn(server, actor.username, DEMO_PASSWORD);
    cookies.set(actor.username, cookie);
    streams.set(actor.username, await openThreadEvents(server, cookie, demoDocumentId(server)));
  }
  for (const owner of THREAD_TEST_ACTORS.filter((actor) => actor.role !== 'observer')) {
    for (const visibility of ['public', 'private'] as const) {
      if (!writes(owner, visibility)) continue;
      const reply = await open(owner, visibility);
      expect(reply.status).toBe(201);
      const { thread } = reply.body as ThreadResponse;
      fixtures.push({ owner, thread });
      allThreads.push(thread);
    }
  }
}, 60_000);

afterAll(async () => {
  for (const stream of streams.values()) stream.close();
  await server.close();
});

describe('thread matrix over HTTP', () => {
  it('create: delegates open both kinds, moderators only public, observers none', async () => {
    for (const actor of THREAD_TEST_ACTORS) {
      for (const visibility of ['public', 'private'] as const) {
        const reply = await open(actor, visibility);
        const allowed = writes(actor, visibility);
        expect(reply.status, `${actor.name} opens a ${visibility} thread`).toBe(
          allowed ? 201 : 403,
        );
        if (allowed) {
          const { thread } = reply.body as ThreadResponse;
          allThreads.push(thread);
          expect(thread).toMatchObject({
            visibility,
            delegation: actor.delegation,
            clauseId: 'op-tariffs',
            quote: (await demoAnchor(server, 'op-tariffs', 0, 10)).quote,
          });
        } else {
          expect((reply.body as { error: { code: string } }).error.code).toBe('forbidden');
        }
      }
    }
  });

  it('read: the list holds public threads and one’s own delegation’s private ones, nothing else', async () => {
    for (const actor of THREAD_TEST_ACTORS) {
      const reply = await call(actor, 'GET', '');
      expect(reply.status).toBe(200);
      const ids = (reply.body as ThreadListResponse).threads.map((thread) => thread.id).sort();
      const expected = allThreads
        .filter((thread) => reads(actor, thread))
        .map((thread) => thread.id);
      expect(ids, actor.name).toEqual(expected.sort());
      expectNoLeak(actor, reply);
    }
  });

  it('reply, resolve and reopen: whoever may read and write; an unreadable thread is a 404', async () => {
    for (const actor of THREAD_TEST_ACTORS) {
      for (const { thread } of fixtures) {
        const readable = reads(actor, thread);
        const allowed = readable && writes(actor, thread.visibility);
        const expected = allowed ? 201 : readable ? 403 : 404;
        const reply = await call(actor, 'POST', `/${thread.id}/messages`, {
          body: `reply by ${actor.username}`,
        });
        expect(
          reply.status,
          `${actor.name} replies to ${thread.delegation} ${thread.visibility}`,
        ).toBe(expected);
        expectNoLeak(actor, reply);
        const resolve = await call(actor, 'PUT', `/${thread.id}/resolved`, { resolved: true });
        expect(resolve.status).toBe(allowed ? 200 : readable ? 403 : 404);
        expectNoLeak(actor, resolve);
        if (allowed) {
          expect((resolve.body as ThreadResponse).thread.resolved?.by.delegation).toBe(
            actor.delegation,
          );
          const reopen = await call(actor, 'PUT', `/${thread.id}/resolved`, { resolved: false });
          expect((reopen.body as ThreadResponse).thread.resolved).toBeNull();
        }
      }
    }
  });

  it('edit and delete: only the author, on their own messages', async () => {
    for (const actor of THREAD_TEST_ACTORS) {
      for (const { owner, thread } of fixtures) {
        const readable = reads(actor, thread);
        const firstId = thread.messages[0]?.id ?? '';
        if (actor.username !== owner.username) {
          const refused = readable ? 403 : 404;
          const edit = await call(actor, 'PATCH', `/${thread.id}/messages/${firstId}`, {
            body: 'taken over',
          });
          expect(edit.status, `${actor.name} edits ${owner.name}'s message`).toBe(refused);
          const remove = await call(actor, 'DELETE', `/${thread.id}/messages/${firstId}`);
          expect(remove.status).toBe(refused);
          expectNoLeak(actor, edit);
          expectNoLeak(actor, remove);
        }
        if (!readable || !writes(actor, thread.visibility)) continue;
        const mine = await call(actor, 'POST', `/${thread.id}/messages`, { body: 'mine' });
        const myMessage = (mine.body as ThreadResponse).thread.messages.at(-1);
        const edit = await call(actor, 'PATCH', `/${thread.id}/messages/${myMessage?.id}`, {
          body: 'mine, edited',
        });
        expect(edit.status).toBe(200);
        expect((edit.body as ThreadResponse).thread.messages.at(-1)).toMatchObject({
          body: 'mine, edited',
        });
        const remove = await call(actor, 'DELETE', `/${thread.id}/messages/${myMessage?.id}`);
        expect(remove.status).toBe(200);
        expect((remove.body as ThreadResponse).thread.messages.at(-1)).toMatchObject({
          body: null,
          deleted: true,
        });
      }
    }
    const [first] = fixtures;
    const ownEdit = await call(
      first?.owner as TestActor,
      'PATCH',
      `/${first?.thread.id}/messages/${first?.thread.messages[0]?.id}`,
      { body: 'author’s edit' },
    );
    expect(ownEdit.status).toBe(200);
  });

  it('hide: a moderator hides public messages (everyone sees the reason), nothing private', async () => {
    for (const actor of THREAD_TEST_ACTORS) {
      for (const { owner, thread } of fixtures) {
        const target = await call(owner, 'POST', `/${thread.id}/messages`, {
          body: 'to be judged',
        });
        const messageId = (target.body as ThreadResponse).thread.messages.at(-1)?.id;
        const readable = reads(actor, thread);
        const allowed = actor.role === 'moderator' && thread.visibility === 'public';
        const reply = await call(actor, 'POST', `/${thread.id}/messages/${messageId}/hide`, {
          reason: 'Off topic',
        });
        expect(
          reply.status,
          `${actor.name} hides in ${thread.delegation} ${thread.visibility}`,
        ).toBe(allowed ? 200 : readable ? 403 : 404);
        expectNoLeak(actor, reply);
        if (!allowed) continue;
        const seen = await call(THREAD_TEST_ACTORS[0] as TestActor, 'GET', '');
        const hidden = (seen.body as ThreadListResponse).threads
          .find((candidate) => candidate.id === thread.id)
          ?.messages.find((message) => message.id === messageId);
        expect(hidden).toMatchObject({
          body: null,
          hidden: { reason: 'Off topic', by: { delegation: 'CHAIR' } },
        });
        const edit = await call(owner, 'PATCH', `/${thread.id}/messages/${messageId}`, {
          body: 'sneaky',
        });
        expect(edit.status).toBe(409);
        const negotiationId = (await server.storage.negotiations.list())[0]?.id;
        const audit = await apiRequest(
          server,
          cookies.get(actor.username) ?? null,
          'GET',
          `/api/negotiations/${negotiationId}/audit`,
        );
        const entry = (audit.body as AuditLogResponse).entries.find(
          (candidate) =>
            candidate.action === 'messageHidden' && candidate.detail.messageId === messageId,
        );
        expect(entry).toMatchObject({
          delegation: 'CHAIR',
          detail: { threadId: thread.id, reason: 'Off topic' },
        });
      }
    }
  });

  it('unread counts: per reader, cleared by marking read', async () => {
    const [us, , mx] = THREAD_TEST_ACTORS as [TestActor, TestActor, TestActor];
    const opened = await open(mx, 'public');
    const { thread } = opened.body as ThreadResponse;
    allThreads.push(thread);
    expect(thread.unread).toBe(0);
    await call(mx, 'POST', `/${thread.id}/messages`, { body: 'and another thing' });
    const before = (await call(us, 'GET', '')).body as ThreadListResponse;
    expect(before.threads.find((candidate) => candidate.id === thread.id)?.unread).toBe(2);
    const read = await call(us, 'PUT', `/${thread.id}/read`);
    expect((read.body as ThreadResponse).thread.unread).toBe(0);
    const mine = (await call(mx, 'GET', '')).body as ThreadListResponse;
    expect(mine.threads.find((candidate) => candidate.id === thread.id)?.unread).toBe(0);
  });
});

describe('thread matrix over the live channel', () => {
  it('brings each member every thread they may read, and never another delegation’s private one', async () => {
    for (const actor of THREAD_TEST_ACTORS) {
      const stream = streams.get(actor.username) as ThreadEventClient;
      const expected = allThreads
        .filter((thread) => reads(actor, thread))
        .map((thread) => thread.id);
      const received = () =>
        new Set(
          stream.events
            .filter((event) => event.event === THREAD_EVENTS.thread)
            .map((event) => (JSON.parse(event.data) as ThreadView).id),
        );
      await until(
        () => expected.every((id) => received().has(id)),
        `${actor.name} receives every thread`,
      );
      expect(stream.events[0]?.event).toBe(THREAD_EVENTS.snapshot);
      expect([...received()].sort()).toEqual([...expected].sort());
      for (const thread of allThreads) {
        if (!reads(actor, thread)) {
          expect(stream.raw()).not.toContain(thread.id);
          if (thread.visibility === 'private') {
            expect(stream.raw()).not.toContain(`${MARKER}-${thread.delegation}`);
          }
        }
      }
    }
  });

  it('writes no private text into any log line', () => {
    expect(logLines.join('\n')).not.toContain(MARKER);
  });
});
