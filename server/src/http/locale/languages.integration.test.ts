import type { ApiErrorBody } from '@accord/shared/protocol/api';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type RunningTestServer, signIn } from '../../testing/testServer';
import { closeAll, demoDocumentId, startServer } from '../../testing/wsTestClients';

/**
 * Issue 16 against the real server (port 0, SQLite in a temporary folder): exports and error
 * messages in the requester's language — the stored choice, else `Accept-Language` — or the
 * one asked for with `lang=`; error codes never change.
 */

afterEach(closeAll);

/** 29 November 2026, 14:05 UTC: 09:05 on the demo's Washington clock. */
const NOW = Date.UTC(2026, 10, 29, 14, 5);

async function exportText(
  server: RunningTestServer,
  cookie: string,
  query: string,
  acceptLanguage?: string,
): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(
    `${server.url}/api/documents/${demoDocumentId(server)}/export?${query}`,
    {
      headers: {
        origin: server.url,
        cookie,
        ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
      },
    },
  );
  return {
    status: response.status,
    text: await response.text(),
    type: response.headers.get('content-type'),
  };
}

function setLocale(server: RunningTestServer, cookie: string, locale: string) {
  return fetch(`${server.url}/api/me/locale`, {
    method: 'PUT',
    headers: { cookie, origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ locale }),
  });
}

describe('exports in three languages', () => {
  it('follow lang=, else the stored choice, else Accept-Language; the text stays as typed', async () => {
    const { server } = await startServer({ now: () => NOW });
    const mx = await signIn(server, 'mx.delegate', DEMO_PASSWORD);

    const english = await exportText(server, mx, 'format=txt');
    expect(english.status).toBe(200);
    expect(english.text).toMatch(/^DRAFT — compiled 29 November 2026, 09:05 New York time/);

    const byBrowser = await exportText(server, mx, 'format=txt', 'es-MX,es;q=0.9');
    expect(byBrowser.text).toMatch(
      /^PROYECTO — compilado el 29 de noviembre de 2026, a las 09:05, hora oriental \(UTC-5\)/,
    );
    expect(byBrowser.text).toContain('Delegaciones participantes: Estados Unidos de América');
    expect(byBrowser.text).toContain('OP10  Decide to meet again');

    const asked = await exportText(server, mx, 'format=html&lang=fr', 'es-MX');
    expect(asked.text).toContain('<html lang="fr">');
    expect(asked.text).toContain('PROJET — compilé le 29 novembre 2026 à 9 h 05');

    expect((await setLocale(server, mx, 'fr')).status).toBe(204);
    const chosen = await exportText(server, mx, 'format=md', 'es-MX');
    expect(chosen.text).toMatch(/^> \*\*PROJET — compilé le/);
    const overridden = await exportText(server, mx, 'format=md&lang=en');
    expect(overridden.text).toMatch(/^> \*\*DRAFT — compiled/);
  });

  it('refuse an unknown lang with a 400 that names the languages', async () => {
    const { server } = await startServer({ now: () => NOW });
    const mx = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
    for (const lang of ['de', 'es-MX', '']) {
      const refused = await exportText(server, mx, `format=txt&lang=${lang}`);
      expect(refused.status).toBe(400);
      expect((JSON.parse(refused.text) as ApiErrorBody).error).toEqual({
        code: 'bad_request',
        message: `Unknown lang "${lang}": use one of en, es, fr.`,
      });
    }
  });
});

describe('error messages', () => {
  it('are in the language of Accept-Language before sign-in, with the same code', async () => {
    const { server } = await startServer();
    const login = (acceptLanguage: string) =>
      fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: {
          origin: server.url,
          'content-type': 'application/json',
          'accept-language': acceptLanguage,
        },
        body: JSON.stringify({ username: 'mx.delegate', password: 'not-the-password' }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as ApiErrorBody,
      }));
    expect(await login('es-MX,es;q=0.9')).toEqual({
      status: 401,
      body: {
        error: {
          code: 'invalid_credentials',
          message: 'Nombre de usuario o contraseña incorrectos.',
        },
      },
    });
    expect((await login('fr-CA')).body.error).toEqual({
      code: 'invalid_credentials',
      message: 'Nom d’utilisateur ou mot de passe incorrect.',
    });
    expect((await login('de')).body.error.message).toBe('Wrong username or password.');
  });

  it('are in the person’s chosen language once signed in, commands’ refusals included', async () => {
    const { server } = await startServer({ now: () => NOW });
    const gt = await signIn(server, 'gt.delegate', DEMO_PASSWORD);
    const final = (acceptLanguage?: string) =>
      exportText(server, gt, 'format=txt&mode=final', acceptLanguage);
    const english = await final();
    expect(english.status).toBe(403);
    expect(JSON.parse(english.text)).toEqual({
      error: { code: 'forbidden', message: 'Only a moderator may export the final communiqué.' },
    });
    expect(JSON.parse((await final('es-GT')).text).error.message).toBe(
      'Solo un moderador puede exportar el comunicado final.',
    );
    await setLocale(server, gt, 'fr');
    expect(JSON.parse((await final('es-GT')).text)).toEqual({
      error: {
        code: 'forbidden',
        message: 'Seul un modérateur peut exporter le communiqué final.',
      },
    });
  });
});
