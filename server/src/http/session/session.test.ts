import type { ApiErrorBody, MeResponse } from '@accord/shared/protocol/api';
import { describe, expect, it } from 'vitest';
import { sessionIdOf } from '../../auth/sessions';
import { DEMO_PASSWORD } from '../../seed/demo';
import { createTestApp, signInToApp, TEST_ORIGIN } from '../../testing/testApp';

function post(body: unknown, headers: Record<string, string> = {}) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

describe('POST /api/login', () => {
  it('answers MeResponse and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const { app, demo } = await createTestApp();
    const response = await app.request(
      '/api/login',
      post({ username: 'mx.delegate', password: DEMO_PASSWORD }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as MeResponse;
    expect(body.user).toMatchObject({ username: 'mx.delegate', displayName: 'Sofía Ramírez' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.memberships).toEqual([
      {
        negotiationId: demo.negotiationId,
        negotiationTitle: 'Regional Prosperity and Migration Talks',
        delegation: 'MX',
        role: 'delegate',
      },
    ]);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^accord_session=[a-z2-7]{32};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toMatch(/Max-Age=2592000\b|Max-Age=2591999\b/);
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure when configured', async () => {
    const { app } = await createTestApp({ secureCookies: true });
    const response = await app.request(
      '/api/login',
      post({ username: 'chair', password: DEMO_PASSWORD }),
    );
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });

  it('says the same thing for a wrong password, an unknown user and a disabled user', async () => {
    const { app, storage } = await createTestApp();
    const attempt = async (username: string, password: string) => {
      const response = await app.request('/api/login', post({ username, password }));
      return { status: response.status, body: (await response.json()) as ApiErrorBody };
    };
    const wrong = await attempt('mx.delegate', 'not the password');
    const unknown = await attempt('nobody', DEMO_PASSWORD);
    const observer = await storage.users.byUsername('observer');
    if (observer) await storage.users.setDisabled(observer.id, true);
    const disabled = await attempt('observer', DEMO_PASSWORD);
    expect(wrong).toEqual({
      status: 401,
      body: { error: { code: 'invalid_credentials', message: 'Wrong username or password.' } },
    });
    expect(unknown).toEqual(wrong);
    expect(disabled).toEqual(wrong);
  });

  it('refuses bodies that are not the expected JSON with a clear 400', async () => {
    const { app } = await createTestApp();
    const cases: [unknown, string][] = [
      ['{"username": ', 'not valid JSON'],
      [{ username: 'mx.delegate' }, 'password'],
      [{ username: 42, password: 'x' }, 'username'],
      [[], 'expected object'],
    ];
    for (const [body, message] of cases) {
      const response = await app.request('/api/login', post(body));
      expect(response.status).toBe(400);
      const error = (await response.json()) as ApiErrorBody;
      expect(error.error.code).toBe('bad_request');
      expect(error.error.message).toContain(message);
    }
    const form = await app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_ORIGIN },
      body: 'username=mx.delegate',
    });
    expect(form.status).toBe(400);
    expect(((await form.json()) as ApiErrorBody).error.message).toContain('application/json');
  });
});

describe('GET /api/me', () => {
  it('answers the signed-in user, and 401 without a valid session', async () => {
    const { app } = await createTestApp();
    const cookie = await signInToApp(app, 'us.delegate');
    const me = await app.request('/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as MeResponse).user.username).toBe('us.delegate');

    const anonymous = await app.request('/api/me');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: { code: 'unauthorized', message: 'Please sign in.' },
    });
    const forged = await app.request('/api/me', {
      headers: { cookie: 'accord_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    });
    expect(forged.status).toBe(401);
  });
});

describe('POST /api/logout', () => {
  it('deletes the session server-side and clears the cookie', async () => {
    const { app, storage } = await createTestApp();
    const cookie = await signInToApp(app, 'ca.delegate');
    const token = cookie.split('=')[1] ?? '';
    const response = await app.request('/api/logout', post(''));
    expect(response.status).toBe(204);
    const withCookie = await app.request('/api/logout', post('', { cookie }));
    expect(withCookie.status).toBe(204);
    expect(withCookie.headers.get('set-cookie')).toMatch(/^accord_session=;.*Max-Age=0/);
    expect(await storage.sessions.byId(sessionIdOf(token))).toBeUndefined();
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });
});
