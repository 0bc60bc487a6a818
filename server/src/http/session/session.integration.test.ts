import { LIMITS } from '@accord/shared/protocol/limits';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_LIFETIME_MS, sessionIdOf } from '../../auth/sessions';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type RunningTestServer, signIn, startTestServer } from '../../testing/testServer';

const servers: RunningTestServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(): Promise<RunningTestServer> {
  const server = await startTestServer();
  servers.push(server);
  return server;
}

function login(server: RunningTestServer, username: string, password: string) {
  return fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password }),
  });
}

const DAY = 24 * 60 * 60 * 1000;

describe('signing in against the real server', () => {
  it('opens a session that /api/me recognises', async () => {
    const server = await start();
    const cookie = await signIn(server, 'chair', DEMO_PASSWORD);
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: 'chair' } });
  });

  it('fails with one generic message for wrong passwords and unknown users', async () => {
    const server = await start();
    const wrong = await login(server, 'mx.delegate', 'not-the-password');
    const unknown = await login(server, 'no.such.user', DEMO_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const body = await wrong.json();
    expect(body).toEqual({
      error: { code: 'invalid_credentials', message: 'Wrong username or password.' },
    });
    expect(await unknown.json()).toEqual(body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('throttles an account after its failures, then refuses even the right password', async () => {
    const server = await start();
    for (let i = 0; i < LIMITS.loginFailuresPerAccount; i++) {
      expect((await login(server, 'sv.delegate', `wrong-${i}`)).status).toBe(401);
    }
    const blocked = await login(server, 'sv.delegate', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
    // Other accounts from the same address are not affected by one account's lockout.
    expect((await login(server, 'gt.delegate', DEMO_PASSWORD)).status).toBe(200);
  });

  it('throttles a client address that sprays many accounts', async () => {
    const server = await start();
    for (let i = 0; i < LIMITS.loginFailuresPerAddress; i++) {
      expect((await login(server, `guess-${i}`, 'password123')).status).toBe(401);
    }
    expect((await login(server, 'mx.delegate', DEMO_PASSWORD)).status).toBe(429);
  });
});

describe('sessions against the real server', () => {
  it('signs out: the session is gone server-side and the cookie is cleared', async () => {
    const server = await start();
    const cookie = await signIn(server, 'us.delegate', DEMO_PASSWORD);
    const sessionId = sessionIdOf(cookie.slice('accord_session='.length));
    expect(await server.storage.sessions.byId(sessionId)).toBeDefined();
    const logout = await fetch(`${server.url}/api/logout`, {
      method: 'POST',
      headers: { cookie, origin: server.url },
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^accord_session=;.*Max-Age=0/);
    expect(await server.storage.sessions.byId(sessionId)).toBeUndefined();
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('slides: a session with less than 15 days left is extended and its cookie re-sent', async () => {
    const server = await start();
    const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    const sessionId = sessionIdOf(cookie.slice('accord_session='.length));

    const fresh = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(fresh.headers.get('set-cookie')).toBeNull();

    await server.storage.sessions.setExpiry(sessionId, Date.now() + 10 * DAY);
    const before = Date.now();
    const aging = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(aging.status).toBe(200);
    expect(aging.headers.get('set-cookie')).toMatch(
      /^accord_session=[a-z2-7]{32};.*Max-Age=259\d{4}/,
    );
    const expiresAt = (await server.storage.sessions.byId(sessionId))?.expiresAt ?? 0;
    expect(expiresAt).toBeGreaterThanOrEqual(before + SESSION_LIFETIME_MS);

    await server.storage.sessions.setExpiry(sessionId, Date.now() - 1);
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401);
    expect(await server.storage.sessions.byId(sessionId)).toBeUndefined();
  });

  it('ends the sessions of a disabled user', async () => {
    const server = await start();
    const cookie = await signIn(server, 'observer', DEMO_PASSWORD);
    const observer = await server.storage.users.byUsername('observer');
    if (observer === undefined) throw new Error('Demo data is missing.');
    await server.storage.users.setDisabled(observer.id, true);
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401);
    expect((await login(server, 'observer', DEMO_PASSWORD)).status).toBe(401);
  });
});
