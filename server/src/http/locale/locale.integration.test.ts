import type { MeResponse } from '@accord/shared/protocol/api';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type RunningTestServer, signIn, startTestServer } from '../../testing/testServer';

/**
 * Issue 16: a person's language is remembered on the server (`PUT /api/me/locale`) and `/api/me`
 * says which to speak: the stored choice, else the browser's `Accept-Language`, else English.
 * Real server on port 0, real SQLite in a temporary folder, restarted to show it is stored.
 */

const servers: RunningTestServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(dataDir?: string): Promise<RunningTestServer> {
  const server = await startTestServer(dataDir === undefined ? {} : { dataDir });
  servers.push(server);
  return server;
}

async function me(server: RunningTestServer, cookie: string, acceptLanguage?: string) {
  const response = await fetch(`${server.url}/api/me`, {
    headers: { cookie, ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as MeResponse;
}

function putLocale(server: RunningTestServer, cookie: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/me/locale`, {
    method: 'PUT',
    headers: { cookie, origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('a person’s language', () => {
  it('follows Accept-Language until chosen, then the choice, across a restart', async () => {
    const server = await start();
    const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    expect(await me(server, cookie)).toMatchObject({ locale: 'en', localeChosen: false });
    expect(await me(server, cookie, 'es-MX,es;q=0.9,en;q=0.8')).toMatchObject({
      locale: 'es',
      localeChosen: false,
    });
    expect(await me(server, cookie, 'de-DE,fr-CA;q=0.7')).toMatchObject({ locale: 'fr' });
    expect(await me(server, cookie, 'de,ja')).toMatchObject({ locale: 'en' });

    const put = await putLocale(server, cookie, { locale: 'fr' });
    expect(put.status).toBe(204);
    expect(await me(server, cookie, 'es-MX')).toMatchObject({ locale: 'fr', localeChosen: true });
    // Another person keeps following their browser.
    const other = await signIn(server, 'gt.delegate', DEMO_PASSWORD);
    expect(await me(server, other, 'es-GT')).toMatchObject({ locale: 'es', localeChosen: false });

    const { dataDir } = server;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const restarted = await start(dataDir);
    const again = await signIn(restarted, 'mx.delegate', DEMO_PASSWORD);
    expect(await me(restarted, again, 'en-US')).toMatchObject({ locale: 'fr', localeChosen: true });
  });

  it('is answered at sign-in too', async () => {
    const server = await start();
    await putLocale(server, await signIn(server, 'ca.delegate', DEMO_PASSWORD), { locale: 'fr' });
    const login = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'ca.delegate', password: DEMO_PASSWORD }),
    });
    expect(await login.json()).toMatchObject({ locale: 'fr', localeChosen: true });
  });

  it('refuses a language Accord does not speak, and bad bodies, changing nothing', async () => {
    const server = await start();
    const cookie = await signIn(server, 'sv.delegate', DEMO_PASSWORD);
    expect((await putLocale(server, cookie, { locale: 'es' })).status).toBe(204);
    for (const body of [{ locale: 'de' }, { locale: 'es-MX' }, { locale: '' }, { locale: 3 }, {}]) {
      const refused = await putLocale(server, cookie, body);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
    const unknown = await putLocale(server, cookie, { locale: 'de' });
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      '"de" is not a language Accord speaks: give one of "en", "es", "fr".',
    );
    expect(await me(server, cookie)).toMatchObject({ locale: 'es', localeChosen: true });
  });

  it('needs a session', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/api/me/locale`, {
      method: 'PUT',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'es' }),
    });
    expect(response.status).toBe(401);
  });
});
