import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostTimeZone, parseConfig, parseDefaultTimeZone, parseSyncTuning } from './config';

const cwd = mkdtempSync(join(tmpdir(), 'accord-config-'));

function errorOf(env: Record<string, string>): string {
  const result = parseConfig(env, cwd);
  if (result.ok) throw new Error(`Expected ${JSON.stringify(env)} to be refused.`);
  return result.error;
}

describe('parseConfig', () => {
  it('has working defaults for an empty environment', () => {
    const result = parseConfig({}, cwd);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: join(cwd, 'data'),
      allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
      secureCookies: false,
      seedDemo: true,
      defaultTimeZone: hostTimeZone(),
    });
  });

  it('reads every variable', () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'accord-client-'));
    const result = parseConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        ACCORD_DATA_DIR: 'store',
        ACCORD_ORIGINS: 'https://accord.example.org, http://localhost:5173/',
        ACCORD_SECURE_COOKIES: 'true',
        ACCORD_SEED_DEMO: 'FALSE',
        ACCORD_CLIENT_DIR: clientDir,
        ACCORD_TIME_ZONE: 'america/mexico_city',
        ACCORD_DATABASE_URL: 'postgres://accord@db.internal:5432/accord',
        ACCORD_DATABASE_SCHEMA: 'talks_2026',
        ACCORD_REDIS_URL: 'redis://cache.internal:6379',
        ACCORD_INTERNAL_URL: 'http://10.0.0.7:8080',
        ACCORD_LEASE_MS: '3000',
      },
      cwd,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        port: 8080,
        host: '0.0.0.0',
        dataDir: join(cwd, 'store'),
        allowedOrigins: ['https://accord.example.org', 'http://localhost:5173'],
        secureCookies: true,
        seedDemo: false,
        clientDir,
        defaultTimeZone: 'America/Mexico_City',
        database: { url: 'postgres://accord@db.internal:5432/accord', schema: 'talks_2026' },
        cluster: {
          redisUrl: 'redis://cache.internal:6379',
          internalUrl: 'http://10.0.0.7:8080',
          leaseMs: 3000,
        },
      },
    });
  });

  it('runs alone on SQLite by default, and on PostgreSQL alone without Redis', () => {
    const embedded = parseConfig({}, cwd);
    expect(embedded.ok && [embedded.value.database, embedded.value.cluster]).toEqual([null, null]);
    const alone = parseConfig({ ACCORD_DATABASE_URL: 'postgresql://127.0.0.1/test' }, cwd);
    expect(alone.ok && alone.value.database).toEqual({
      url: 'postgresql://127.0.0.1/test',
      schema: 'public',
    });
    expect(alone.ok && alone.value.cluster).toBeNull();
  });

  it('names the bad database, Redis or lease setting', () => {
    expect(errorOf({ ACCORD_DATABASE_URL: 'mysql://x/y' })).toContain(
      'ACCORD_DATABASE_URL must start with postgres:// or postgresql://',
    );
    expect(
      errorOf({ ACCORD_DATABASE_URL: 'postgres://x/y', ACCORD_DATABASE_SCHEMA: 'Drop;' }),
    ).toContain('ACCORD_DATABASE_SCHEMA must be a lower-case SQL name');
    expect(errorOf({ ACCORD_DATABASE_SCHEMA: 'talks' })).toBe(
      'ACCORD_DATABASE_SCHEMA needs ACCORD_DATABASE_URL',
    );
    expect(errorOf({ ACCORD_REDIS_URL: 'redis://127.0.0.1' })).toContain(
      'ACCORD_REDIS_URL needs ACCORD_DATABASE_URL',
    );
    const pg = { ACCORD_DATABASE_URL: 'postgres://x/y' };
    expect(errorOf({ ...pg, ACCORD_REDIS_URL: 'http://cache' })).toContain(
      'ACCORD_REDIS_URL must start with redis:// or rediss://',
    );
    expect(errorOf({ ...pg, ACCORD_REDIS_URL: 'redis://c', ACCORD_LEASE_MS: '50' })).toContain(
      'ACCORD_LEASE_MS must be an integer from 200 to 600000, got "50"',
    );
  });

  it('accepts port 0 (a free port, for tests)', () => {
    const result = parseConfig({ PORT: '0' }, cwd);
    expect(result.ok && result.value.port).toBe(0);
  });

  it('names the variable and the bad value', () => {
    expect(errorOf({ PORT: 'abc' })).toBe('PORT must be an integer from 0 to 65535, got "abc"');
    expect(errorOf({ PORT: '65536' })).toContain('PORT must be an integer from 0 to 65535');
    expect(errorOf({ PORT: '-1' })).toContain('got "-1"');
    expect(errorOf({ PORT: '80.5' })).toContain('got "80.5"');
    expect(errorOf({ HOST: 'local host' })).toContain('HOST');
    expect(errorOf({ ACCORD_SECURE_COOKIES: 'yes' })).toBe(
      'ACCORD_SECURE_COOKIES must be "true" or "false", got "yes"',
    );
    expect(errorOf({ ACCORD_SEED_DEMO: '1' })).toContain('ACCORD_SEED_DEMO');
    expect(errorOf({ ACCORD_CLIENT_DIR: join(cwd, 'nowhere') })).toContain('ACCORD_CLIENT_DIR');
    expect(errorOf({ ACCORD_TIME_ZONE: 'Mars/Olympus_Mons' })).toMatch(
      /^ACCORD_TIME_ZONE: "Mars\/Olympus_Mons" is not a time zone Accord knows/,
    );
  });

  it("takes the host's time zone unless ACCORD_TIME_ZONE names one", () => {
    expect(parseDefaultTimeZone(undefined, 'Europe/Paris')).toEqual({
      ok: true,
      value: 'Europe/Paris',
    });
    expect(parseDefaultTimeZone(' ', 'Europe/Paris')).toEqual({ ok: true, value: 'Europe/Paris' });
    expect(parseDefaultTimeZone('UTC', 'Europe/Paris')).toEqual({ ok: true, value: 'UTC' });
    const broken = parseDefaultTimeZone(undefined, '+05:00');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/^The host: /);
  });

  it('refuses a data folder that is a file', () => {
    writeFileSync(join(cwd, 'a-file'), '');
    expect(errorOf({ ACCORD_DATA_DIR: 'a-file' })).toContain('ACCORD_DATA_DIR must be a folder');
  });

  it('refuses origins that are not absolute http(s) origins', () => {
    expect(errorOf({ ACCORD_ORIGINS: 'localhost:3000' })).toContain('ACCORD_ORIGINS');
    expect(errorOf({ ACCORD_ORIGINS: 'ftp://example.org' })).toContain('http:// or https://');
    expect(errorOf({ ACCORD_ORIGINS: 'https://example.org/app' })).toContain('origin only');
    expect(errorOf({ ACCORD_ORIGINS: ' , ' })).toContain('at least one origin');
  });
});

describe('parseSyncTuning', () => {
  it('turns group commit and coalesced frames on by default, and off when asked', () => {
    expect(parseSyncTuning({})).toEqual({
      ok: true,
      value: { groupCommit: true, coalesceFrames: true },
    });
    expect(
      parseSyncTuning({ ACCORD_GROUP_COMMIT: 'false', ACCORD_COALESCE_FRAMES: 'false' }),
    ).toEqual({ ok: true, value: { groupCommit: false, coalesceFrames: false } });
    const bad = parseSyncTuning({ ACCORD_COALESCE_FRAMES: 'off' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('ACCORD_COALESCE_FRAMES');
  });

  it('reads how long an idle draft stays in memory, and names a bad value', () => {
    expect(parseSyncTuning({ ACCORD_IDLE_UNLOAD_MS: '5000' })).toEqual({
      ok: true,
      value: { groupCommit: true, coalesceFrames: true, idleUnloadMs: 5000 },
    });
    expect(parseSyncTuning({ ACCORD_IDLE_UNLOAD_MS: 'soon' })).toEqual({
      ok: false,
      error: 'ACCORD_IDLE_UNLOAD_MS must be an integer from 0 to 86400000, got "soon"',
    });
  });

  it('reads how long a quiet draft stays awake, and names a bad value', () => {
    expect(parseSyncTuning({ ACCORD_QUIET_MS: '250' })).toEqual({
      ok: true,
      value: { groupCommit: true, coalesceFrames: true, quietMs: 250 },
    });
    expect(parseSyncTuning({ ACCORD_QUIET_MS: '-1' })).toEqual({
      ok: false,
      error: 'ACCORD_QUIET_MS must be an integer from 0 to 86400000, got "-1"',
    });
  });
});
