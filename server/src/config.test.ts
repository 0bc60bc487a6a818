import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostTimeZone, parseConfig, parseDefaultTimeZone } from './config';

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
      },
    });
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
