import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config';
import type { SeededDemo } from '../seed/demo';
import { type RunningServer, type StartServerOptions, startServer } from '../server';

/** A server started for a test, with the temporary data folder it owns. */
export interface RunningTestServer extends RunningServer {
  dataDir: string;
  /**
   * The demo negotiation and draft as storage held them at start (seeded now or by an earlier
   * start on the same folder); null when there is none. Tests name them without a read.
   */
  demo: SeededDemo | null;
}

/** What a test may change: configuration, plus the clock and log of `startServer`. */
export type TestServerOverrides = Partial<AppConfig> & StartServerOptions;

/** Temporary data folders made by this process, deleted when it exits (after any restart). */
const temporaryDataDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of temporaryDataDirs) rmSync(dir, { recursive: true, force: true });
});

/** Test servers keep quiet unless something goes wrong. */
function quietLog(level: 'info' | 'warn' | 'error', message: string): void {
  if (level === 'error') console.error(`[test server] ${message}`);
}

/**
 * Starts the real server on port 0 of 127.0.0.1 with SQLite in a fresh temporary folder, the
 * demo seeded and its own URL as the only allowed origin. Pass `dataDir` to reopen the folder
 * of a closed server (a restart); folders made here are deleted when the test process exits.
 */
export async function startTestServer(
  overrides: TestServerOverrides = {},
): Promise<RunningTestServer> {
  const { log, now, sessionRecheckMs, liveness, silenceTimers, syncTuning, ...configOverrides } =
    overrides;
  let dataDir = configOverrides.dataDir;
  if (dataDir === undefined) {
    dataDir = mkdtempSync(join(tmpdir(), 'accord-test-'));
    temporaryDataDirs.add(dataDir);
  }
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: ['http://127.0.0.1:0'],
    secureCookies: false,
    seedDemo: true,
    clientDir: null,
    defaultTimeZone: 'UTC',
    database: null,
    cluster: null,
    ...configOverrides,
    dataDir,
  };
  const server = await startServer(config, {
    log: log ?? quietLog,
    ...(now ? { now } : {}),
    ...(sessionRecheckMs ? { sessionRecheckMs } : {}),
    ...(liveness ? { liveness } : {}),
    ...(silenceTimers ? { silenceTimers } : {}),
    ...(syncTuning ? { syncTuning } : {}),
  });
  return { ...server, dataDir, demo: await demoOf(server) };
}

/** The first negotiation and its first draft, as the seeded demo is. */
async function demoOf(server: RunningServer): Promise<SeededDemo | null> {
  if (server.seeded !== null) return server.seeded;
  const negotiation = (await server.storage.negotiations.list())[0];
  if (negotiation === undefined) return null;
  const document = (await server.storage.documents.listByNegotiation(negotiation.id))[0];
  if (document === undefined) return null;
  return { negotiationId: negotiation.id, documentId: document.id };
}

/** Signs in through `POST /api/login` and returns the `Cookie` header value of the session. */
export async function signIn(
  server: Pick<RunningServer, 'url'>,
  username: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(
      `Sign-in of ${username} failed with ${response.status}: ${await response.text()}`,
    );
  }
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('accord_session='));
  if (cookie === undefined) throw new Error(`Sign-in of ${username} set no session cookie.`);
  return cookie.split(';')[0] ?? '';
}
