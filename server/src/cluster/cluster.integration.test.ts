import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { THREAD_EVENTS } from '@accord/shared/protocol/threads';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../seed/demo';
import type { PgStorage } from '../storage/postgres/PgStorage';
import { apiRequest } from '../testing/apiClient';
import { clusterKit } from '../testing/clusterTestKit';
import { LOCKED, UNLOCKED } from '../testing/lockScene';
import {
  clauseFingerprint,
  closedWith,
  isLockedIn,
  openAttacker,
  setLock,
} from '../testing/lockTestKit';
import { clauseText } from '../testing/testClient';
import type { RunningTestServer } from '../testing/testServer';
import { signIn } from '../testing/testServer';
import { openThreadEvents } from '../testing/threadEventClient';
import { addExtraMembers, demoAnchor } from '../testing/threadTestSetup';
import {
  type Client,
  closeAll,
  demoDocumentId,
  openClient,
  storedDoc,
  until,
} from '../testing/wsTestClients';

/**
 * SPEC H5 with real servers, PostgreSQL and Redis: clients spread over several servers meet
 * one authority per draft, whose rules hold whichever server a client (or attacker) uses.
 */

const kit = clusterKit('cluster');
afterEach(closeAll);
afterAll(() => kit.dropAll());

function owners(servers: RunningTestServer[]): RunningTestServer[] {
  return servers.filter((server) => server.sync.isLoaded(demoDocumentId(server)));
}

async function converged(clients: Client[], server: RunningTestServer): Promise<void> {
  const [first, ...rest] = clients;
  if (first === undefined) return;
  await until(
    () =>
      rest.every(
        (client) =>
          Y.encodeStateVector(client.doc).toString() === Y.encodeStateVector(first.doc).toString(),
      ),
    'every client has every update',
    15_000,
  );
  for (const client of rest) {
    expect(clauseText(client.doc, UNLOCKED).toString()).toBe(
      clauseText(first.doc, UNLOCKED).toString(),
    );
  }
  const stored = await storedDoc(server);
  expect(clauseText(stored, UNLOCKED).toString()).toBe(clauseText(first.doc, UNLOCKED).toString());
}

describe('several servers over PostgreSQL and Redis', () => {
  it('clients on three servers co-edit one clause at once and converge, with one owner', async () => {
    const { servers } = await kit.start(3);
    const [a, b, c] = servers as [RunningTestServer, RunningTestServer, RunningTestServer];
    const clients = [
      await openClient(a, 'us.delegate'),
      await openClient(b, 'mx.delegate'),
      await openClient(c, 'ca.delegate'),
      await openClient(b, 'sv.delegate'),
      await openClient(c, 'gt.delegate'),
    ];
    expect(owners(servers)).toEqual([a]);
    const initial = clauseText(clients[0]!.doc, UNLOCKED).length;
    let typed = 0;
    for (let round = 0; round < 15; round++) {
      for (const [i, client] of clients.entries()) {
        const text = clauseText(client.doc, UNLOCKED);
        const word = ` w${i}.${round}`;
        text.insert((round * 7 + i * 13) % (text.length + 1), word);
        typed += word.length;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await converged(clients, b);
    // Words typed into one another split each other, but not one character is lost.
    expect(clauseText(clients[0]!.doc, UNLOCKED).length).toBe(initial + typed);
    expect(clients.flatMap((client) => client.closes)).toEqual([]);
  });

  it('refuses an edit of a locked clause sent through a server that does not own the draft', async () => {
    const { servers } = await kit.start(2);
    const [a, b] = servers as [RunningTestServer, RunningTestServer];
    const witness = await openClient(a, 'us.delegate');
    // The lock command goes to b, which forwards it to the owner.
    expect((await setLock(b, LOCKED, true)).status).toBe(200);
    await until(() => isLockedIn(witness.doc, LOCKED), 'the witness sees the lock');
    const before = clauseFingerprint(witness.doc, LOCKED);
    const stored = (await a.storage.updates.stats(demoDocumentId(a))).updates;
    const attacker = await openAttacker(b);
    attacker.send(
      attacker.craft((doc) => {
        clauseText(doc, LOCKED).insert(0, 'ninety days at most ');
      }),
    );
    const closed = await closedWith(attacker.socket);
    expect(closed.code).toBe(CLOSE_CODES.clauseLocked);
    expect(closed.reason).toContain('OP3 is locked by the Chair');
    expect((await b.storage.updates.stats(demoDocumentId(b))).updates).toBe(stored);
    expect(clauseFingerprint(await storedDoc(b), LOCKED)).toBe(before);
    expect(clauseFingerprint(witness.doc, LOCKED)).toBe(before);
    expect(owners(servers)).toEqual([a]);
    expect(witness.closes).toEqual([]);
  });

  it('answers a draft request through any server as its owner does, and moves no lease for a refused one', async () => {
    const { servers } = await kit.start(2);
    const [a, b] = servers as [RunningTestServer, RunningTestServer];
    await openClient(a, 'us.delegate');
    const id = demoDocumentId(a);
    const health = await fetch(`${b.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', ok: true, storage: 'ok', redis: 'ok' });
    const anonymous = await fetch(`${b.url}/api/documents/${id}/clauses`, {
      headers: { origin: b.url },
    });
    expect(anonymous.status).toBe(401);
    const cookie = await signIn(b, 'mx.delegate', DEMO_PASSWORD);
    const missing = await apiRequest(b, cookie, 'GET', '/api/documents/no-such-draft/clauses');
    expect(missing.status).toBe(404);
    expect(await (b.storage as PgStorage).leases.holder('no-such-draft')).toBeNull();
    const viaB = await apiRequest(b, cookie, 'GET', `/api/documents/${id}/clauses`);
    const viaA = await apiRequest(a, cookie, 'GET', `/api/documents/${id}/clauses`);
    expect(viaB.status).toBe(200);
    expect(viaB.body).toEqual(viaA.body);
    // A request that claims to have been forwarded already is not sent on again.
    const bounced = await fetch(`${b.url}/api/documents/${id}/clauses`, {
      headers: { origin: b.url, cookie, 'x-accord-forwarded-by': 'someone' },
    });
    expect(bounced.status).toBe(503);
    expect(((await bounced.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    expect(owners(servers)).toEqual([a]);
  });

  it("brings Mexico's private thread to its colleague on another server, never to the US", async () => {
    const { servers } = await kit.start(3);
    const [a, b, c] = servers as [RunningTestServer, RunningTestServer, RunningTestServer];
    await addExtraMembers(a);
    await openClient(a, 'chair');
    const id = demoDocumentId(a);
    const us = await openThreadEvents(c, await signIn(c, 'us.delegate', DEMO_PASSWORD), id);
    const colleague = await openThreadEvents(b, await signIn(b, 'mx.colleague', DEMO_PASSWORD), id);
    await until(() => us.events.length > 0 && colleague.events.length > 0, 'snapshots');
    const { anchor, quote } = await demoAnchor(a, 'op-tariffs', 0, 6);
    const mexico = await signIn(c, 'mx.delegate', DEMO_PASSWORD);
    const secret = await apiRequest(c, mexico, 'POST', `/api/documents/${id}/threads`, {
      visibility: 'private',
      anchor,
      quote,
      body: 'Hold firm on 2030',
    });
    expect(secret.status).toBe(201);
    const open = await apiRequest(c, mexico, 'POST', `/api/documents/${id}/threads`, {
      visibility: 'public',
      anchor,
      quote,
      body: 'We propose 2032',
    });
    expect(open.status).toBe(201);
    const threadEvents = (events: { event: string; data: string }[]) =>
      events.filter((event) => event.event === THREAD_EVENTS.thread).map((event) => event.data);
    await until(
      () =>
        threadEvents(colleague.events).some((data) => data.includes('Hold firm on 2030')) &&
        threadEvents(us.events).some((data) => data.includes('We propose 2032')),
      'the colleague sees the private thread and the US the public one',
    );
    // The public thread reached the US after the private one was written: nothing is pending.
    expect(us.raw()).not.toContain('Hold firm on 2030');
    expect(owners(servers)).toEqual([a]);
    us.close();
    colleague.close();
  });
});
