import { createHash } from 'node:crypto';
import { readClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { RevisionComparison } from '@accord/shared/revisions/compareRevisions';
import type {
  RevisionListResponse,
  RevisionResponse,
  RevisionSummary,
} from '@accord/shared/revisions/revisions';
import { ADOPTED_LOCK_REASON, type SilenceProcedureView } from '@accord/shared/revisions/silence';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ManualSilenceTimers } from '../../revisions/silenceTimers';
import { DEMO_PASSWORD } from '../../seed/demo';
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

/** Issued revisions, compare and the silence procedure through the real server (issue 15). */

afterEach(closeAll);

/** 5 December 2026, 15:00 UTC: the tests' clock starts here. */
const T0 = Date.UTC(2026, 11, 5, 15, 0);

async function call(
  server: RunningTestServer,
  username: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
) {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  return apiRequest(
    server,
    cookie,
    method,
    `/api/documents/${demoDocumentId(server)}${path}`,
    body,
  );
}

async function issue(server: RunningTestServer, note: string): Promise<RevisionSummary> {
  const reply = await call(server, 'chair', 'POST', '/revisions', { note });
  expect(reply.status).toBe(201);
  return reply.body as RevisionSummary;
}

async function setBase(server: RunningTestServer): Promise<void> {
  const reply = await call(server, 'chair', 'PUT', '/revisions/symbol-base', {
    symbolBase: 'ACCORD/2025/L.1',
  });
  expect(reply.status).toBe(200);
}

/** Adds a clause before `beforeId`, changes op-tariffs and deletes op-jobs, as Mexico. */
async function editAsMexico(server: RunningTestServer): Promise<void> {
  const mexico = await openClient(server, 'mx.delegate');
  const fragment = mexico.doc.getXmlFragment('default');
  const index = fragment
    .toArray()
    .findIndex(
      (node) => node instanceof Y.XmlElement && node.getAttribute('id') === 'op-investment',
    );
  const jobs = fragment
    .toArray()
    .findIndex((node) => node instanceof Y.XmlElement && node.getAttribute('id') === 'op-jobs');
  mexico.doc.transact(() => {
    fragment.delete(jobs, 1);
    const clause = new Y.XmlElement('clause');
    fragment.insert(index, [clause]);
    clause.setAttribute('id', 'op-new-mx');
    clause.setAttribute('kind', 'operative');
    clause.insert(0, [new Y.XmlText('Welcome the creation of a regional investment fund;')]);
  });
  const tariffs = clauseText(mexico.doc, 'op-tariffs');
  const at = tariffs.toString().indexOf('ninety');
  tariffs.delete(at, 'ninety'.length);
  tariffs.insert(at, 'sixty');
  await until(
    async () =>
      clauseText(await storedDoc(server), 'op-tariffs')
        .toString()
        .includes('sixty') &&
      (await storedDoc(server)).getXmlFragment('default').toString().includes('op-new-mx'),
    'the server has the edits',
  );
}

describe('issuing revisions', () => {
  it('refuses a delegate (403), an empty symbol (400) and a duplicate one (409)', async () => {
    const { server } = await startServer();
    expect((await call(server, 'mx.delegate', 'POST', '/revisions', { note: 'x' })).status).toBe(
      403,
    );
    const empty = await call(server, 'chair', 'POST', '/revisions', { note: 'x' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { message: expect.stringContaining('symbol') } });
    expect(
      (await call(server, 'chair', 'PUT', '/revisions/symbol-base', { symbolBase: '  ' })).status,
    ).toBe(400);
    expect(
      (await call(server, 'mx.delegate', 'PUT', '/revisions/symbol-base', { symbolBase: 'X' }))
        .status,
    ).toBe(403);
    await setBase(server);
    const first = await call(server, 'chair', 'POST', '/revisions', {
      note: 'x',
      symbol: 'ACCORD/2025/L.1/Rev.1',
    });
    expect(first.status).toBe(201);
    const duplicate = await call(server, 'chair', 'POST', '/revisions', {
      note: 'again',
      symbol: 'ACCORD/2025/L.1/Rev.1',
    });
    expect(duplicate.status).toBe(409);
    expect((await call(server, 'chair', 'GET', '/revisions')).body).toMatchObject({
      revisions: [{ number: 1 }],
    });
  });

  it('stores Rev.1, Rev.2… immutable, with the hash of the canonical JSON in the audit log', async () => {
    const { server } = await startServer();
    await setBase(server);
    const rev1 = await issue(server, "Chair's text after the first reading");
    expect(rev1).toMatchObject({ number: 1, symbol: 'ACCORD/2025/L.1/Rev.1' });
    await editAsMexico(server);
    const rev2 = await issue(server, "Chair's text after the second reading");
    expect(rev2).toMatchObject({ number: 2, symbol: 'ACCORD/2025/L.1/Rev.2' });

    const stored = await server.storage.revisions.byNumber(demoDocumentId(server), 1);
    expect(stored).toBeDefined();
    expect(
      createHash('sha256')
        .update(stored?.contentJson ?? '')
        .digest('hex'),
    ).toBe(rev1.sha256);
    // The stored V2 state holds the text as it was at issue time, not as it is now.
    const old = new Y.Doc();
    Y.applyUpdateV2(old, stored?.state ?? new Uint8Array());
    expect(clauseText(old, 'op-tariffs').toString()).toContain('ninety');

    const read = (await call(server, 'observer', 'GET', '/revisions/1')).body as RevisionResponse;
    expect(read.revision.sha256).toBe(rev1.sha256);
    expect(read.content.clauses.find((c) => c.id === 'op-tariffs')).toMatchObject({
      label: 'OP2',
      brackets: [],
    });
    expect((await call(server, 'observer', 'GET', '/revisions/9')).status).toBe(404);

    const entries = await server.storage.audit.list(
      (await server.storage.negotiations.list())[0]?.id ?? '',
    );
    expect(
      entries
        .filter((entry) => entry.action === 'revisionIssued')
        .map((entry) => JSON.parse(entry.detail).sha256),
    ).toEqual([rev1.sha256, rev2.sha256]);

    const cookie = await signIn(server, 'gt.delegate', DEMO_PASSWORD);
    const exported = await fetch(
      `${server.url}/api/documents/${demoDocumentId(server)}/revisions/1/export?format=txt`,
      { headers: { cookie } },
    );
    expect(exported.status).toBe(200);
    const text = await exported.text();
    expect(text).toContain('ACCORD/2025/L.1/Rev.1 — Rev.1, issued');
    expect(text).toContain('ninety');
    expect(text).not.toContain('sixty');
  });
});

describe('comparing', () => {
  it('aligns by id: added, deleted, renumbered and a word redline; current draft too', async () => {
    const { server } = await startServer();
    await setBase(server);
    await issue(server, 'first');
    await editAsMexico(server);
    await issue(server, 'second');
    const reply = await call(server, 'mx.delegate', 'GET', '/compare?from=1&to=2');
    expect(reply.status).toBe(200);
    const comparison = reply.body as RevisionComparison;
    const byId = new Map(comparison.clauses.map((clause) => [clause.id, clause]));
    expect(byId.get('op-new-mx')).toMatchObject({
      change: 'added',
      oldLabel: null,
      newLabel: 'OP1',
    });
    expect(byId.get('op-jobs')).toMatchObject({
      change: 'deleted',
      oldLabel: 'OP4',
      newLabel: null,
    });
    expect(byId.get('op-investment')).toMatchObject({
      change: 'moved',
      oldLabel: 'OP1',
      newLabel: 'OP2',
    });
    expect(byId.get('op-tariffs')).toMatchObject({
      change: 'modified',
      oldLabel: 'OP2',
      newLabel: 'OP3',
    });
    expect(byId.get('op-tariffs')?.redline).toEqual(
      expect.arrayContaining([
        { kind: 'deleted', text: 'ninety' },
        { kind: 'inserted', text: 'sixty' },
      ]),
    );
    // The deleted clause sits where it stood: after the clause before it in Rev.1.
    const order = comparison.clauses.map((clause) => clause.id);
    expect(order.indexOf('op-jobs')).toBe(order.indexOf('op-supply-chains') + 1);
    expect(comparison.concordance).toContainEqual({
      id: 'op-jobs',
      oldLabel: 'OP4',
      newLabel: null,
    });

    const current = (await call(server, 'mx.delegate', 'GET', '/compare?from=2&to=current'))
      .body as RevisionComparison;
    expect(current.counts).toMatchObject({ added: 0, deleted: 0, modified: 0, moved: 0 });

    const mine = (await call(server, 'mx.delegate', 'GET', '/compare?from=1&to=2&delegation=MX'))
      .body as RevisionComparison;
    expect(mine.clauses.map((clause) => clause.id)).toEqual(['op-new-mx']);

    expect((await call(server, 'mx.delegate', 'GET', '/compare?from=1&to=7')).status).toBe(404);
    expect((await call(server, 'mx.delegate', 'GET', '/compare?from=x&to=2')).status).toBe(400);
    expect(
      (await call(server, 'mx.delegate', 'GET', '/compare?from=1&to=2&format=odt')).status,
    ).toBe(400);
  });

  it('exports Word with real tracked changes by the issuer, the same bytes twice', async () => {
    const { server } = await startServer();
    await setBase(server);
    await issue(server, 'first');
    await editAsMexico(server);
    await issue(server, 'second');
    const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    const url = `${server.url}/api/documents/${demoDocumentId(server)}/compare?from=1&to=2&format=docx`;
    const first = new Uint8Array(await (await fetch(url, { headers: { cookie } })).arrayBuffer());
    const second = new Uint8Array(await (await fetch(url, { headers: { cookie } })).arrayBuffer());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const xml = new TextDecoder().decode(unzipSync(first)['word/document.xml']);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Amb. Ruth Okafor"[^>]*>.*?sixty/s);
    expect(xml).toMatch(/<w:del [^>]*w:author="Amb. Ruth Okafor"[^>]*>.*?<w:delText[^>]*>ninety/s);
    expect(xml).toContain('OP3, formerly OP2');

    for (const format of ['html', 'pdf']) {
      const reply = await fetch(url.replace('docx', format), { headers: { cookie } });
      expect(reply.status).toBe(200);
    }
  });
});

describe('the silence procedure', () => {
  async function underSilence(timers: ManualSilenceTimers, dataDir?: string) {
    const { server, close } = await startServer({
      now: timers.now,
      silenceTimers: timers,
      defaultTimeZone: 'America/New_York',
      ...(dataDir ? { dataDir } : {}),
    });
    return { server, close };
  }

  async function start(server: RunningTestServer, deadline: string) {
    return call(server, 'chair', 'POST', '/revisions/1/silence', { deadline });
  }

  it('ends at once when a delegation breaks it, with the reason shown to all', async () => {
    const timers = new ManualSilenceTimers(T0);
    const { server } = await underSilence(timers);
    await setBase(server);
    await issue(server, 'first');
    // The demo negotiation is in New York: 17:00 there is 22:00 UTC.
    expect(
      (
        await call(server, 'gt.delegate', 'POST', '/revisions/1/silence', {
          deadline: '2026-12-05T17:00',
        })
      ).status,
    ).toBe(403);
    expect((await start(server, '2026-12-05 25:00')).status).toBe(400);
    expect((await start(server, '2026-12-05T09:00')).status).toBe(400);
    const started = await start(server, '2026-12-05T17:00');
    expect(started.status).toBe(201);
    expect((started.body as SilenceProcedureView).deadline).toBe(Date.UTC(2026, 11, 5, 22, 0));
    expect((await call(server, 'chair', 'POST', '/revisions', { note: 'x' })).status).toBe(409);
    expect(
      (await call(server, 'gt.delegate', 'POST', '/silence/break', { reason: ' ' })).status,
    ).toBe(400);

    expect((await call(server, 'observer', 'POST', '/silence/break', { reason: 'x' })).status).toBe(
      403,
    );
    const broken = await call(server, 'gt.delegate', 'POST', '/silence/break', {
      reason: 'Guatemala cannot accept OP3 without the reduced tariff.',
    });
    expect(broken.status).toBe(200);
    const again = await call(server, 'sv.delegate', 'POST', '/silence/break', { reason: 'too' });
    expect(again.status).toBe(409);
    const list = (await call(server, 'observer', 'GET', '/revisions')).body as RevisionListResponse;
    expect(list.silence).toMatchObject({
      state: 'broken',
      brokenBy: { delegation: 'GT' },
      reason: 'Guatemala cannot accept OP3 without the reduced tariff.',
    });
    await timers.advanceTo(Date.UTC(2026, 11, 6));
    expect(
      readClauseMeta((await storedDoc(server)).getMap('accord'), 'op-tariffs')?.lock ?? null,
    ).toBeNull();
    expect(list.revisions[0]?.adoptedAt).toBeNull();
  });

  it('is refused on a revision the draft has changed since', async () => {
    const timers = new ManualSilenceTimers(T0);
    const { server } = await underSilence(timers);
    await setBase(server);
    await issue(server, 'first');
    await editAsMexico(server);
    const refused = await start(server, '2026-12-05T17:00');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: { message: expect.stringContaining('changed since Rev.1') },
    });
  });

  it("adopts at the deadline: clauses locked as the Chair's, final export allowed, once", async () => {
    const timers = new ManualSilenceTimers(T0);
    const { server } = await underSilence(timers);
    await setBase(server);
    await issue(server, 'first');
    expect((await start(server, '2026-12-05T17:00')).status).toBe(201);
    expect(
      (await call(server, 'chair', 'GET', '/revisions/1/export?format=txt&mode=final')).status,
    ).toBe(409);
    await timers.advanceTo(Date.UTC(2026, 11, 5, 22, 0));
    const lock = readClauseMeta((await storedDoc(server)).getMap('accord'), 'op-tariffs')?.lock;
    expect(lock).toMatchObject({ delegation: 'CHAIR', reason: ADOPTED_LOCK_REASON });
    const list = (await call(server, 'observer', 'GET', '/revisions')).body as RevisionListResponse;
    expect(list.silence?.state).toBe('adopted');
    expect(list.revisions[0]?.adoptedAt).toBe(Date.UTC(2026, 11, 5, 22, 0));
    const late = await call(server, 'gt.delegate', 'POST', '/silence/break', { reason: 'late' });
    expect(late.status).toBe(409);
    // The demo draft still has brackets: the final text is refused for them, not for the locks.
    const final = await call(server, 'chair', 'GET', '/revisions/1/export?format=txt&mode=final');
    expect(final.status).toBe(409);
    expect(JSON.stringify(final.body)).not.toContain('not locked');
    const adopted = (
      await server.storage.audit.list((await server.storage.negotiations.list())[0]?.id ?? '')
    ).filter((entry) => entry.action === 'silenceAdopted');
    expect(adopted).toHaveLength(1);
  });

  it('adopts, once, at the next start when the deadline passed while the server was down', async () => {
    const timers = new ManualSilenceTimers(T0);
    const first = await underSilence(timers);
    await setBase(first.server);
    await issue(first.server, 'first');
    expect((await start(first.server, '2026-12-05T17:00')).status).toBe(201);
    const { dataDir } = first.server;
    await first.close();

    const later = new ManualSilenceTimers(Date.UTC(2026, 11, 7));
    const second = await underSilence(later, dataDir);
    expect(
      readClauseMeta((await storedDoc(second.server)).getMap('accord'), 'op-tariffs')?.lock,
    ).toMatchObject({
      reason: ADOPTED_LOCK_REASON,
    });
    await second.close();
    const third = await underSilence(new ManualSilenceTimers(Date.UTC(2026, 11, 8)), dataDir);
    const negotiationId = (await third.server.storage.negotiations.list())[0]?.id ?? '';
    expect(
      (await third.server.storage.audit.list(negotiationId)).filter(
        (entry) => entry.action === 'silenceAdopted',
      ),
    ).toHaveLength(1);
    // Adopted as of its deadline, whenever the server got to record it.
    expect(
      (await third.server.storage.revisions.byNumber(demoDocumentId(third.server), 1))?.adoptedAt,
    ).toBe(Date.UTC(2026, 11, 5, 22, 0));
  });
});
