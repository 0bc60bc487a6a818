import type { Log } from '@accord/shared/log';
import type { Hono } from 'hono';
import { hashPassword } from '../auth/password';
import { createApp } from '../http/app';
import type { AppDeps, AppEnv } from '../http/context';
import { DEMO_PASSWORD, type SeededDemo, seedDemo } from '../seed/demo';
import { buildServices } from '../services';
import { MemoryStorage } from '../storage/memory/MemoryStorage';

/** The origin in-memory test apps allow. */
export const TEST_ORIGIN = 'http://accord.test';

/** An in-memory app for route tests with `app.request()`: no port, no files. */
export interface TestApp {
  app: Hono<AppEnv>;
  deps: AppDeps;
  storage: MemoryStorage;
  demo: SeededDemo;
  /** Unexpected errors the app reported. */
  errors: string[];
}

let demoHash: Promise<string> | null = null;

/** Builds the real app over in-memory storage with the demo seeded. */
export async function createTestApp(config: Partial<AppDeps['config']> = {}): Promise<TestApp> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const storage = new MemoryStorage();
  const demo = await seedDemo(storage, await demoHash);
  const errors: string[] = [];
  const log: Log = (level, message) => {
    if (level === 'error') errors.push(message);
  };
  // The server's own wiring, without deadline timers and without the access poll.
  const { audit, sync, sessions, throttle, hub, threads, revisions } = buildServices(storage, {
    log,
    timers: null,
  });
  const deps: AppDeps = {
    config: { allowedOrigins: [TEST_ORIGIN], secureCookies: false, clientDir: null, ...config },
    storage,
    audit,
    sync,
    sessions,
    throttle,
    hub,
    threads,
    revisions,
    log,
  };
  return { app: createApp(deps), deps, storage, demo, errors };
}

/** Signs in through the in-memory app and returns the `Cookie` header value. */
export async function signInToApp(app: Hono<AppEnv>, username: string): Promise<string> {
  const response = await app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || cookie === undefined) {
    throw new Error(`Sign-in of ${username} failed with ${response.status}.`);
  }
  return cookie;
}
