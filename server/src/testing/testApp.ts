import type { Hono } from 'hono';
import { LoginThrottle } from '../auth/loginThrottle';
import { hashPassword } from '../auth/password';
import { SessionManager } from '../auth/sessions';
import { clausePlugins } from '../clauses/clausePlugins';
import { createApp } from '../http/app';
import type { AppDeps, AppEnv } from '../http/context';
import { DEMO_PASSWORD, type SeededDemo, seedDemo } from '../seed/demo';
import { MemoryStorage } from '../storage/memory/MemoryStorage';
import { SyncServer } from '../sync/SyncServer';

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
  const demo = seedDemo(storage, await demoHash);
  const errors: string[] = [];
  const deps: AppDeps = {
    config: { allowedOrigins: [TEST_ORIGIN], secureCookies: false, clientDir: null, ...config },
    storage,
    sync: new SyncServer({
      updates: storage.updates,
      documents: storage.documents,
      plugins: clausePlugins({ changes: storage.clauseChanges, now: Date.now }),
      log: () => {},
    }),
    sessions: new SessionManager(storage),
    throttle: new LoginThrottle(),
    log: (message) => errors.push(message),
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
