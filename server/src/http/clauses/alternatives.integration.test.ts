import type { AuditLogResponse } from '@accord/shared/domain/audit';
import { type ClauseMeta, clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import type { ClauseHistoryResponse, DeletedClausesResponse } from '@accord/shared/protocol/api';
import { LIMITS } from '@accord/shared/protocol/limits';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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

/**
 * Alternative wordings end to end (issue 3): the real server on port 0 with SQLite in a temp
 * folder, HTTP commands checked by the shared policy, stock y-websocket providers that see
 * the alternatives and the chosen text live, and the clause's history.
 */

afterEach(closeAll);

async function call(
  server: RunningTestServer,
  username: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
) {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  return apiRequest(
    server,
    cookie,
    method,
    `/api/documents/${demoDocumentId(server)}/clauses${path === '' ? '' : `/${path}`}`,
    body,
  );
}

const propose = (server: RunningTestServer, username: string, clauseId: string, text: unknown) =>
  call(server, username, 'POST', `${clauseId}/alternatives`, { text });

async function storedMeta(server: RunningTestServer, clauseId: string): Promise<ClauseMeta | null> {
  return readClauseMeta(clauseMetaMap(await storedDoc(server)), clauseId);
}

async function storedText(server: RunningTestServer, clauseId: string): Promise<string> {
  return clauseText(await storedDoc(server), clauseId).toString();
}

describe('proposing and withdrawing alternatives', () => {
  it('attributes an alternative to the proposing delegation, live for everyone', async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    const reply = await propose(
      server,
      'mx.delegate',
      'op-tariffs',
      '  Reduce tariffs gradually;  ',
    );
    expect(reply.status).toBe(201);
    const [alternative] = (reply.body as ClauseMeta).alternatives ?? [];
    expect(alternative).toMatchObject({ text: 'Reduce tariffs gradually;', delegation: 'MX' });
    await until(
      () => readClauseMeta(canada.doc.getMap('accord'), 'op-tariffs')?.alternatives?.length === 1,
      'Canada sees the alternative',
    );
    expect((await storedMeta(server, 'op-tariffs'))?.alternatives).toEqual([alternative]);
    const list = await call(server, 'ca.delegate', 'GET', '');
    const summary = (list.body as { clauses: { id: string; status: string }[] }).clauses.find(
      (clause) => clause.id === 'op-tariffs',
    );
    expect(summary?.status).toBe('bracketed');
  });

  it('refuses observers, empty or overlong text, unknown clauses, and an eleventh', async () => {
    const { server } = await startServer();
    expect((await propose(server, 'observer', 'op-jobs', 'Words')).status).toBe(403);
    for (const text of ['   ', 42, 'x'.repeat(LIMITS.alternativeTextMax + 1)]) {
      const reply = await propose(server, 'gt.delegate', 'op-jobs', text);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'bad_request' } });
    }
    expect((await propose(server, 'gt.delegate', 'op-nope', 'Words')).status).toBe(404);
    for (let index = 0; index < LIMITS.alternativesPerClause; index++) {
      expect((await propose(server, 'gt.delegate', 'op-jobs', `Wording ${index}`)).status).toBe(
        201,
      );
    }
    const extra = await propose(server, 'gt.delegate', 'op-jobs', 'One too many');
    expect(extra.status).toBe(409);
    expect((await storedMeta(server, 'op-jobs'))?.alternatives).toHaveLength(
      LIMITS.alternativesPerClause,
    );
  });

  it('lets only the proposing delegation or a moderator withdraw one', async () => {
    const { server } = await startServer();
    const first = await propose(server, 'mx.delegate', 'op-jobs', 'Mexican words');
    const [mexican] = (first.body as ClauseMeta).alternatives ?? [];
    const second = await propose(server, 'us.delegate', 'op-jobs', 'American words');
    const american = (second.body as ClauseMeta).alternatives?.[1];
    if (mexican === undefined || american === undefined) throw new Error('Not proposed.');
    const foreign = await call(
      server,
      'us.delegate',
      'DELETE',
      `op-jobs/alternatives/${mexican.id}`,
    );
    expect(foreign.status).toBe(403);
    expect((await storedMeta(server, 'op-jobs'))?.alternatives).toHaveLength(2);
    const own = await call(server, 'mx.delegate', 'DELETE', `op-jobs/alternatives/${mexican.id}`);
    expect(own.status).toBe(200);
    const byChair = await call(server, 'chair', 'DELETE', `op-jobs/alternatives/${american.id}`);
    expect(byChair.status).toBe(200);
    expect((await storedMeta(server, 'op-jobs'))?.alternatives).toEqual([]);
    const again = await call(server, 'chair', 'DELETE', `op-jobs/alternatives/${american.id}`);
    expect(again.status).toBe(404);
  });
});

describe('a moderator chooses', () => {
  it('makes the chosen wording the clause text for everyone, authored by the moderator', async () => {
    const { server } = await startServer();
    const canada = await openClient(server, 'ca.delegate');
    const original = await storedText(server, 'op-tariffs');
    await call(server, 'sv.delegate', 'PUT', 'op-tariffs/position', { position: 'agree' });
    const mexican = (
      (await propose(server, 'mx.delegate', 'op-tariffs', 'Mexican words;')).body as ClauseMeta
    ).alternatives?.[0];
    await propose(server, 'us.delegate', 'op-tariffs', 'American words;');
    if (mexican === undefined) throw new Error('Not proposed.');

    expect(
      (
        await call(server, 'mx.delegate', 'POST', 'op-tariffs/alternatives/choose', {
          alternativeId: mexican.id,
        })
      ).status,
    ).toBe(403);
    const chosen = await call(server, 'chair', 'POST', 'op-tariffs/alternatives/choose', {
      alternativeId: mexican.id,
    });
    expect(chosen.body).toMatchObject({ alternatives: [] });
    expect(chosen.status).toBe(200);
    expect((chosen.body as ClauseMeta).alternatives).toEqual([]);
    expect(await storedText(server, 'op-tariffs')).toBe('Mexican words;');
    await until(
      () => clauseText(canada.doc, 'op-tariffs').toString() === 'Mexican words;',
      'Canada sees the text',
    );
    // Positions given on the old text no longer hold, and say who changed it.
    expect((await storedMeta(server, 'op-tariffs'))?.positions.SV).toBeUndefined();
    expect((await storedMeta(server, 'op-tariffs'))?.cleared).toMatchObject([
      { delegation: 'SV', byDelegation: 'CHAIR' },
    ]);

    // The text is the chair's like any edit of theirs: a delegate builds on it, and is not refused.
    clauseText(canada.doc, 'op-tariffs').insert(8, 'and Canadian ');
    await until(
      async () => (await storedText(server, 'op-tariffs')) === 'Mexican and Canadian words;',
      'the edit is stored',
    );
    expect(canada.closes).toEqual([]);

    const history = await call(server, 'ca.delegate', 'GET', 'op-tariffs/history');
    const changes = (history.body as ClauseHistoryResponse).changes;
    const choice = changes.find((change) => change.event?.kind === 'alternativeChosen');
    expect(choice?.event).toMatchObject({
      kind: 'alternativeChosen',
      chosen: { id: mexican.id, delegation: 'MX' },
      setAside: [{ text: 'American words;', delegation: 'US' }],
    });
    const rewrite = changes.find(
      (change) => change.event === null && change.textAfter === 'Mexican words;',
    );
    expect(rewrite).toMatchObject({
      delegation: 'CHAIR',
      displayName: 'Amb. Ruth Okafor',
      textBefore: original,
    });
    expect(changes.filter((change) => change.event?.kind === 'alternativeProposed')).toHaveLength(
      2,
    );

    // The choice is in the audit log, with the wording and whose it was.
    const negotiationId = (await server.storage.negotiations.list())[0]!.id;
    const audit = await apiRequest(
      server,
      await signIn(server, 'chair', DEMO_PASSWORD),
      'GET',
      `/api/negotiations/${negotiationId}/audit`,
    );
    const entries = (audit.body as AuditLogResponse).entries;
    expect(entries.filter((entry) => entry.action === 'alternativeChosen')).toMatchObject([
      {
        delegation: 'CHAIR',
        detail: {
          clauseId: 'op-tariffs',
          proposedBy: 'MX',
          text: 'Mexican words;',
          // What was set aside: the words replaced, their first-draft bracket, the other wording.
          replacedText: original,
          bracketsRemoved: [],
          unownedBracketsRemoved: 1,
          setAside: [{ delegation: 'US', text: 'American words;' }],
        },
      },
    ]);
  }, 20_000);

  it('refuses a choice reviewed against words that have changed since, and changes nothing', async () => {
    const { server } = await startServer();
    const mexico = await openClient(server, 'mx.delegate');
    const reviewed = await storedText(server, 'op-jobs');
    const american = (
      (await propose(server, 'us.delegate', 'op-jobs', 'American words;')).body as ClauseMeta
    ).alternatives?.[0];
    if (american === undefined) throw new Error('Not proposed.');
    // While the Chair reads the redline, Mexico changes the clause.
    clauseText(mexico.doc, 'op-jobs').insert(0, 'Mexico: ');
    await until(
      async () => (await storedText(server, 'op-jobs')).startsWith('Mexico: '),
      'the edit is stored',
    );
    const stale = await call(server, 'chair', 'POST', 'op-jobs/alternatives/choose', {
      alternativeId: american.id,
      expectedTextHash: clauseTextHash(reviewed),
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: {
        code: 'conflict',
        message:
          'OP4 changed while you were reviewing this choice: look at the new redline and confirm again.',
      },
    });
    expect(await storedText(server, 'op-jobs')).toBe(`Mexico: ${reviewed}`);
    expect((await storedMeta(server, 'op-jobs'))?.alternatives).toHaveLength(1);
    // Reviewed again, against the words as they are: chosen.
    const fresh = await call(server, 'chair', 'POST', 'op-jobs/alternatives/choose', {
      alternativeId: american.id,
      expectedTextHash: clauseTextHash(`Mexico: ${reviewed}`),
    });
    expect(fresh.status).toBe(200);
    expect(await storedText(server, 'op-jobs')).toBe('American words;');
    const garbage = await call(server, 'chair', 'POST', 'op-jobs/alternatives/choose', {
      alternativeId: null,
      expectedTextHash: 42,
    });
    expect(garbage.status).toBe(400);
  }, 20_000);

  it('records in the audit log whose brackets the chosen wording removed', async () => {
    const { server } = await startServer();
    const mexico = await openClient(server, 'mx.delegate');
    const text = clauseText(mexico.doc, 'op-jobs');
    mexico.doc.transact(() => {
      text.insert(6, ']');
      text.insert(0, '[');
    });
    await until(
      async () => Object.keys((await storedMeta(server, 'op-jobs'))?.brackets ?? {}).length === 1,
      "Mexico's bracket is recorded",
    );
    const american = (
      (await propose(server, 'us.delegate', 'op-jobs', 'American words;')).body as ClauseMeta
    ).alternatives?.[0];
    if (american === undefined) throw new Error('Not proposed.');
    const chosen = await call(server, 'chair', 'POST', 'op-jobs/alternatives/choose', {
      alternativeId: american.id,
      expectedTextHash: clauseTextHash(await storedText(server, 'op-jobs')),
    });
    expect(chosen.status).toBe(200);
    const negotiationId = (await server.storage.negotiations.list())[0]!.id;
    const audit = await apiRequest(
      server,
      await signIn(server, 'chair', DEMO_PASSWORD),
      'GET',
      `/api/negotiations/${negotiationId}/audit`,
    );
    const entry = (audit.body as AuditLogResponse).entries.find(
      (candidate) => candidate.action === 'alternativeChosen',
    );
    expect(entry?.detail).toMatchObject({
      bracketsRemoved: [{ delegation: 'MX', count: 1 }],
      unownedBracketsRemoved: 0,
    });
  }, 20_000);

  it('keeps the text when asked, setting every alternative aside', async () => {
    const { server } = await startServer();
    const original = await storedText(server, 'op-jobs');
    await propose(server, 'gt.delegate', 'op-jobs', 'Guatemalan words');
    const kept = await call(server, 'chair', 'POST', 'op-jobs/alternatives/choose', {
      alternativeId: null,
    });
    expect(kept.status).toBe(200);
    expect(await storedText(server, 'op-jobs')).toBe(original);
    expect((await storedMeta(server, 'op-jobs'))?.alternatives).toEqual([]);
    const unknown = await call(server, 'chair', 'POST', 'op-jobs/alternatives/choose', {
      alternativeId: 'nope',
    });
    expect(unknown.status).toBe(404);
    const bad = await call(server, 'chair', 'POST', 'op-jobs/alternatives/choose', {});
    expect(bad.status).toBe(400);
  });
});

describe('a deleted clause', () => {
  it('keeps its history, ending with who deleted it, and comes back restored on undo', async () => {
    const { server } = await startServer();
    const mexico = await openClient(server, 'mx.delegate');
    const fragment = mexico.doc.getXmlFragment('default');
    const index = fragment
      .toArray()
      .findIndex((node) => node instanceof Y.XmlElement && node.getAttribute('id') === 'op-jobs');
    const undo = new Y.UndoManager(fragment);
    fragment.delete(index, 1);
    await until(
      async () =>
        !(await storedDoc(server))
          .getXmlFragment('default')
          .toArray()
          .some((node) => node instanceof Y.XmlElement && node.getAttribute('id') === 'op-jobs'),
      'the deletion is stored',
    );
    const afterDelete = (await call(server, 'us.delegate', 'GET', 'op-jobs/history'))
      .body as ClauseHistoryResponse;
    expect(afterDelete.clause).toEqual({ id: 'op-jobs', label: '', text: '', removed: true });
    expect(afterDelete.changes[0]).toMatchObject({
      delegation: 'MX',
      textAfter: '',
      event: { kind: 'deleted' },
    });
    // The draft's list of deleted clauses names it, its last text and who deleted it.
    const lastText = afterDelete.changes[0]?.textBefore;
    expect(lastText).toMatch(/^Resolve to expand vocational training/);
    const deleted = (await call(server, 'observer', 'GET', 'deleted'))
      .body as DeletedClausesResponse;
    expect(deleted.clauses).toEqual([
      {
        clauseId: 'op-jobs',
        lastText,
        deletedAt: expect.any(Number),
        deletedBy: { userId: expect.any(String), displayName: 'Sofía Ramírez', delegation: 'MX' },
      },
    ]);

    undo.undo();
    await until(async () => {
      try {
        return (await storedText(server, 'op-jobs')).length > 0;
      } catch {
        return false;
      }
    }, 'the undo is stored');
    const restored = (await call(server, 'us.delegate', 'GET', 'op-jobs/history'))
      .body as ClauseHistoryResponse;
    expect(restored.clause.removed).toBe(false);
    expect(
      ((await call(server, 'us.delegate', 'GET', 'deleted')).body as DeletedClausesResponse)
        .clauses,
    ).toEqual([]);
    expect(restored.changes[0]).toMatchObject({
      delegation: 'MX',
      textBefore: '',
      event: { kind: 'restored' },
    });
  });
});
