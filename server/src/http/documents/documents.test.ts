import type { DocumentResponse } from '@accord/shared/protocol/api';
import { describe, expect, it } from 'vitest';
import { createTestApp, signInToApp } from '../../testing/testApp';

describe('GET /api/documents/:id', () => {
  it("shows the draft, its negotiation and the caller's membership", async () => {
    const { app, demo } = await createTestApp();
    const cookie = await signInToApp(app, 'observer');
    const response = await app.request(`/api/documents/${demo.documentId}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as DocumentResponse;
    expect(body.document).toMatchObject({ id: demo.documentId, negotiationId: demo.negotiationId });
    expect(body.negotiation).toEqual({
      id: demo.negotiationId,
      title: 'Regional Prosperity and Migration Talks',
      timeZone: 'America/New_York',
    });
    expect(body.membership).toEqual({ delegation: 'CHAIR', role: 'observer' });
  });

  it('answers 401 signed out, 404 for an unknown id and 403 to a non-member', async () => {
    const { app, demo, storage } = await createTestApp();
    expect((await app.request(`/api/documents/${demo.documentId}`)).status).toBe(401);
    const cookie = await signInToApp(app, 'gt.delegate');
    expect((await app.request('/api/documents/nope', { headers: { cookie } })).status).toBe(404);
    const gt = await storage.users.byUsername('gt.delegate');
    if (gt) await storage.negotiations.removeMembership(demo.negotiationId, gt.id);
    const outsider = await app.request(`/api/documents/${demo.documentId}`, {
      headers: { cookie },
    });
    expect(outsider.status).toBe(403);
  });
});
