import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/testApp';
import { type HealthDeps, healthRoutes } from './healthRoutes';

/** A storage whose user count answers as `count` does. */
function storageAnswering(count: () => Promise<number>): HealthDeps['storage'] {
  return { users: { count } as HealthDeps['storage']['users'] };
}

async function health(deps: HealthDeps) {
  const response = await healthRoutes(deps).request('/health');
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('GET /api/health', () => {
  it('answers 200 when the storage answers a read', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', ok: true, storage: 'ok' });
  });

  it('answers 503 when the storage fails', async () => {
    const failing = storageAnswering(() => Promise.reject(new Error('connection refused')));
    expect(await health({ storage: failing })).toEqual({
      status: 503,
      body: { status: 'unavailable', ok: false, storage: 'unreachable' },
    });
  });

  it('answers 503 when the storage does not answer in time', async () => {
    const hanging = storageAnswering(() => new Promise<number>(() => {}));
    const started = performance.now();
    expect(await health({ storage: hanging, timeoutMs: 50 })).toEqual({
      status: 503,
      body: { status: 'unavailable', ok: false, storage: 'unreachable' },
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reports Redis when the server uses it', async () => {
    const storage = storageAnswering(async () => 3);
    expect(await health({ storage, redisPing: async () => 'PONG' })).toEqual({
      status: 200,
      body: { status: 'ok', ok: true, storage: 'ok', redis: 'ok' },
    });
    expect(
      await health({ storage, redisPing: () => Promise.reject(new Error('down')), timeoutMs: 50 }),
    ).toEqual({
      status: 503,
      body: { status: 'unavailable', ok: false, storage: 'ok', redis: 'unreachable' },
    });
  });
});
