import type { AuditLogResponse } from '@accord/shared/domain/audit';
import type { DocumentResponse, NegotiationResponse } from '@accord/shared/protocol/api';
import { describe, expect, it } from 'vitest';
import { createTestApp, signInToApp, TEST_ORIGIN } from '../../testing/testApp';
import { TestSyncClient } from '../../testing/testClient';

describe('GET /api/negotiations/:id', () => {
  it('shows the negotiation, its drafts, the caller’s membership and the members', async () => {
    const { app, demo } = await createTestApp();
    const cookie = await signInToApp(app, 'sv.delegate');
    const response = await app.request(`/api/negotiations/${demo.negotiationId}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as NegotiationResponse;
    expect(body.negotiation).toEqual({
      id: demo.negotiationId,
      title: 'Regional Prosperity and Migration Talks',
      venue: 'Washington, D.C.',
      startsOn: '2025-06-11',
      timeZone: 'America/New_York',
    });
    expect(body.membership).toEqual({ delegation: 'SV', role: 'delegate' });
    expect(body.documents).toEqual([
      {
        id: demo.documentId,
        negotiationId: demo.negotiationId,
        title: 'Joint Communiqué on Regional Economic Growth and Migration',
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(body.members).toHaveLength(7);
    expect(body.members.find((m) => m.delegation === 'CHAIR' && m.role === 'moderator')).toEqual(
      expect.objectContaining({ displayName: 'Amb. Ruth Okafor', presence: 'offline' }),
    );
    // The caller is signed in and using Accord right now, though on no draft.
    expect(body.members.find((m) => m.delegation === 'SV')?.presence).toBe('signedIn');
  });

  it('names where each member is: on a draft, signed in elsewhere in Accord, or offline', async () => {
    const { app, demo, deps, storage } = await createTestApp();
    const mexico = await storage.users.byUsername('mx.delegate');
    if (mexico === undefined) throw new Error('no demo user');
    const onDraft = new TestSyncClient(deps.sync, {
      sessionId: 'mx-session',
      userId: mexico.id,
      displayName: mexico.displayName,
      delegation: 'MX',
      role: 'delegate',
      documentId: demo.documentId,
      negotiationId: demo.negotiationId,
    });
    await signInToApp(app, 'us.delegate');
    const chair = await signInToApp(app, 'chair');
    const read = async () =>
      (
        (await (
          await app.request(`/api/negotiations/${demo.negotiationId}`, {
            headers: { cookie: chair },
          })
        ).json()) as NegotiationResponse
      ).members;
    const presence = (members: NegotiationResponse['members'], code: string) =>
      members.find((member) => member.delegation === code && member.role !== 'observer')?.presence;
    let members = await read();
    expect(presence(members, 'MX')).toBe('onDraft');
    expect(presence(members, 'US')).toBe('signedIn');
    expect(presence(members, 'CHAIR')).toBe('signedIn');
    expect(presence(members, 'GT')).toBe('offline');
    onDraft.disconnect();
    members = await read();
    expect(presence(members, 'MX')).toBe('offline');
    await deps.sync.shutdown();
  });

  it('answers 401 signed out, 404 for an unknown id and 403 to a non-member', async () => {
    const { app, demo, storage } = await createTestApp();
    expect((await app.request(`/api/negotiations/${demo.negotiationId}`)).status).toBe(401);
    const cookie = await signInToApp(app, 'mx.delegate');
    const missing = await app.request('/api/negotiations/nope', { headers: { cookie } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const mx = await storage.users.byUsername('mx.delegate');
    if (mx) await storage.negotiations.removeMembership(demo.negotiationId, mx.id);
    const outsider = await app.request(`/api/negotiations/${demo.negotiationId}`, {
      headers: { cookie },
    });
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});

describe('PUT /api/negotiations/:id/time-zone', () => {
  const put = (
    app: Awaited<ReturnType<typeof createTestApp>>['app'],
    id: string,
    cookie: string,
    body: string,
  ) =>
    app.request(`/api/negotiations/${id}/time-zone`, {
      method: 'PUT',
      headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body,
    });

  it('lets a moderator set the zone, which the negotiation and its drafts then show', async () => {
    const { app, demo } = await createTestApp();
    const chair = await signInToApp(app, 'chair');
    const response = await put(
      app,
      demo.negotiationId,
      chair,
      JSON.stringify({ timeZone: 'america/mexico_city' }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ timeZone: 'America/Mexico_City' });
    const mx = await signInToApp(app, 'mx.delegate');
    const negotiation = (await (
      await app.request(`/api/negotiations/${demo.negotiationId}`, { headers: { cookie: mx } })
    ).json()) as NegotiationResponse;
    expect(negotiation.negotiation.timeZone).toBe('America/Mexico_City');
    const document = (await (
      await app.request(`/api/documents/${demo.documentId}`, { headers: { cookie: mx } })
    ).json()) as DocumentResponse;
    expect(document.negotiation.timeZone).toBe('America/Mexico_City');
  });

  it('records the change, from and to, in the audit log (once, not for the same zone again)', async () => {
    const { app, demo } = await createTestApp();
    const chair = await signInToApp(app, 'chair');
    await put(app, demo.negotiationId, chair, JSON.stringify({ timeZone: 'America/Mexico_City' }));
    await put(app, demo.negotiationId, chair, JSON.stringify({ timeZone: 'America/Mexico_City' }));
    const log = (await (
      await app.request(`/api/negotiations/${demo.negotiationId}/audit`, {
        headers: { cookie: chair },
      })
    ).json()) as AuditLogResponse;
    const changes = log.entries.filter((entry) => entry.action === 'timeZone');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      delegation: 'CHAIR',
      displayName: 'Amb. Ruth Okafor',
      detail: { from: 'America/New_York', to: 'America/Mexico_City' },
    });
  });

  it('refuses a zone that is not one with a 400 that says what to give, and keeps the old one', async () => {
    const { app, demo, storage } = await createTestApp();
    const chair = await signInToApp(app, 'chair');
    for (const body of [
      JSON.stringify({ timeZone: 'Mars/Olympus_Mons' }),
      JSON.stringify({ timeZone: '+02:00' }),
      JSON.stringify({ timeZone: '' }),
      JSON.stringify({ timeZone: 7 }),
      JSON.stringify({}),
      'not json',
    ]) {
      const response = await put(app, demo.negotiationId, chair, body);
      expect(response.status, body).toBe(400);
      const error = ((await response.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('bad_request');
      expect(error.message.length).toBeGreaterThan(10);
    }
    const refused = await put(
      app,
      demo.negotiationId,
      chair,
      JSON.stringify({ timeZone: 'Mars/Olympus_Mons' }),
    );
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      '"Mars/Olympus_Mons" is not a time zone Accord knows. Give an IANA time zone name such as America/Mexico_City, America/New_York or UTC.',
    );
    expect((await storage.negotiations.byId(demo.negotiationId))?.timeZone).toBe(
      'America/New_York',
    );
  });

  it('refuses delegates and observers (403), strangers to the negotiation and unknown ids', async () => {
    const { app, demo, storage } = await createTestApp();
    for (const username of ['mx.delegate', 'observer']) {
      const cookie = await signInToApp(app, username);
      const response = await put(
        app,
        demo.negotiationId,
        cookie,
        JSON.stringify({ timeZone: 'UTC' }),
      );
      expect(response.status, username).toBe(403);
    }
    const chair = await signInToApp(app, 'chair');
    expect((await put(app, 'nope', chair, JSON.stringify({ timeZone: 'UTC' }))).status).toBe(404);
    const chairUser = await storage.users.byUsername('chair');
    if (chairUser) await storage.negotiations.removeMembership(demo.negotiationId, chairUser.id);
    expect(
      (await put(app, demo.negotiationId, chair, JSON.stringify({ timeZone: 'UTC' }))).status,
    ).toBe(403);
    expect((await storage.negotiations.byId(demo.negotiationId))?.timeZone).toBe(
      'America/New_York',
    );
  });
});
