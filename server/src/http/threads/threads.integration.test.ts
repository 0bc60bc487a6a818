import { createThreadAnchor, resolveThreadAnchor } from '@accord/shared/domain/threadAnchor';
import { LIMITS } from '@accord/shared/protocol/limits';
import {
  THREAD_EVENTS,
  type ThreadListResponse,
  type ThreadResponse,
  type ThreadView,
} from '@accord/shared/protocol/threads';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../seed/demo';
import { apiRequest } from '../../testing/apiClient';
import { clauseText } from '../../testing/testClient';
import { type RunningTestServer, signIn } from '../../testing/testServer';
import { openThreadEvents } from '../../testing/threadEventClient';
import { addExtraMembers, demoAnchor, threadsPath } from '../../testing/threadTestSetup';
import {
  closeAll,
  demoDocumentId,
  onCleanup,
  openClient,
  startServer,
  storedDoc,
  until,
} from '../../testing/wsTestClients';

/**
 * Threads end to end: the live channel per reader, the channel's end with the session or the
 * membership, bad input, and anchors that follow their words through other people's edits
 * (stock y-websocket providers against the real server).
 */

afterEach(closeAll);

async function as(server: RunningTestServer, username: string) {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  return {
    cookie,
    call: (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', rest: string, body?: unknown) =>
      apiRequest(server, cookie, method, threadsPath(server, rest), body),
    events: async () => {
      const stream = await openThreadEvents(server, cookie, demoDocumentId(server));
      onCleanup(() => stream.close());
      return stream;
    },
  };
}

function threadsIn(events: { event: string; data: string }[]): ThreadView[] {
  return events
    .filter((event) => event.event === THREAD_EVENTS.thread)
    .map((event) => JSON.parse(event.data) as ThreadView);
}

describe('the live channel', () => {
  it("brings Mexico's private thread to Mexico's colleague and never to the US; its public one to all", async () => {
    const { server } = await startServer();
    await addExtraMembers(server);
    const mexico = await as(server, 'mx.delegate');
    const colleague = await (await as(server, 'mx.colleague')).events();
    const us = await (await as(server, 'us.delegate')).events();
    const chair = await (await as(server, 'chair')).events();
    await until(() => [colleague, us, chair].every((s) => s.events.length === 1), 'snapshots');
    const { anchor, quote } = await demoAnchor(server, 'op-tariffs', 0, 6);
    const secret = await mexico.call('POST', '', {
      visibility: 'private',
      anchor,
      quote,
      body: 'Hold firm on 2030',
    });
    const open = await mexico.call('POST', '', {
      visibility: 'public',
      anchor,
      quote,
      body: 'We propose 2032',
    });
    const secretId = (secret.body as ThreadResponse).thread.id;
    const openId = (open.body as ThreadResponse).thread.id;
    await until(
      () => threadsIn(colleague.events).some((t) => t.id === secretId),
      'colleague gets it',
    );
    await until(() => threadsIn(us.events).some((t) => t.id === openId), 'US gets the public one');
    await until(
      () => threadsIn(chair.events).some((t) => t.id === openId),
      'Chair gets the public one',
    );
    const reply = await mexico.call('POST', `/${secretId}/messages`, { body: 'Agreed, hold firm' });
    expect(reply.status).toBe(201);
    await until(
      () => threadsIn(colleague.events).filter((t) => t.id === secretId).length === 2,
      'reply',
    );
    expect(
      threadsIn(colleague.events)
        .at(-1)
        ?.messages.map((m) => m.body),
    ).toEqual(['Hold firm on 2030', 'Agreed, hold firm']);
    for (const stream of [us, chair]) {
      expect(stream.raw()).not.toContain(secretId);
      expect(stream.raw()).not.toContain('Hold firm');
    }
  });

  it('opens with a snapshot of what the reader may read, with their unread counts', async () => {
    const { server } = await startServer();
    const mexico = await as(server, 'mx.delegate');
    const { anchor, quote } = await demoAnchor(server, 'op-jobs', 0, 4);
    await mexico.call('POST', '', { visibility: 'private', anchor, quote, body: 'mine' });
    await mexico.call('POST', '', { visibility: 'public', anchor, quote, body: 'ours' });
    const us = await (await as(server, 'us.delegate')).events();
    await until(() => us.events.length === 1, 'snapshot');
    const snapshot = JSON.parse(us.events[0]?.data ?? '{}') as ThreadListResponse;
    expect(snapshot.threads.map((t) => [t.visibility, t.unread])).toEqual([['public', 1]]);
  });

  it('ends when the session ends or the member leaves the negotiation', async () => {
    const { server } = await startServer({ sessionRecheckMs: 50 });
    const us = await as(server, 'us.delegate');
    const usStream = await us.events();
    await apiRequest(server, us.cookie, 'POST', '/api/logout');
    await usStream.ended;
    const canada = await as(server, 'ca.delegate');
    const caStream = await canada.events();
    const negotiation = (await server.storage.negotiations.list())[0];
    const caUser = await server.storage.users.byUsername('ca.delegate');
    await server.storage.negotiations.removeMembership(negotiation?.id ?? '', caUser?.id ?? '');
    await caStream.ended;
    const mexico = await as(server, 'mx.delegate');
    const { anchor, quote } = await demoAnchor(server, 'op-jobs', 0, 4);
    await mexico.call('POST', '', { visibility: 'public', anchor, quote, body: 'after they left' });
    expect(usStream.raw()).not.toContain('after they left');
    expect(caStream.raw()).not.toContain('after they left');
  });

  it('is refused without a session or for an unknown draft', async () => {
    const { server } = await startServer();
    const response = await fetch(
      `${server.url}/api/documents/${demoDocumentId(server)}/threads/events`,
    );
    expect(response.status).toBe(401);
    const us = await as(server, 'us.delegate');
    const unknown = await apiRequest(
      server,
      us.cookie,
      'GET',
      '/api/documents/nope/threads/events',
    );
    expect(unknown.status).toBe(404);
  });
});

describe('bad input', () => {
  it('gives clear 4xx errors and keeps any text, script included, as text', async () => {
    const { server } = await startServer();
    const mexico = await as(server, 'mx.delegate');
    const { anchor, quote } = await demoAnchor(server, 'op-tariffs', 0, 6);
    const post = (body: unknown) => mexico.call('POST', '', body);
    const message = (reply: { body: unknown }) =>
      (reply.body as { error: { message: string } }).error.message;

    const long = await post({
      visibility: 'public',
      anchor,
      quote,
      body: 'x'.repeat(LIMITS.threadMessageMax + 1),
    });
    expect(long.status).toBe(400);
    expect(message(long)).toContain(`at most ${LIMITS.threadMessageMax} characters`);
    expect((await post({ visibility: 'public', anchor, quote, body: '   ' })).status).toBe(400);
    const invisible = await post({ visibility: 'public', anchor, quote, body: '\u200b\u2060' });
    expect(invisible.status).toBe(400);
    expect(message(invisible)).toContain('The message is empty.');
    const visibility = await post({ visibility: 'secret', anchor, quote, body: 'hi' });
    expect(message(visibility)).toContain('"private"');
    const garbage = await post({
      visibility: 'public',
      anchor: { start: '!!', end: 'AA==' },
      quote,
      body: 'hi',
    });
    expect(garbage.status).toBe(400);
    expect(message(garbage)).toContain('relative positions');
    const elsewhere = new Y.Doc();
    const foreignText = new Y.XmlText('foreign words');
    elsewhere.getXmlFragment('default').insert(0, [foreignText]);
    const foreign = createThreadAnchor(foreignText, 0, 4);
    const outside = await post({ visibility: 'public', anchor: foreign, quote, body: 'hi' });
    expect(outside.status).toBe(400);
    expect(message(outside)).toContain('one clause');
    const empty = await demoAnchor(server, 'op-tariffs', 3, 3);
    expect(message(await post({ visibility: 'public', ...empty, body: 'hi' }))).toContain(
      'no text',
    );
    expect((await mexico.call('POST', '', 'not json')).status).toBe(400);

    const unknown = await mexico.call('POST', '/no-such-thread/messages', { body: 'hi' });
    expect(unknown.status).toBe(404);
    expect(message(unknown)).toBe('This thread does not exist.');

    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const created = await post({ visibility: 'public', anchor, quote, body: script });
    expect((created.body as ThreadResponse).thread.messages[0]?.body).toBe(script);
    const unknownMessage = await mexico.call(
      'PATCH',
      `/${(created.body as ThreadResponse).thread.id}/messages/nope`,
      { body: 'x' },
    );
    expect(unknownMessage.status).toBe(404);
  });

  it('answers an unknown thread and another delegation’s private thread alike', async () => {
    const { server } = await startServer();
    const mexico = await as(server, 'mx.delegate');
    const us = await as(server, 'us.delegate');
    const { anchor, quote } = await demoAnchor(server, 'op-tariffs', 0, 6);
    const secret = await mexico.call('POST', '', {
      visibility: 'private',
      anchor,
      quote,
      body: 'ours only',
    });
    const secretId = (secret.body as ThreadResponse).thread.id;
    for (const [method, rest, body] of [
      ['POST', '/messages', { body: 'hi' }],
      ['PUT', '/resolved', { resolved: true }],
      ['PUT', '/read', undefined],
    ] as const) {
      const hidden = await us.call(method, `/${secretId}${rest}`, body);
      const missing = await us.call(method, `/00000000-0000-0000-0000-000000000000${rest}`, body);
      expect(hidden).toEqual(missing);
    }
  });
});

describe('anchors', () => {
  it('follow their words while another delegation edits before them, and detach when deleted', async () => {
    const { server } = await startServer();
    const mexico = await openClient(server, 'mx.delegate');
    const us = await openClient(server, 'us.delegate');
    const mexicoApi = await as(server, 'mx.delegate');
    const words = 'tariffs';
    const text = clauseText(mexico.doc, 'op-tariffs');
    const from = text.toString().indexOf(words);
    expect(from).toBeGreaterThan(0);
    const anchor = createThreadAnchor(text, from, from + words.length);
    const created = await mexicoApi.call('POST', '', {
      visibility: 'public',
      anchor,
      quote: words,
      body: 'On tariffs',
    });
    expect(created.status).toBe(201);
    const { thread } = created.body as ThreadResponse;
    expect(thread.quote).toBe(words);

    clauseText(us.doc, 'op-tariffs').insert(0, 'Moreover, ');
    await until(
      () => clauseText(mexico.doc, 'op-tariffs').toString().startsWith('Moreover, '),
      'edit arrives',
    );
    const moved = resolveThreadAnchor(mexico.doc, thread.anchor);
    expect(moved.ok && moved.value.quote).toBe(words);
    expect(moved.ok && moved.value.from).toBe(from + 'Moreover, '.length);
    const onServer = resolveThreadAnchor(await storedDoc(server), thread.anchor);
    expect(onServer.ok && onServer.value.quote).toBe(words);

    const usText = clauseText(us.doc, 'op-tariffs');
    usText.delete(usText.toString().indexOf(words) - 1, words.length + 2);
    await until(
      () => !clauseText(mexico.doc, 'op-tariffs').toString().includes(words),
      'delete arrives',
    );
    const detached = resolveThreadAnchor(mexico.doc, thread.anchor);
    expect(detached.ok && detached.value.from === detached.value.to).toBe(true);
    const list = (await mexicoApi.call('GET', '')).body as ThreadListResponse;
    expect(list.threads.find((t) => t.id === thread.id)?.quote).toBe(words);
  });
});
