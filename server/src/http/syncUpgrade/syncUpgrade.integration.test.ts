import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type RunningTestServer, signIn, startTestServer } from '../../testing/testServer';
import { syncUrl, tryUpgrade } from '../../testing/upgrade';

let server: RunningTestServer;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer();
  const negotiation = (await server.storage.negotiations.list())[0];
  const document =
    negotiation && (await server.storage.documents.listByNegotiation(negotiation.id))[0];
  if (document === undefined) throw new Error('The demo draft is missing.');
  documentId = document.id;
});

afterAll(() => server.close());

async function expectOpened(outcome: Awaited<ReturnType<typeof tryUpgrade>>): Promise<WebSocket> {
  if (!('opened' in outcome)) throw new Error(`Upgrade refused with ${outcome.status}.`);
  return outcome.opened;
}

describe('GET /api/sync/:documentId', () => {
  it('upgrades a member with a session and an allowed Origin', async () => {
    const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    const socket = await expectOpened(
      await tryUpgrade(syncUrl(server.url, documentId), { cookie, origin: server.url }),
    );
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.close();
    expect(await closed).toBe(1005);
  });

  it('refuses a missing or foreign Origin with 403 before upgrading', async () => {
    const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    const url = syncUrl(server.url, documentId);
    expect(await tryUpgrade(url, { cookie })).toEqual({ status: 403 });
    expect(await tryUpgrade(url, { cookie, origin: 'http://evil.example' })).toEqual({
      status: 403,
    });
  });

  it('refuses 401 without a valid session, 404 for an unknown draft, 403 to a non-member', async () => {
    const origin = server.url;
    expect(await tryUpgrade(syncUrl(server.url, documentId), { origin })).toEqual({ status: 401 });
    expect(
      await tryUpgrade(syncUrl(server.url, documentId), {
        origin,
        cookie: 'accord_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      }),
    ).toEqual({ status: 401 });
    const cookie = await signIn(server, 'gt.delegate', DEMO_PASSWORD);
    expect(await tryUpgrade(syncUrl(server.url, 'no-such-draft'), { origin, cookie })).toEqual({
      status: 404,
    });
    const gt = await server.storage.users.byUsername('gt.delegate');
    const negotiationId = (await server.storage.documents.byId(documentId))?.negotiationId ?? '';
    const membership = gt && (await server.storage.negotiations.membership(negotiationId, gt.id));
    if (gt === undefined || membership === undefined) throw new Error('Demo data is missing.');
    await server.storage.negotiations.removeMembership(negotiationId, gt.id);
    try {
      expect(await tryUpgrade(syncUrl(server.url, documentId), { origin, cookie })).toEqual({
        status: 403,
      });
    } finally {
      await server.storage.negotiations.setMembership(membership);
    }
  });

  it('answers a plain GET (no upgrade) with 400', async () => {
    const cookie = await signIn(server, 'us.delegate', DEMO_PASSWORD);
    const response = await fetch(`${server.url}/api/sync/${documentId}`, { headers: { cookie } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('closes the live sockets of a session that signs out with CLOSE_CODES.unauthorized', async () => {
    const cookie = await signIn(server, 'ca.delegate', DEMO_PASSWORD);
    const other = await signIn(server, 'ca.delegate', DEMO_PASSWORD);
    const url = syncUrl(server.url, documentId);
    const mine = await expectOpened(await tryUpgrade(url, { cookie, origin: server.url }));
    const theirs = await expectOpened(await tryUpgrade(url, { cookie: other, origin: server.url }));
    const closed = new Promise<number>((resolve) => mine.once('close', resolve));
    const logout = await fetch(`${server.url}/api/logout`, {
      method: 'POST',
      headers: { cookie, origin: server.url },
    });
    expect(logout.status).toBe(204);
    expect(await closed).toBe(CLOSE_CODES.unauthorized);
    expect(theirs.readyState).toBe(theirs.OPEN);
    theirs.close();
  });

  it('closes the live sockets of a user disabled while connected, and only theirs', async () => {
    // The access version moves with the change; the server notices it within a poll (250 ms)
    // and closes the user's sockets with forbidden (issue 13; the admin tool's own test is in
    // sync/accessChanges.integration.test.ts).
    const checking = await startTestServer();
    try {
      const cookie = await signIn(checking, 'sv.delegate', DEMO_PASSWORD);
      const other = await signIn(checking, 'gt.delegate', DEMO_PASSWORD);
      const draftId = checking.seeded?.documentId;
      if (draftId === undefined) throw new Error('The demo draft is missing.');
      const url = syncUrl(checking.url, draftId);
      const disabled = await expectOpened(await tryUpgrade(url, { cookie, origin: checking.url }));
      const kept = await expectOpened(
        await tryUpgrade(url, { cookie: other, origin: checking.url }),
      );
      const closed = new Promise<number>((resolve) => disabled.once('close', resolve));
      const user = await checking.storage.users.byUsername('sv.delegate');
      if (user === undefined) throw new Error('Demo data is missing.');
      await checking.storage.users.setDisabled(user.id, true);
      expect(await closed).toBe(CLOSE_CODES.forbidden);
      expect(kept.readyState).toBe(kept.OPEN);
      kept.close();
    } finally {
      await checking.close();
    }
  });
});
