import type { AddressInfo } from 'node:net';
import type { Log, LogLevel } from '@accord/shared/log';
import { LIMITS } from '@accord/shared/protocol/limits';
import { type HttpBindings, serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { hashPassword } from './auth/password';
import { type Cluster, startCluster } from './cluster/Cluster';
import type { AppConfig, SyncTuning } from './config';
import { createApp } from './http/app';
import { realSilenceTimers, type SilenceTimers } from './revisions/silenceTimers';
import { DEMO_PASSWORD, isEmpty, type SeededDemo, seedDemo } from './seed/demo';
import { BackgroundWork, startServerTimers } from './serverBackground';
import { openServerData } from './serverData';
import { buildServices } from './services';
import type { Storage } from './storage/storage';
import type { SyncServer } from './sync/SyncServer';
import type { LivenessOptions } from './sync/syncTypes';

/** Severity of a server log line. */
export type ServerLogLevel = LogLevel;

/** Where the server writes its log lines (the one `Log` signature). */
export type ServerLog = Log;

/** Options that are not configuration: they come from the caller, not the environment. */
export interface StartServerOptions {
  log?: ServerLog;
  /** The clock of sessions, sign-in throttling and clause history (tests). */
  now?: () => number;
  /** How often open sockets' sessions are checked again for expiry (default 30 s). */
  sessionRecheckMs?: number;
  /** Ping rhythm and silence limit of sync sockets (tests shorten them). */
  liveness?: LivenessOptions;
  /** The timer seam of silence procedures' deadlines (tests fire it with their clock). */
  silenceTimers?: SilenceTimers;
  /** Group commit and coalesced frames of the sync core (`parseSyncTuning`); both on by default. */
  syncTuning?: SyncTuning;
}

/** A started server. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>` (or the configured host). */
  url: string;
  port: number;
  /** The configuration it runs with, origins resolved to the bound port. */
  config: AppConfig;
  storage: Storage;
  sync: SyncServer;
  /** This server's part in a cluster (SPEC H5), or null when it runs alone. */
  cluster: Cluster | null;
  /** What was seeded at this start, or null when the database already held data. */
  seeded: SeededDemo | null;
  /** Closes the sockets, the sync server and the database. */
  close(): Promise<void>;
}

/** Warnings and errors go to stderr; `main.ts` passes a log that shows more. */
function stderrLog(level: ServerLogLevel, message: string): void {
  if (level !== 'info') console.error(`[${level}] ${message}`);
}

/** How long closing waits for sockets to finish their closing handshake before cutting them. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Open sockets' sessions are checked again this often, for sessions that simply expired. Every
 * other change of access (sign-out, disabled user, membership, role, delegation) moves the
 * access version and is acted on within `ACCESS_POLL_MS`, or before the next frame.
 */
const SESSION_RECHECK_MS = 30_000;

/** An allowed origin with port 0 means "the port the server bound", as PORT=0 does. */
export function resolveOrigins(origins: readonly string[], port: number): string[] {
  return origins.map((origin) => {
    const url = new URL(origin);
    if (url.port !== '0') return origin;
    url.port = String(port);
    return url.origin;
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

async function seedIfEmpty(config: AppConfig, storage: Storage): Promise<SeededDemo | null> {
  if (!config.seedDemo || !(await isEmpty(storage))) return null;
  return seedDemo(storage, await hashPassword(DEMO_PASSWORD));
}

/**
 * Opens the database in `config.dataDir` (seeding the demo into an empty one), starts the HTTP
 * and WebSocket server and resolves once it listens. Prints nothing; rejects on bad state.
 */
export async function startServer(
  config: AppConfig,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? stderrLog;
  const { opened, seeded, fence } = await openServerData(
    config,
    (storage) => seedIfEmpty(config, storage),
    (storage) => closeQuietly(storage, log),
  );
  const storage = opened.storage;
  const services = buildServices(storage, {
    log,
    now: options.now,
    liveness: options.liveness,
    syncTuning: options.syncTuning,
    timers: options.silenceTimers ?? realSilenceTimers(options.now ?? Date.now),
  });
  const { sync, sessions, access, revisions } = services;
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxSyncMessageBytes });

  // An HTTP/1.1 server (no createServer option), so the adapter passes HttpBindings.
  type Handle = (request: Request, env: HttpBindings) => Response | Promise<Response>;
  let handle: Handle | null = null;
  let appReady: (ready: Handle) => void = () => {};
  const whenReady = new Promise<Handle>((resolve) => {
    appReady = resolve;
  });
  const listening = new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve, reject) => {
      const server = serve(
        {
          // The app is built once the port is known (allowed origins may name it) and the
          // deadlines missed while down are settled; a request read before then waits for it.
          fetch: (request, env) =>
            handle
              ? handle(request, env as HttpBindings)
              : whenReady.then((ready) => ready(request, env as HttpBindings)),
          port: config.port,
          hostname: config.host,
          websocket: { server: wss },
        },
        (info: AddressInfo) => resolve({ server, port: info.port }),
      );
      server.once('error', reject);
    },
  );

  let started: { server: ReturnType<typeof serve>; port: number };
  try {
    started = await listening;
  } catch (error) {
    await sync.shutdown();
    await closeQuietly(storage, log);
    throw error;
  }
  const { server, port } = started;
  const resolvedConfig: AppConfig = {
    ...config,
    port,
    allowedOrigins: resolveOrigins(config.allowedOrigins, port),
  };
  // A start that fails after listening closes what it opened; its own error is the one thrown.
  const abandon = async (error: unknown): Promise<never> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
    await sync.shutdown();
    await closeQuietly(storage, log);
    throw error;
  };
  let cluster: Cluster | null = null;
  if (config.cluster !== null && opened.postgres !== null && fence !== null) {
    cluster = await startCluster(config.cluster, {
      leases: opened.postgres.leases,
      httpUrl: config.cluster.internalUrl ?? `http://${urlHost(config.host)}:${port}`,
      sync,
      fence,
      log,
    }).catch(abandon);
  }
  // Deadlines that passed while the server was down are settled now, exactly once.
  await revisions.start().catch(abandon);
  const app = createApp({
    ...services,
    config: resolvedConfig,
    storage,
    log,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sessionRecheckMs ? { sessionRecheckMs: options.sessionRecheckMs } : {}),
    ...(cluster ? { cluster, redisPing: () => cluster.ping() } : {}),
  });
  handle = (request, env) => app.fetch(request, env);
  appReady(handle);

  const background = new BackgroundWork(log);
  const timers = startServerTimers(background, {
    sessions,
    access,
    sync,
    revisions,
    sessionRecheckMs: options.sessionRecheckMs ?? SESSION_RECHECK_MS,
    // Several servers: each arms the silence deadlines it has not seen (started through another
    // server, whose owner may have died since); a passed one is adopted by whoever can own it.
    rearmSilencesMs: config.cluster === null ? null : Math.max(10_000, 2 * config.cluster.leaseMs),
  });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      timers.stop();
      await revisions.stop();
      await access.stop();
      await sync.shutdown();
      // Its drafts' leases are released: other servers take them at once, not at expiry.
      await cluster?.stop();
      await waitForSockets(wss, CLOSE_GRACE_MS);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await background.settled();
      await storage.close();
    })();
    return closing;
  };

  return {
    url: `http://${urlHost(config.host)}:${port}`,
    port,
    config: resolvedConfig,
    storage,
    sync,
    cluster,
    seeded,
    close,
  };
}

/** Closes the storage after a failed start; the start's own error is the one that is thrown. */
async function closeQuietly(storage: Storage, log: ServerLog): Promise<void> {
  try {
    await storage.close();
  } catch (error) {
    log('error', `Closing the database failed: ${String(error)}`);
  }
}

/** Waits until every WebSocket has closed, then cuts any that have not within `graceMs`. */
async function waitForSockets(wss: WebSocketServer, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (wss.clients.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  for (const socket of wss.clients) socket.terminate();
}
