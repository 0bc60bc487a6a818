import type { Log } from '@accord/shared/log';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { AuditLog } from '../audit/AuditLog';
import type { AccessWatch } from '../auth/AccessWatch';
import type { LoginThrottle } from '../auth/loginThrottle';
import type { SessionManager } from '../auth/sessions';
import type { Cluster } from '../cluster/Cluster';
import type { DraftRouter } from '../cluster/forwardDraftRequests';
import type { AppConfig } from '../config';
import type { RevisionService } from '../revisions/RevisionService';
import type { SessionRecord, Storage, UserRecord } from '../storage/storage';
import type { SyncServer } from '../sync/SyncServer';
import type { ThreadHub } from '../threads/ThreadHub';
import type { ThreadService } from '../threads/ThreadService';

/** What the HTTP app is built from. */
export interface AppDeps {
  config: Pick<AppConfig, 'allowedOrigins' | 'secureCookies' | 'clientDir'>;
  storage: Storage;
  sync: SyncServer;
  sessions: SessionManager;
  throttle: LoginThrottle;
  /** Notices access changes (any process); live channels re-check their reader on each. */
  access?: AccessWatch;
  /** The negotiations' audit log, built once by the server (its clock and log injected). */
  audit: AuditLog;
  /** Where unexpected errors are reported. */
  log: Log;
  /** The clock of exports' time stamps (tests fix it); `Date.now` by default. */
  now?: () => number;
  /** Issued revisions and silence procedures. */
  revisions: RevisionService;
  /** Comment threads and the hub that tells live readers of a change. */
  threads: ThreadService;
  hub: ThreadHub;
  /** How often live channels check their session again (default 30 s, like the sync sockets). */
  sessionRecheckMs?: number;
  /**
   * Several servers (SPEC H5): draft requests are forwarded to the draft's owner and sync
   * sockets routed to it; absent when this server is the only one.
   */
  cluster?: DraftRouter & Pick<Cluster, 'connect'>;
  /** Pings Redis for `GET /api/health`; absent while the server uses no Redis. */
  redisPing?: () => Promise<unknown>;
  /** How long `GET /api/health` waits for each dependency (default 1 s). */
  healthTimeoutMs?: number;
}

/**
 * The Hono environment of every route. Bindings are partial because `app.request()` in tests
 * runs without the Node adapter.
 */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
}

/** The environment of routes behind `requireSession`: the signed-in user and session. */
export interface SessionEnv extends AppEnv {
  Variables: { user: UserRecord; session: SessionRecord };
}

/**
 * The client's address: the socket's remote address. X-Forwarded-For is not trusted, because
 * any client can send it (a proxy in front would need a config flag to say it sets it honestly).
 */
export function clientAddress(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
