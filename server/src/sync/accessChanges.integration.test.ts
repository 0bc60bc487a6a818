import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import {
  THREAD_EVENTS,
  type ThreadListResponse,
  type ThreadResponse,
} from '@accord/shared/protocol/threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seed/demo';
import { runAdmin } from '../testing/adminCli';
import { apiRequest } from '../testing/apiClient';
import { type Attacker, closedWith, openAttacker } from '../testing/lockTestKit';
import { clauseText } from '../testing/testClient';
import { type RunningTestServer, signIn } from '../testing/testServer';
import { openThreadEvents, type ThreadEventClient } from '../testing/threadEventClient';
import { addExtraMembers, demoAnchor, threadsPath } from '../testing/threadTestSetup';
import {
  closeAll,
  demoDocumentId,
  onCleanup,
  openClient,
  roundTrip,
  startServer,
  storedDoc,
  until,
} from '../testing/wsTestClients';

/**
 * S10: a change of role, delegation, membership or
 * account state made with the real admin tool — another process on the same SQLite file —
 * reaches every open sync socket and comment channel of the person within 2 s, and nothing
 * they send after the change is applied. The server runs on port 0 with a temporary data folder.
 */

afterEach(closeAll);

/** How soon an access change must reach an open connection that sends nothing. */
const REACH_MS = 2_000;

/** The clause the writes go into (unlocked in the demo). */
const CLAUSE = 'op-jobs';

async function negotiationId(server: RunningTestServer): Promise<string> {
  const negotiation = (await server.storage.negotiations.list())[0];
  if (negotiation === undefined) throw new Error('The demo negotiation is missing.');
  return negotiation.id;
}

async function storedClause(server: RunningTestServer): Promise<string> {
  return clauseText(await storedDoc(server), CLAUSE).toString();
}

/** Writes `words` at the start of the clause through the attacker's raw socket. */
function write(attacker: Attacker, words: string): void {
  attacker.send(attacker.craft((doc) => clauseText(doc, CLAUSE).insert(0, words)));
}

/** An open socket that has written once, accepted: the rights it was opened with work. */
async function writerWithRights(server: RunningTestServer, username: string): Promise<Attacker> {
  const attacker = await openAttacker(server, username);
  write(attacker, 'Accepted before. ');
  await roundTrip(attacker.socket.ws, attacker.doc);
  expect(await storedClause(server)).toContain('Accepted before. ');
  return attacker;
}

/**
 * Opens a writing socket and an idle stock provider for `username`, runs the admin tool, then
 * writes at once: the write is not applied, the writer is closed with `code` and a reason
 * matching `reason`, and the idle socket is closed too, within `REACH_MS` of the tool's exit.
 */
async function expectChangeReaches(
  server: RunningTestServer,
  username: string,
  adminArgs: string[],
  code: number,
  reason: RegExp,
): Promise<void> {
  const writer = await writerWithRights(server, username);
  const idle = await openClient(server, username);
  const run = await runAdmin(server, adminArgs);
  expect(run.code, run.stderr).toBe(0);
  write(writer, 'Sent after the change. ');
  const closed = await closedWith(writer.socket);
  expect(closed.code).toBe(code);
  expect(closed.reason).toMatch(reason);
  await until(
    () => idle.closes.includes(code),
    'the idle socket is closed',
    REACH_MS - (performance.now() - run.exitedAt),
  );
  expect(await storedClause(server)).not.toContain('Sent after the change.');
  expect(await storedClause(server)).toContain('Accepted before. ');
}

describe('S10: access changes made with the admin tool reach open connections', () => {
  it('a delegate demoted to observer: the next write is not applied; the socket closes saying why', async () => {
    const { server } = await startServer();
    await expectChangeReaches(
      server,
      'mx.delegate',
      [
        'user',
        'assign',
        'mx.delegate',
        '--negotiation',
        await negotiationId(server),
        '--delegation',
        'MX',
        '--role',
        'observer',
      ],
      CLOSE_CODES.accessChanged,
      /Your role is now observer \(read only\)\./,
    );
    // Opened again, the draft is read only: the observer's writes are dropped, as ever.
    const again = await openAttacker(server, 'mx.delegate');
    write(again, 'As an observer. ');
    await roundTrip(again.socket.ws, again.doc);
    expect(await storedClause(server)).not.toContain('As an observer.');
  });

  it('a disabled user: the next write is not applied; every socket closes with forbidden', async () => {
    const { server } = await startServer();
    await expectChangeReaches(
      server,
      'mx.delegate',
      ['user', 'disable', 'mx.delegate'],
      CLOSE_CODES.forbidden,
      /Your account has been disabled\./,
    );
  });

  it('a delegate moved to another delegation: the next write is not applied; the socket closes saying why', async () => {
    const { server } = await startServer();
    await expectChangeReaches(
      server,
      'mx.delegate',
      [
        'user',
        'assign',
        'mx.delegate',
        '--negotiation',
        await negotiationId(server),
        '--delegation',
        'GT',
        '--role',
        'delegate',
      ],
      CLOSE_CODES.accessChanged,
      /You now represent Guatemala\./,
    );
  });

  it('a member removed from the negotiation: the next write is not applied; the socket closes with forbidden', async () => {
    const { server } = await startServer();
    await expectChangeReaches(
      server,
      'mx.delegate',
      ['user', 'remove', 'mx.delegate', '--negotiation', await negotiationId(server)],
      CLOSE_CODES.forbidden,
      /no longer a member of this negotiation/,
    );
    const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    const draft = await apiRequest(
      server,
      cookie,
      'GET',
      `/api/documents/${demoDocumentId(server)}`,
    );
    expect(draft.status).toBe(403);
  });

  it('reaches sockets and comment channels that send nothing within 2 s, and leaves others alone', async () => {
    const { server } = await startServer();
    const mexico = await openClient(server, 'mx.delegate');
    const canada = await openClient(server, 'ca.delegate');
    const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    const channel = await openThreadEvents(server, cookie, demoDocumentId(server));
    onCleanup(() => channel.close());
    let channelEndedAt: number | undefined;
    void channel.ended.then(() => {
      channelEndedAt = performance.now();
    });
    const run = await runAdmin(server, [
      'user',
      'assign',
      'mx.delegate',
      '--negotiation',
      await negotiationId(server),
      '--delegation',
      'MX',
      '--role',
      'observer',
    ]);
    expect(run.code, run.stderr).toBe(0);
    await until(
      () => mexico.closes.includes(CLOSE_CODES.accessChanged) && channelEndedAt !== undefined,
      'the socket and the channel end',
      REACH_MS - (performance.now() - run.exitedAt),
    );
    expect(canada.closes).toEqual([]);
  });
});

describe('S10, P4: the comment channel of a member moved to another delegation', () => {
  it('closes within 2 s, and no thread of the old delegation reaches them afterwards', async () => {
    const { server } = await startServer();
    await addExtraMembers(server);
    const mexicoCookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    const colleagueCookie = await signIn(server, 'mx.colleague', DEMO_PASSWORD);
    const { anchor, quote } = await demoAnchor(server, 'op-tariffs', 0, 6);
    const created = await apiRequest(server, mexicoCookie, 'POST', threadsPath(server), {
      visibility: 'private',
      anchor,
      quote,
      body: 'Hold firm on 2030',
    });
    expect(created.status).toBe(201);
    const secretId = (created.body as ThreadResponse).thread.id;
    const channel: ThreadEventClient = await openThreadEvents(
      server,
      mexicoCookie,
      demoDocumentId(server),
    );
    onCleanup(() => channel.close());
    await until(() => channel.events.length === 1, 'the snapshot');
    expect(channel.raw()).toContain(secretId);

    const run = await runAdmin(server, [
      'user',
      'assign',
      'mx.delegate',
      '--negotiation',
      await negotiationId(server),
      '--delegation',
      'GT',
      '--role',
      'delegate',
    ]);
    expect(run.code, run.stderr).toBe(0);
    let ended = false;
    void channel.ended.then(() => {
      ended = true;
    });
    await until(() => ended, 'the channel ends', REACH_MS - (performance.now() - run.exitedAt));

    const reply = await apiRequest(
      server,
      colleagueCookie,
      'POST',
      threadsPath(server, `/${secretId}/messages`),
      { body: 'Mexico only: fall back to 2032' },
    );
    expect(reply.status).toBe(201);
    // Opened again (as a browser's EventSource does), the channel serves the new delegation.
    const reopened = await openThreadEvents(server, mexicoCookie, demoDocumentId(server));
    onCleanup(() => reopened.close());
    await until(() => reopened.events.length === 1, 'the new snapshot');
    const snapshot = JSON.parse(reopened.events[0]?.data ?? '{}') as ThreadListResponse;
    expect(reopened.events[0]?.event).toBe(THREAD_EVENTS.snapshot);
    expect(snapshot.threads.map((thread) => thread.id)).not.toContain(secretId);
    for (const stream of [channel, reopened]) {
      expect(stream.raw()).not.toContain('fall back to 2032');
    }
    expect(reopened.raw()).not.toContain(secretId);
  });
});
