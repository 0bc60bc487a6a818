import { type ClauseMeta, clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { ClauseListResponse } from '@accord/shared/protocol/api';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { apiRequest } from '../../testing/apiClient';
import { clauseText } from '../../testing/testClient';
import { type RunningTestServer, signIn } from '../../testing/testServer';
import {
  closeAll,
  demoDocumentId,
  openClient,
  providerSocket,
  roundTrip,
  startServer,
  storedDoc,
  until,
} from '../../testing/wsTestClients';

/**
 * Positions end to end (issue 3): the real server on port 0 with SQLite in a temp folder, the
 * HTTP command checked by the shared policy, and stock y-websocket providers that see the
 * server-written meta map live.
 */

afterEach(closeAll);

async function statePosition(
  server: RunningTestServer,
  username: string,
  clauseId: string,
  body: unknown,
) {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  return apiRequest(
    server,
    cookie,
    'PUT',
    `/api/documents/${demoDocumentId(server)}/clauses/${clauseId}/position`,
    body,
  );
}

async function userId(server: RunningTestServer, username: string): Promise<string> {
  const user = await server.storage.users.byUsername(username);
  if (user === undefined) throw new Error(`No demo user ${username}.`);
  return user.id;
}

describe('PUT /api/documents/:documentId/clauses/:clauseId/position', () => {
  it("lets a Mexican delegate state Mexico's position, not the United States'", async () => {
    const { server } = await startServer();
    const own = await statePosition(server, 'mx.delegate', 'op-tariffs', { position: 'reserve' });
    expect(own.status).toBe(200);
    const meta = own.body as ClauseMeta;
    expect(meta.positions.MX).toMatchObject({
      position: 'reserve',
      userId: await userId(server, 'mx.delegate'),
      textHash: meta.textHash,
    });
    const foreign = await statePosition(server, 'mx.delegate', 'op-tariffs', {
      position: 'object',
      delegation: 'US',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: { code: 'forbidden' } });
    const stored = readClauseMeta(clauseMetaMap(await storedDoc(server)), 'op-tariffs');
    expect(stored?.positions).toEqual(meta.positions);
    expect(stored?.positions.US).toBeUndefined();
  });

  it('refuses observers and the chair, for their own delegation or any other', async () => {
    const { server } = await startServer();
    for (const username of ['observer', 'chair']) {
      for (const body of [{ position: 'agree' }, { position: 'agree', delegation: 'CA' }]) {
        const reply = await statePosition(server, username, 'op-jobs', body);
        expect(reply.status).toBe(403);
      }
    }
    expect(clauseMetaMap(await storedDoc(server)).has('op-jobs')).toBe(false);
  });

  it('answers 404 for an unknown clause, 400 for a bad body, 401 signed out', async () => {
    const { server } = await startServer();
    expect(
      (await statePosition(server, 'gt.delegate', 'op-nope', { position: 'agree' })).status,
    ).toBe(404);
    for (const body of [{ position: 'veto' }, {}, { position: 'agree', delegation: 'XX' }]) {
      const reply = await statePosition(server, 'gt.delegate', 'op-jobs', body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'bad_request' } });
    }
    const path = `/api/documents/${demoDocumentId(server)}/clauses/op-jobs/position`;
    expect((await apiRequest(server, null, 'PUT', path, { position: 'agree' })).status).toBe(401);
    const unknownDocument = await apiRequest(
      server,
      await signIn(server, 'gt.delegate', DEMO_PASSWORD),
      'PUT',
      '/api/documents/nope/clauses/op-jobs/position',
      { position: 'agree' },
    );
    expect(unknownDocument.status).toBe(404);
  });

  it('refuses a request from a foreign origin before doing anything', async () => {
    const { server } = await startServer();
    const cookie = await signIn(server, 'gt.delegate', DEMO_PASSWORD);
    const response = await fetch(
      `${server.url}/api/documents/${demoDocumentId(server)}/clauses/op-jobs/position`,
      {
        method: 'PUT',
        headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ position: 'agree' }),
      },
    );
    expect(response.status).toBe(403);
    expect(clauseMetaMap(await storedDoc(server)).has('op-jobs')).toBe(false);
  });

  it('withdraws a position with null', async () => {
    const { server } = await startServer();
    await statePosition(server, 'sv.delegate', 'op-jobs', { position: 'agree' });
    const withdrawn = await statePosition(server, 'sv.delegate', 'op-jobs', { position: null });
    expect(withdrawn.status).toBe(200);
    expect((withdrawn.body as ClauseMeta).positions).toEqual({});
  });
});

describe('positions live in the Yjs document', () => {
  it("appear in another client's doc under the 'accord' map", async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    await statePosition(server, 'mx.delegate', 'op-investment', { position: 'agreeAdRef' });
    await until(
      () =>
        readClauseMeta(canada.doc.getMap('accord'), 'op-investment')?.positions.MX !== undefined,
      'Canada sees the position',
    );
    expect(
      readClauseMeta(canada.doc.getMap('accord'), 'op-investment')?.positions.MX,
    ).toMatchObject({
      position: 'agreeAdRef',
      userId: await userId(server, 'mx.delegate'),
    });
  });

  it('are cleared when the clause text changes, and everyone sees why and by whom', async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    const mexico = await openClient(server, 'mx.delegate');
    await statePosition(server, 'us.delegate', 'op-returns', { position: 'agree' });
    await statePosition(server, 'gt.delegate', 'op-returns', { position: 'object' });
    await statePosition(server, 'sv.delegate', 'op-jobs', { position: 'agree' });
    await until(
      () =>
        Object.keys(readClauseMeta(mexico.doc.getMap('accord'), 'op-returns')?.positions ?? {})
          .length === 2,
      'Mexico sees both positions',
    );
    clauseText(canada.doc, 'op-returns').insert(0, 'Canada: ');
    const metaOf = () => readClauseMeta(mexico.doc.getMap('accord'), 'op-returns');
    await until(() => metaOf()?.cleared.length === 2, 'Mexico sees the positions cleared');
    expect(clauseText(mexico.doc, 'op-returns').toString()).toMatch(/^Canada: /);
    expect(metaOf()?.positions).toEqual({});
    expect(metaOf()?.cleared).toEqual([
      expect.objectContaining({
        delegation: 'US',
        position: 'agree',
        reason: 'textChanged',
        byDelegation: 'CA',
        byUserId: await userId(server, 'ca.delegate'),
      }),
      expect.objectContaining({ delegation: 'GT', position: 'object', byDelegation: 'CA' }),
    ]);
    // Another clause's position is untouched.
    expect(readClauseMeta(mexico.doc.getMap('accord'), 'op-jobs')?.positions.SV).toBeDefined();

    const cookie = await signIn(server, 'observer', DEMO_PASSWORD);
    const list = await apiRequest(
      server,
      cookie,
      'GET',
      `/api/documents/${demoDocumentId(server)}/clauses`,
    );
    const clauses = (list.body as ClauseListResponse).clauses;
    expect(clauses.find((clause) => clause.id === 'op-returns')).toMatchObject({
      positions: {},
      cleared: [
        expect.objectContaining({ delegation: 'US' }),
        expect.objectContaining({ delegation: 'GT' }),
      ],
    });
  });

  it('keep positions when only formatting changes, since the text they were given on holds', async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    const stated = await statePosition(server, 'us.delegate', 'op-jobs', { position: 'agree' });
    expect(stated.status).toBe(200);
    await until(() => canada.doc.getMap('accord').has('op-jobs'), 'Canada sees the position');
    const mexico = await openClient(server, 'mx.delegate');
    clauseText(canada.doc, 'op-jobs').format(0, 5, { bold: {} });
    await until(
      () => 'attributes' in (clauseText(mexico.doc, 'op-jobs').toDelta()[0] ?? {}),
      'Mexico sees the bold text',
    );
    // Anything the server sent after the text (a clearing would be) arrives before this reply.
    await roundTrip(providerSocket(mexico), mexico.doc);
    expect(readClauseMeta(mexico.doc.getMap('accord'), 'op-jobs')?.positions.US).toBeDefined();
    expect(readClauseMeta(clauseMetaMap(await storedDoc(server)), 'op-jobs')?.cleared).toEqual([]);
  });
});
