import type { NegotiationResponse } from '@accord/shared/protocol/api';
import { describe, expect, it } from 'vitest';
import { createTestApp, signInToApp } from '../../testing/testApp';

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
      expect.objectContaining({ displayName: 'Amb. Ruth Okafor', online: false }),
    );
  });

  it('answers 401 signed out, 404 for an unknown id and 403 to a non-member', async () => {
    const { app, demo, storage } = await createTestApp();
    expect((await app.request(`/api/negotiations/${demo.negotiationId}`)).status).toBe(401);
    const cookie = await signInToApp(app, 'mx.delegate');
    const missing = await app.request('/api/negotiations/nope', { headers: { cookie } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const mx = storage.users.byUsername('mx.delegate');
    if (mx) storage.negotiations.removeMembership(demo.negotiationId, mx.id);
    const outsider = await app.request(`/api/negotiations/${demo.negotiationId}`, {
      headers: { cookie },
    });
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
});
