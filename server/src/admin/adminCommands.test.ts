import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage';
import type { AdminCommand } from './adminArgs';
import { parseAdminArgs } from './adminArgs';
import { type CommandResult, runAdminCommand } from './adminCommands';

let dataDir: string;
let storage: SqliteStorage;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-admin-'));
  const opened = SqliteStorage.open(dataDir, { defaultTimeZone: 'UTC' });
  if (!opened.ok) throw new Error(opened.error);
  storage = opened.value;
  await storage.negotiations.create({
    id: 'talks',
    title: 'Talks',
    venue: 'DC',
    startsOn: '2025-06-11',
    timeZone: 'UTC',
  });
});

afterEach(async () => {
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function parsed(argv: string[]): AdminCommand {
  const result = parseAdminArgs(argv);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function run(argv: string[], password = 'a good long password'): Promise<CommandResult> {
  return runAdminCommand(storage, parsed(argv), async () => password);
}

const CREATE = ['user', 'create', 'jdoe', '--name', 'Jane Doe'];
const MEMBERSHIP = ['--negotiation', 'talks', '--delegation', 'MX', '--role', 'delegate'];

describe('admin commands', () => {
  it('create a user with an argon2id password and a membership', async () => {
    const result = await run([...CREATE, ...MEMBERSHIP]);
    expect(result).toEqual({
      ok: true,
      value: 'Created user jdoe (Jane Doe).\njdoe is delegate for MX in "Talks".',
    });
    const user = await storage.users.byUsername('jdoe');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user?.passwordHash ?? '', 'a good long password')).toBe(true);
    expect(await storage.negotiations.membership('talks', user?.id ?? '')).toMatchObject({
      delegation: 'MX',
      role: 'delegate',
    });
  });

  it('refuse bad usernames, short passwords, duplicates and unknown negotiations', async () => {
    expect(await run(['user', 'create', 'J D', '--name', 'x'])).toMatchObject({ ok: false });
    expect(await run(CREATE, 'short')).toEqual({
      ok: false,
      error: 'The password must have at least 10 characters.',
    });
    expect(await storage.users.byUsername('jdoe')).toBeUndefined();
    await run(CREATE);
    expect(await run(CREATE)).toEqual({ ok: false, error: 'User "jdoe" already exists.' });
    expect(
      await run([
        'user',
        'assign',
        'jdoe',
        '--negotiation',
        'nope',
        '--delegation',
        'MX',
        '--role',
        'delegate',
      ]),
    ).toMatchObject({ ok: false, error: expect.stringContaining('No negotiation "nope"') });
    expect(await run(['user', 'disable', 'ghost'])).toEqual({
      ok: false,
      error: 'No user "ghost".',
    });
  });

  it('change a password and end the old sessions', async () => {
    await run(CREATE);
    const user = await storage.users.byUsername('jdoe');
    await storage.sessions.create({
      id: 's',
      userId: user?.id ?? '',
      expiresAt: Date.now() + 1000,
    });
    expect((await run(['user', 'set-password', 'jdoe'], 'another long password')).ok).toBe(true);
    const hash = (await storage.users.byUsername('jdoe'))?.passwordHash ?? '';
    expect(await verifyPassword(hash, 'another long password')).toBe(true);
    expect(await storage.sessions.byId('s')).toBeUndefined();
  });

  it('assign, disable (ending sessions) and enable', async () => {
    await run(CREATE);
    const id = (await storage.users.byUsername('jdoe'))?.id ?? '';
    expect(
      await run([
        'user',
        'assign',
        'jdoe',
        '--negotiation',
        'talks',
        '--delegation',
        'CHAIR',
        '--role',
        'moderator',
      ]),
    ).toEqual({ ok: true, value: 'jdoe is moderator for CHAIR in "Talks".' });
    await storage.sessions.create({ id: 's', userId: id, expiresAt: Date.now() + 1000 });
    await run(['user', 'disable', 'jdoe']);
    expect((await storage.users.byId(id))?.disabled).toBe(true);
    expect(await storage.sessions.byId('s')).toBeUndefined();
    await run(['user', 'enable', 'jdoe']);
    expect((await storage.users.byId(id))?.disabled).toBe(false);
  });

  it('list users and negotiations', async () => {
    expect(await run(['user', 'list'])).toEqual({ ok: true, value: 'No users.' });
    await run([...CREATE, ...MEMBERSHIP]);
    const users = await run(['user', 'list']);
    expect(users.ok && users.value.split('\n')).toEqual([
      'username  name      status  memberships',
      'jdoe      Jane Doe  active  talks:MX/delegate',
    ]);
    const negotiations = await run(['negotiation', 'list']);
    expect(negotiations.ok && negotiations.value).toContain(
      'talks  Talks  DC     2025-06-11  UTC        1',
    );
  });

  it("set a negotiation's time zone, canonical, audited; refuse a bad zone and keep the old one", async () => {
    expect(
      await run(['negotiation', 'time-zone', 'america/mexico_city', '--negotiation', 'talks']),
    ).toEqual({
      ok: true,
      value: '"Talks" now shows its times in America/Mexico_City (was UTC).',
    });
    expect((await storage.negotiations.byId('talks'))?.timeZone).toBe('America/Mexico_City');
    const entries = await storage.audit.list('talks');
    expect(entries.at(-1)).toMatchObject({ action: 'timeZone', userId: null });
    expect(JSON.parse(entries.at(-1)?.detail ?? '{}')).toEqual({
      from: 'UTC',
      to: 'America/Mexico_City',
    });
    const refused = await run([
      'negotiation',
      'time-zone',
      'Mars/Olympus_Mons',
      '--negotiation',
      'talks',
    ]);
    expect(refused).toEqual({
      ok: false,
      error: expect.stringContaining('"Mars/Olympus_Mons" is not a time zone Accord knows'),
    });
    expect(await run(['negotiation', 'time-zone', 'UTC', '--negotiation', 'nope'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('No negotiation "nope"'),
    });
    expect((await storage.negotiations.byId('talks'))?.timeZone).toBe('America/Mexico_City');
    expect(await storage.audit.list('talks')).toHaveLength(entries.length);
  });
});
