import { readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { PARTY_CODES } from '@accord/shared/domain/delegations';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { apiRequest } from '../../testing/apiClient';
import { isLockedIn, setLock } from '../../testing/lockTestKit';
import { type RunningTestServer, signIn } from '../../testing/testServer';
import {
  closeAll,
  demoDocumentId,
  openClient,
  startServer,
  until,
} from '../../testing/wsTestClients';

/** Locking through the HTTP API: who may, when a reason is needed, and what it freezes. */

afterEach(closeAll);

const CLAUSE = 'op-tariffs';

async function agreeAll(server: RunningTestServer, clauseId: string): Promise<void> {
  for (const code of PARTY_CODES) {
    const cookie = await signIn(server, `${code.toLowerCase()}.delegate`, DEMO_PASSWORD);
    const reply = await apiRequest(
      server,
      cookie,
      'PUT',
      `/api/documents/${demoDocumentId(server)}/clauses/${clauseId}/position`,
      { position: 'agree' },
    );
    expect(reply.status).toBe(200);
  }
}

describe('PUT /api/documents/:id/clauses/:clauseId/lock', () => {
  it('is for moderators only (403 for a delegate)', async () => {
    const { server } = await startServer();
    const reply = await setLock(server, CLAUSE, true, 'reason', 'mx.delegate');
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('needs a reason unless the clause is agreed (L3); unlocking always needs one', async () => {
    const { server } = await startServer();
    const agreedClause = 'op-jobs';
    const without = await setLock(server, agreedClause, true, null);
    expect(without.status).toBe(400);
    expect(without.body).toMatchObject({ error: { code: 'bad_request' } });
    await agreeAll(server, agreedClause);
    const locked = await setLock(server, agreedClause, true, null);
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ lock: { delegation: 'CHAIR', reason: null } });
    expect((await setLock(server, agreedClause, true, null)).status).toBe(409);
    expect((await setLock(server, agreedClause, false, '  ')).status).toBe(400);
    expect((await setLock(server, agreedClause, false, 'MX asked to reopen')).status).toBe(200);
  });

  it('needs a reason to lock a clause all five agree with while it is still in brackets (L3)', async () => {
    // One definition of agreed (`clauseAgreed`): "[at least ninety days]" is not agreed text,
    // whatever the positions say, so locking it is an exception the Chair must explain.
    const { server } = await startServer();
    await agreeAll(server, CLAUSE);
    const without = await setLock(server, CLAUSE, true, null);
    expect(without.status).toBe(400);
    expect(without.body).toMatchObject({ error: { code: 'bad_request' } });
    const withReason = await setLock(server, CLAUSE, true, 'Brackets to be cleared by capitals');
    expect(withReason.status).toBe(200);
    expect(withReason.body).toMatchObject({
      lock: { reason: 'Brackets to be cleared by capitals' },
    });
  });

  it('shows the lock live to every client, with who and when', async () => {
    const { server } = await startServer();
    const watcher = await openClient(server, 'gt.delegate');
    expect((await setLock(server, CLAUSE, true, 'Agreed ad ref pending capitals')).status).toBe(
      200,
    );
    await until(() => isLockedIn(watcher.doc, CLAUSE), 'the watcher sees the lock');
    const lock = readClauseMeta(watcher.doc.getMap('accord'), CLAUSE)?.lock;
    expect(lock).toMatchObject({ delegation: 'CHAIR', reason: 'Agreed ad ref pending capitals' });
    expect(lock?.userId).toBe((await server.storage.users.byUsername('chair'))?.id);
  });

  it("freezes the clause's positions while locked (409)", async () => {
    const { server } = await startServer();
    await setLock(server, CLAUSE, true, 'Frozen');
    const cookie = await signIn(server, 'us.delegate', DEMO_PASSWORD);
    const reply = await apiRequest(
      server,
      cookie,
      'PUT',
      `/api/documents/${demoDocumentId(server)}/clauses/${CLAUSE}/position`,
      { position: 'object' },
    );
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: 'conflict' } });
  });

  it('404 for a clause that is not in the draft', async () => {
    const { server } = await startServer();
    expect((await setLock(server, 'no-such-clause', true, 'x')).status).toBe(404);
  });
});

describe('POST /api/documents/:id/clauses/lock-agreed', () => {
  it('locks exactly the clauses all five agree with', async () => {
    const { server } = await startServer();
    await agreeAll(server, 'op-jobs');
    await agreeAll(server, 'pp-root-causes');
    // All five agree, but the text still has brackets: not agreed, not locked.
    await agreeAll(server, 'pp-usmca');
    const path = `/api/documents/${demoDocumentId(server)}/clauses/lock-agreed`;
    const delegate = await signIn(server, 'us.delegate', DEMO_PASSWORD);
    expect((await apiRequest(server, delegate, 'POST', path)).status).toBe(403);
    const chair = await signIn(server, 'chair', DEMO_PASSWORD);
    const reply = await apiRequest(server, chair, 'POST', path);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ locked: ['pp-root-causes', 'op-jobs'] });
    const again = await apiRequest(server, chair, 'POST', path);
    expect(again.body).toEqual({ locked: [] });
  });
});
