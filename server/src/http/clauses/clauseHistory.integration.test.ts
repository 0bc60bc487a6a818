import { clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { ClauseHistoryResponse, ClauseListResponse } from '@accord/shared/protocol/api';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../seed/demo';
import { SERVER_AUTHOR } from '../../storage/storage';
import { apiRequest } from '../../testing/apiClient';
import { clauseText } from '../../testing/testClient';
import { type RunningTestServer, signIn } from '../../testing/testServer';
import {
  closeAll,
  demoDocumentId,
  openClient,
  startServer,
  storedDoc,
  until,
} from '../../testing/wsTestClients';

/**
 * Authorship and history end to end (issue 3): who proposed a clause, who changed its text and
 * when, coalesced per person and minute; all of it kept across a restart.
 */

afterEach(closeAll);

async function get<T>(server: RunningTestServer, path: string): Promise<T> {
  const cookie = await signIn(server, 'observer', DEMO_PASSWORD);
  const reply = await apiRequest(
    server,
    cookie,
    'GET',
    `/api/documents/${demoDocumentId(server)}${path}`,
  );
  expect(reply.status).toBe(200);
  return reply.body as T;
}

async function userId(server: RunningTestServer, username: string): Promise<string> {
  const user = await server.storage.users.byUsername(username);
  if (user === undefined) throw new Error(`No demo user ${username}.`);
  return user.id;
}

/** Adds a clause the way the editor does: an element with its id, kind and text. */
function addClause(doc: Y.Doc, index: number, id: string | null, text: string): Y.XmlElement {
  const clause = new Y.XmlElement('clause');
  doc.transact(() => {
    doc.getXmlFragment('default').insert(index, [clause]);
    if (id !== null) clause.setAttribute('id', id);
    clause.setAttribute('kind', 'operative');
    clause.insert(0, [new Y.XmlText(text)]);
  });
  return clause;
}

const storedText = async (server: RunningTestServer, clauseId: string) =>
  clauseText(await storedDoc(server), clauseId).toString();

describe('clause authorship', () => {
  it('records the delegation and user who created a clause as its proposer', async () => {
    const { server } = await startServer();
    const guatemala = await openClient(server, 'gt.delegate');
    const canada = await openClient(server, 'ca.delegate');
    addClause(guatemala.doc, 2, 'op-gt-new', 'Guatemala proposes this.');
    await until(() => canada.doc.getMap('accord').has('op-gt-new'), 'Canada sees the proposer');
    expect(readClauseMeta(canada.doc.getMap('accord'), 'op-gt-new')?.proposer).toMatchObject({
      delegation: 'GT',
      userId: await userId(server, 'gt.delegate'),
    });

    // A clause whose id arrives in a later update is proposed by whoever gave it the id.
    const unitedStates = await openClient(server, 'us.delegate');
    const late = addClause(unitedStates.doc, 3, null, 'An id comes later.');
    late.setAttribute('id', 'op-us-late');
    await until(() => canada.doc.getMap('accord').has('op-us-late'), 'Canada sees the proposer');

    const list = await get<ClauseListResponse>(server, '/clauses');
    const byId = (id: string) => list.clauses.find((clause) => clause.id === id);
    expect(byId('op-gt-new')).toMatchObject({
      kind: 'operative',
      text: 'Guatemala proposes this.',
      status: 'open',
      proposer: { delegation: 'GT' },
    });
    expect(byId('op-us-late')?.proposer?.delegation).toBe('US');
    // The seeded clauses are the Chair's first draft: no delegation proposed them.
    expect(byId('pp-root-causes')?.proposer).toBeNull();
    expect(list.clauses.map((clause) => clause.label).slice(0, 3)).toEqual(['PP1', 'OP1', 'OP2']);
    expect(list.counts.total).toBe(list.clauses.length);
    expect(list.counts.bracketed).toBeGreaterThan(0);
  });
});

describe('clause history', () => {
  it('records who changed what and when, one change per person per minute of typing', async () => {
    let clock = Date.now();
    const { server } = await startServer({ now: () => clock });
    const original = await storedText(server, 'op-jobs');
    const mexico = await openClient(server, 'mx.delegate');
    const unitedStates = await openClient(server, 'us.delegate');
    const edit = async (client: typeof mexico, text: string) => {
      clauseText(client.doc, 'op-jobs').insert(0, text);
      const expected = clauseText(client.doc, 'op-jobs').toString();
      await until(
        async () => (await storedText(server, 'op-jobs')) === expected,
        `"${text}" is stored`,
      );
      await until(
        () =>
          clauseText(mexico.doc, 'op-jobs').toString() === expected &&
          clauseText(unitedStates.doc, 'op-jobs').toString() === expected,
        `"${text}" reached everyone`,
      );
    };
    const start = clock;
    await edit(mexico, 'a');
    clock += 10_000;
    await edit(mexico, 'b');
    clock += 1_000;
    await edit(unitedStates, 'c');
    clock += 1_000;
    await edit(mexico, 'd');
    clock += 61_000;
    await edit(mexico, 'e');

    const history = await get<ClauseHistoryResponse>(server, '/clauses/op-jobs/history');
    expect(history.clause).toEqual({
      id: 'op-jobs',
      label: 'OP4',
      text: `edcba${original}`,
      removed: false,
    });
    expect(history.changes).toEqual([
      {
        at: start + 73_000,
        userId: await userId(server, 'mx.delegate'),
        displayName: 'Sofía Ramírez',
        delegation: 'MX',
        textBefore: `dcba${original}`,
        textAfter: `edcba${original}`,
        event: null,
      },
      expect.objectContaining({
        at: start + 12_000,
        delegation: 'MX',
        textAfter: `dcba${original}`,
      }),
      expect.objectContaining({
        at: start + 11_000,
        displayName: 'Elena Marsh',
        delegation: 'US',
        textBefore: `ba${original}`,
        textAfter: `cba${original}`,
      }),
      expect.objectContaining({
        at: start + 10_000,
        delegation: 'MX',
        textBefore: original,
        textAfter: `ba${original}`,
      }),
    ]);
  });

  it('answers 404 for a clause that is not in the draft and 403 to a non-member', async () => {
    const { server } = await startServer();
    const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    const path = `/api/documents/${demoDocumentId(server)}/clauses`;
    expect((await apiRequest(server, cookie, 'GET', `${path}/op-nope/history`)).status).toBe(404);
    const negotiation = (await server.storage.negotiations.list())[0]!;
    await server.storage.negotiations.removeMembership(
      negotiation.id,
      await userId(server, 'mx.delegate'),
    );
    expect((await apiRequest(server, cookie, 'GET', `${path}/op-jobs/history`)).status).toBe(403);
    expect((await apiRequest(server, cookie, 'GET', path)).status).toBe(403);
  });
});

describe('clauses across a restart', () => {
  it('keep proposers, positions, clearings and history; old clients still sync', async () => {
    const first = await startServer();
    const canada = await openClient(first.server, 'ca.delegate');
    const cookie = await signIn(first.server, 'us.delegate', DEMO_PASSWORD);
    const positionPath = (server: RunningTestServer, clauseId: string) =>
      `/api/documents/${demoDocumentId(server)}/clauses/${clauseId}/position`;
    await apiRequest(first.server, cookie, 'PUT', positionPath(first.server, 'op-tariffs'), {
      position: 'agree',
    });
    await apiRequest(first.server, cookie, 'PUT', positionPath(first.server, 'op-jobs'), {
      position: 'object',
    });
    await until(() => canada.doc.getMap('accord').has('op-jobs'), 'Canada sees the positions');
    clauseText(canada.doc, 'op-jobs').insert(0, 'Canada: ');
    addClause(canada.doc, 2, 'op-ca-new', 'Canada proposes.');
    await until(
      async () =>
        readClauseMeta(clauseMetaMap(await storedDoc(first.server)), 'op-jobs')?.cleared.length ===
          1 && clauseMetaMap(await storedDoc(first.server)).has('op-ca-new'),
      'the clearing and the proposer are stored',
    );
    const before = await get<ClauseListResponse>(first.server, '/clauses');
    const historyBefore = await get<ClauseHistoryResponse>(
      first.server,
      '/clauses/op-jobs/history',
    );
    const canadaState = Y.encodeStateAsUpdate(canada.doc);
    await first.close();

    const { server } = await startServer({ dataDir: first.server.dataDir });
    expect(await get<ClauseListResponse>(server, '/clauses')).toEqual(before);
    expect(await get<ClauseHistoryResponse>(server, '/clauses/op-jobs/history')).toEqual(
      historyBefore,
    );
    const byId = (id: string) => before.clauses.find((clause) => clause.id === id);
    expect(byId('op-tariffs')?.positions.US?.position).toBe('agree');
    expect(byId('op-jobs')?.cleared).toEqual([
      expect.objectContaining({ delegation: 'US', byDelegation: 'CA' }),
    ]);
    expect(byId('op-ca-new')?.proposer?.delegation).toBe('CA');

    // The server writes again after the restart, and a client coming back with its old state
    // (which repeats the server's earlier deletions) is accepted and sees everything.
    const again = await signIn(server, 'us.delegate', DEMO_PASSWORD);
    const reply = await apiRequest(server, again, 'PUT', positionPath(server, 'op-tariffs'), {
      position: 'reserve',
    });
    expect(reply.status).toBe(200);
    const returning = await openClient(server, 'ca.delegate', canadaState);
    await until(
      () =>
        readClauseMeta(returning.doc.getMap('accord'), 'op-tariffs')?.positions.US?.position ===
        'reserve',
      'the returning client sees the new position',
    );
    clauseText(returning.doc, 'op-tariffs').insert(0, 'Back: ');
    await until(
      async () => (await storedText(server, 'op-tariffs')).startsWith('Back: '),
      'the edit is stored',
    );
    expect(returning.closes).toEqual([]);
    // The server went on writing as the client id it had before the restart.
    const owners = [
      ...(await server.storage.updates.clientOwners(demoDocumentId(server))).values(),
    ];
    expect(owners.filter((owner) => owner === SERVER_AUTHOR)).toHaveLength(1);
  });
});
