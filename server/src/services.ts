import type { Log } from '@accord/shared/log';
import { AuditLog } from './audit/AuditLog';
import { AccessWatch } from './auth/AccessWatch';
import { recheckAccess } from './auth/accessRecheck';
import { LoginThrottle } from './auth/loginThrottle';
import { SessionManager } from './auth/sessions';
import { clausePlugins } from './clauses/clausePlugins';
import type { SyncTuning } from './config';
import { RevisionService } from './revisions/RevisionService';
import type { SilenceTimers } from './revisions/silenceTimers';
import type { Storage } from './storage/storage';
import { SyncServer } from './sync/SyncServer';
import type { LivenessOptions } from './sync/syncTypes';
import { ThreadHub } from './threads/ThreadHub';
import { ThreadService } from './threads/ThreadService';

/** The long-lived parts of a running server, each built once over one storage. */
export interface Services {
  audit: AuditLog;
  sessions: SessionManager;
  access: AccessWatch;
  sync: SyncServer;
  throttle: LoginThrottle;
  hub: ThreadHub;
  threads: ThreadService;
  revisions: RevisionService;
}

/** What the services are built from besides storage. */
export interface ServiceOptions {
  log: Log;
  /** The one clock: sessions, throttling, clause history, threads, revisions, the audit log. */
  now?: (() => number) | undefined;
  liveness?: LivenessOptions | undefined;
  /** Group commit and coalesced frames of the sync core; both on by default. */
  syncTuning?: SyncTuning | undefined;
  /** The timer seam of silence deadlines; null: deadlines are settled only at `start`. */
  timers: SilenceTimers | null;
}

/** The audit log over a storage; the admin tool, a process of its own, builds its one here too. */
export function auditLogOf(storage: Storage, now: () => number, log: Log): AuditLog {
  return new AuditLog(storage.audit, now, log);
}

/**
 * Builds every service once, in dependency order, with the one clock and the one log: the
 * server (`server.ts`) and the in-memory test app share this wiring.
 */
export function buildServices(storage: Storage, options: ServiceOptions): Services {
  const { log } = options;
  const now = options.now ?? Date.now;
  const audit = auditLogOf(storage, now, log);
  const sessions = new SessionManager(storage, now);
  const access = new AccessWatch(
    () => storage.accessVersion(),
    (message) => log('error', message),
  );
  const sync = new SyncServer({
    updates: storage.updates,
    documents: storage.documents,
    plugins: clausePlugins({
      changes: storage.clauseChanges,
      now,
      // A text change that clears positions is a position change: into the audit log with it.
      // `record` never rejects (a failure is logged); reading the draft may, so it is logged too.
      positionsCleared: async ({ documentId, clauseId, label, delegations, author }) => {
        let negotiationId: string | undefined;
        try {
          negotiationId = (await storage.documents.byId(documentId))?.negotiationId;
        } catch (error) {
          log('error', `Recording cleared positions of ${documentId} failed: ${String(error)}`);
          return;
        }
        if (negotiationId === undefined) return;
        await audit.record({
          negotiationId,
          documentId,
          userId: author.userId,
          delegation: author.delegation,
          action: 'positionsCleared',
          detail: { clauseId, label, delegations },
        });
      },
    }),
    log: (level, message) => log(level, `[sync] ${message}`),
    now,
    ...(options.liveness ? { liveness: options.liveness } : {}),
    ...(options.syncTuning ?? {}),
    access: {
      noticeChanges: () => access.check(),
      recheck: (principal) =>
        recheckAccess(
          { sessions, users: storage.users, negotiations: storage.negotiations },
          principal,
        ),
    },
  });
  const hub = new ThreadHub();
  const threads = new ThreadService({
    storage,
    hub,
    now,
    // Only public messages can be hidden, so the entry reveals nothing private.
    onHidden: (entry) =>
      audit.record({
        negotiationId: entry.negotiationId,
        documentId: entry.documentId,
        userId: entry.userId,
        delegation: entry.delegation,
        action: 'messageHidden',
        detail: { threadId: entry.threadId, messageId: entry.messageId, reason: entry.reason },
      }),
  });
  const revisions = new RevisionService({ storage, sync, audit, now, timers: options.timers, log });
  return {
    audit,
    sessions,
    access,
    sync,
    throttle: new LoginThrottle(undefined, now),
    hub,
    threads,
    revisions,
  };
}
