import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN } from '../../testing/testApp';

describe('originCheck', () => {
  it('refuses non-GET requests with a missing or foreign Origin before any work', async () => {
    const { app, storage } = await createTestApp();
    for (const origin of [
      undefined,
      'http://evil.example',
      'null',
      `${TEST_ORIGIN}.evil.example`,
    ]) {
      const response = await app.request('/api/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ username: 'mx.delegate', password: 'accord-demo-2025' }),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: {
          code: 'forbidden_origin',
          message: 'This request did not come from an allowed origin.',
        },
      });
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    // No session was opened by any of them.
    expect(await storage.sessions.deleteExpired(Number.MAX_SAFE_INTEGER)).toBe(0);
    // Refused before routing: even unknown paths and other methods get 403, not 404.
    expect((await app.request('/api/anything', { method: 'DELETE' })).status).toBe(403);
    expect((await app.request('/api/logout', { method: 'POST' })).status).toBe(403);
  });

  it('lets GET through without an Origin, but not a WebSocket upgrade', async () => {
    const { app } = await createTestApp();
    expect((await app.request('/api/health')).status).toBe(200);
    const upgrade = await app.request('/api/sync/some-doc', {
      headers: { upgrade: 'websocket', connection: 'Upgrade' },
    });
    expect(upgrade.status).toBe(403);
    const foreign = await app.request('/api/sync/some-doc', {
      headers: { upgrade: 'websocket', connection: 'Upgrade', origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });
});
