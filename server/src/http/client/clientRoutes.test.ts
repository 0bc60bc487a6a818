import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN } from '../../testing/testApp';

function builtClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Accord</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

describe('the built client', () => {
  it('is served with the SPA fallback for page paths', async () => {
    const { app } = await createTestApp({ clientDir: builtClient() });
    for (const path of ['/', '/login', '/d/some-document', '/n/x']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<title>Accord</title>');
    }
    const script = await app.request('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });

  it('gets security headers on pages', async () => {
    const { app } = await createTestApp({ clientDir: builtClient() });
    const response = await app.request('/login');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${TEST_ORIGIN.replace('http', 'ws')}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('never answers an unknown API path with the page', async () => {
    const { app } = await createTestApp({ clientDir: builtClient() });
    const response = await app.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No API route GET /api/nothing-here.' },
    });
  });

  it('explains how to build it when it is missing', async () => {
    const { app } = await createTestApp({ clientDir: null });
    const response = await app.request('/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('pnpm build');
  });
});
