import { join } from 'node:path';
import { LIMITS } from '@accord/shared/protocol/limits';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAMES } from './seed/demo';
import { DATABASE_FILE } from './storage/sqlite/SqliteStorage';
import { type RunningTestServer, signIn, startTestServer } from './testing/testServer';

const servers: RunningTestServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(overrides?: Parameters<typeof startTestServer>[0]) {
  const server = await startTestServer(overrides);
  servers.push(server);
  return server;
}

function postLogin(server: RunningTestServer, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body,
  });
}

describe('the server', () => {
  it('answers /api/health and seeds the demo into an empty data folder', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', ok: true, storage: 'ok' });
    expect(server.seeded).not.toBeNull();
    expect((await server.storage.users.list()).map((u) => u.username).sort()).toEqual(
      [...DEMO_USERNAMES].sort(),
    );
    expect(server.config.allowedOrigins).toEqual([server.url]);
  });

  it('keeps users, sessions and the draft across a restart, and seeds only once', async () => {
    const first = await start();
    const cookie = await signIn(first, 'mx.delegate', DEMO_PASSWORD);
    const negotiationId = first.seeded?.negotiationId;
    const documentId = first.seeded?.documentId ?? '';
    const log = await first.storage.updates.load(documentId);
    expect(log).toHaveLength(1);
    await first.close();

    const second = await start({ dataDir: first.dataDir });
    expect(second.seeded).toBeNull();
    expect((await second.storage.negotiations.list()).map((n) => n.id)).toEqual([negotiationId]);
    expect(await second.storage.updates.load(documentId)).toEqual(log);
    const me = await fetch(`${second.url}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
  });

  it('does not seed when told not to', async () => {
    const server = await start({ seedDemo: false });
    expect(server.seeded).toBeNull();
    expect(await server.storage.users.count()).toBe(0);
  });

  it('refuses a POST with a missing or foreign Origin with 403', async () => {
    const server = await start();
    const body = JSON.stringify({ username: 'chair', password: DEMO_PASSWORD });
    const missing = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    const foreign = await postLogin(server, body, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('answers bad JSON with 400 and oversized bodies with 413, and keeps serving', async () => {
    const server = await start();
    const bad = await postLogin(server, '{"username":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: { code: 'bad_request', message: 'The body is not valid JSON.' },
    });

    const huge = JSON.stringify({
      username: 'x',
      password: 'y'.repeat(LIMITS.maxRequestBodyBytes),
    });
    const declared = await postLogin(server, huge);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'payload_too_large' } });

    // Without Content-Length (chunked), the limit is enforced while reading.
    const bytes = new TextEncoder().encode(huge);
    const streamed = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 8192) {
            controller.enqueue(bytes.slice(offset, offset + 8192));
          }
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('answers unknown API paths with 404 JSON', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/api/nope`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses to start on a data folder written by a newer version', async () => {
    const first = await start();
    await first.close();
    const db = new Database(join(first.dataDir, DATABASE_FILE));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run(
      'future',
    );
    db.close();
    await expect(startTestServer({ dataDir: first.dataDir })).rejects.toThrow(/schema version 99/);
  });

  it('rejects when the port is taken', async () => {
    const first = await start();
    await expect(startTestServer({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
