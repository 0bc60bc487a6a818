import { Hono } from 'hono';
import type { Storage } from '../../storage/storage';
import type { AppEnv } from '../context';

/** How long a dependency may take to answer before it counts as unreachable. */
export const HEALTH_TIMEOUT_MS = 1_000;

/** Whether a dependency answered in time. */
export type DependencyHealth = 'ok' | 'unreachable';

/**
 * The answer of `GET /api/health`. `status` is the original field (kept for existing probes);
 * `ok` is true when every dependency answered. `redis` is there only when the server uses Redis.
 */
export interface HealthResponse {
  status: 'ok' | 'unavailable';
  ok: boolean;
  storage: DependencyHealth;
  redis?: DependencyHealth;
}

/** What the health check asks. */
export interface HealthDeps {
  storage: Pick<Storage, 'users'>;
  /** Pings Redis (resolves when it answers); absent when the server does not use Redis. */
  redisPing?: (() => Promise<unknown>) | undefined;
  /** Default `HEALTH_TIMEOUT_MS`. */
  timeoutMs?: number | undefined;
}

/** Whether `probe` resolves within `timeoutMs`; a rejection or a late answer is unreachable. */
async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<DependencyHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<DependencyHealth>((resolve) => {
    timer = setTimeout(() => resolve('unreachable'), timeoutMs);
  });
  const answered = (async (): Promise<DependencyHealth> => {
    try {
      await check();
      return 'ok';
    } catch {
      return 'unreachable';
    }
  })();
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /api/health`: 200 when the storage answers a trivial read (and Redis a ping, when there
 * is one) within a short time, 503 otherwise, for load balancers and container probes.
 */
export function healthRoutes(deps: HealthDeps): Hono<AppEnv> {
  const timeoutMs = deps.timeoutMs ?? HEALTH_TIMEOUT_MS;
  const app = new Hono<AppEnv>();
  app.get('/health', async (c) => {
    const { redisPing } = deps;
    const [storage, redis] = await Promise.all([
      probe(() => deps.storage.users.count(), timeoutMs),
      redisPing ? probe(redisPing, timeoutMs) : Promise.resolve(undefined),
    ]);
    const ok = storage === 'ok' && (redis === undefined || redis === 'ok');
    const body: HealthResponse = {
      status: ok ? 'ok' : 'unavailable',
      ok,
      storage,
      ...(redis === undefined ? {} : { redis }),
    };
    return c.json(body, ok ? 200 : 503);
  });
  return app;
}
