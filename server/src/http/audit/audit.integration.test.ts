import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditLogResponse, AuditVerifyResponse } from '@accord/shared/domain/audit';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { DATABASE_FILE } from '../../storage/sqlite/SqliteStorage';
import { apiRequest } from '../../testing/apiClient';
import { setLock } from '../../testing/lockTestKit';
import { clauseText } from '../../testing/testClient';
import { type RunningTestServer, signIn } from '../../testing/testServer';
import {
  closeAll,
  demoDocumentId,
  openClient,
  startServer,
  until,
} from '../../testing/wsTestClients';

/**
 * The audit log end to end: locks, unlocks and positions are recorded with who, delegation and
 * when; only moderators read it; the chain verifies, and an entry edited directly in SQLite is
 * named by the API and by the admin tool (exit code 1).
 */

afterEach(closeAll);

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function negotiationIdOf(server: RunningTestServer): string {
  return server.demo!.negotiationId;
}

async function readAudit(server: RunningTestServer, username = 'chair', query = '') {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  return apiRequest(
    server,
    cookie,
    'GET',
    `/api/negotiations/${negotiationIdOf(server)}/audit${query}`,
  );
}

async function verify(server: RunningTestServer): Promise<AuditVerifyResponse> {
  const reply = await readAudit(server, 'chair', '/verify');
  expect(reply.status).toBe(200);
  return reply.body as AuditVerifyResponse;
}

function admin(server: RunningTestServer, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, ACCORD_DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function recordSome(server: RunningTestServer): Promise<void> {
  expect((await setLock(server, 'op-jobs', true, 'Agreed in the corridor')).status).toBe(200);
  expect((await setLock(server, 'op-jobs', false, 'MX asked to reopen')).status).toBe(200);
  const cookie = await signIn(server, 'mx.delegate', DEMO_PASSWORD);
  const stated = await apiRequest(
    server,
    cookie,
    'PUT',
    `/api/documents/${demoDocumentId(server)}/clauses/op-jobs/position`,
    { position: 'reserve' },
  );
  expect(stated.status).toBe(200);
}

describe('GET /api/negotiations/:id/audit', () => {
  it('records locks, unlocks with reasons and positions: who, delegation, when, what', async () => {
    const { server } = await startServer();
    await recordSome(server);
    const reply = await readAudit(server);
    expect(reply.status).toBe(200);
    const { entries } = reply.body as AuditLogResponse;
    expect(entries.map((entry) => entry.action)).toEqual(['lock', 'unlock', 'position']);
    expect(entries[0]).toMatchObject({
      seq: 1,
      delegation: 'CHAIR',
      displayName: 'Amb. Ruth Okafor',
      documentId: demoDocumentId(server),
      detail: { clauseId: 'op-jobs', label: 'OP4', reason: 'Agreed in the corridor' },
    });
    expect(entries[1]!.detail).toMatchObject({ reason: 'MX asked to reopen' });
    expect(entries[2]).toMatchObject({
      delegation: 'MX',
      detail: { clauseId: 'op-jobs', label: 'OP4', of: 'MX', position: 'reserve' },
    });
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
  });

  it('records the positions a delegate’s text change cleared, naming who changed the text', async () => {
    const { server } = await startServer();
    await recordSome(server);
    const us = await openClient(server, 'us.delegate');
    clauseText(us.doc, 'op-jobs').insert(0, 'Firmly ');
    await until(
      async () =>
        (await server.storage.audit.list(negotiationIdOf(server))).some(
          (entry) => entry.action === 'positionsCleared',
        ),
      'the cleared position is audited',
    );
    const { entries } = (await readAudit(server)).body as AuditLogResponse;
    expect(entries.filter((entry) => entry.action === 'positionsCleared')).toMatchObject([
      {
        delegation: 'US',
        displayName: 'Elena Marsh',
        detail: { clauseId: 'op-jobs', label: 'OP4', delegations: ['MX'] },
      },
    ]);
    const verified = (await readAudit(server, 'chair', '/verify')).body as AuditVerifyResponse;
    expect(verified.ok).toBe(true);
  });

  it('is for moderators only', async () => {
    const { server } = await startServer();
    expect((await readAudit(server, 'us.delegate')).status).toBe(403);
    expect((await readAudit(server, 'observer')).status).toBe(403);
    expect((await readAudit(server, 'us.delegate', '/verify')).status).toBe(403);
  });

  it('exports CSV as a download', async () => {
    const { server } = await startServer();
    await recordSome(server);
    const cookie = await signIn(server, 'chair', DEMO_PASSWORD);
    const response = await fetch(
      `${server.url}/api/negotiations/${negotiationIdOf(server)}/audit?format=csv`,
      { headers: { cookie, origin: server.url } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.csv"/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',CHAIR,Amb. Ruth Okafor,lock,');
  });
});

describe('verifying the chain', () => {
  it('names the first entry edited directly in SQLite, over HTTP and in the admin tool', async () => {
    const { server } = await startServer();
    await recordSome(server);
    const negotiationId = negotiationIdOf(server);
    expect(await verify(server)).toEqual({ ok: true, entries: 3 });
    const intact = admin(server, ['audit', 'verify', '--negotiation', negotiationId]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain('3 entries verified');

    const db = new Database(join(server.dataDir, DATABASE_FILE));
    db.prepare(
      "UPDATE audit_log SET detail = replace(detail, 'MX asked to reopen', 'Nobody asked') WHERE seq = 2",
    ).run();
    db.close();

    expect(await verify(server)).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
    const broken = admin(server, ['audit', 'verify', '--negotiation', negotiationId]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Audit log broken at entry 2');
  });

  it('records membership changes made with the admin tool', async () => {
    const { server } = await startServer();
    const negotiationId = negotiationIdOf(server);
    const assigned = admin(server, [
      'user',
      'assign',
      'observer',
      '--negotiation',
      negotiationId,
      '--delegation',
      'GT',
      '--role',
      'delegate',
    ]);
    expect(assigned.code).toBe(0);
    const { entries } = (await readAudit(server)).body as AuditLogResponse;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'membership',
      userId: null,
      displayName: 'Admin tool',
      detail: {
        username: 'observer',
        delegation: 'GT',
        role: 'delegate',
        previous: { delegation: 'CHAIR', role: 'observer' },
      },
    });
    expect(await verify(server)).toEqual({ ok: true, entries: 1 });
  });
});
