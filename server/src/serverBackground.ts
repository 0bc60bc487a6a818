import type { Log } from '@accord/shared/log';
import type { AccessWatch } from './auth/AccessWatch';
import type { SessionManager } from './auth/sessions';
import type { RevisionService } from './revisions/RevisionService';
import type { SyncServer } from './sync/SyncServer';

/** Expired sessions are swept this often. */
const SESSION_SWEEP_MS = 60 * 60 * 1000;

/** How often the access version is polled: access changes reach open connections by then. */
const ACCESS_POLL_MS = 250;

/**
 * Work a server's timers start on storage (session sweeps, access rechecks): a failure is
 * logged, never thrown into a timer, and closing waits for whatever still runs.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Log) {}

  /** Runs `work` in the background; resolves when it is done (it never rejects). */
  run(what: string, work: () => Promise<unknown>): Promise<void> {
    const done = (async () => {
      try {
        await work();
      } catch (error) {
        this.log('error', `${what} failed: ${String(error)}`);
      }
    })().finally(() => this.running.delete(done));
    this.running.add(done);
    return done;
  }

  /**
   * A job that runs once at a time. A call queues one run after the current one, or joins the
   * run already queued (it has not started, so it covers the call); the promise resolves when
   * that run has finished. So a change noticed while a run is under way is always looked at.
   */
  coalesced(what: string, work: () => Promise<unknown>): () => Promise<void> {
    let tail: Promise<void> = Promise.resolve();
    let queued: Promise<void> | null = null;
    return () => {
      if (queued !== null) return queued;
      const next = tail.then(() => {
        queued = null;
        return this.run(what, work);
      });
      queued = next;
      tail = next;
      return next;
    };
  }

  /** Resolves once nothing runs. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}

/** What a server's timers work on. */
export interface ServerTimerDeps {
  sessions: Pick<SessionManager, 'deleteExpired'>;
  access: Pick<AccessWatch, 'subscribe' | 'start'>;
  sync: Pick<SyncServer, 'recheckAccess'>;
  revisions: Pick<RevisionService, 'start'>;
  /** Open sockets' sessions are checked again this often, for sessions that simply expired. */
  sessionRecheckMs: number;
  /** Several servers: silence deadlines are armed again this often; null when alone. */
  rearmSilencesMs: number | null;
}

/**
 * Starts the server's periodic work: the session sweep, the access poll and its rechecks, and
 * (several servers) re-arming silence deadlines. Returns what stops the timers; the work under
 * way is waited for by `BackgroundWork.settled`.
 */
export function startServerTimers(
  background: BackgroundWork,
  deps: ServerTimerDeps,
): { stop(): void } {
  const { sessions, access, sync, revisions } = deps;
  const sweepExpired = () =>
    background.run('Deleting expired sessions', () => sessions.deleteExpired());
  const recheckOpenConnections = background.coalesced("Checking open connections' sessions", () =>
    sync.recheckAccess(),
  );
  // Never rejects (failures are logged); closing waits for it through `settled`.
  void sweepExpired();
  const intervals = [setInterval(sweepExpired, SESSION_SWEEP_MS)];
  // The listener's promise is awaited by the access check (S10): it resolves once every
  // connection whose rights ended is closed.
  access.subscribe(recheckOpenConnections);
  access.start(ACCESS_POLL_MS);
  intervals.push(setInterval(recheckOpenConnections, deps.sessionRecheckMs));
  if (deps.rearmSilencesMs !== null) {
    intervals.push(
      setInterval(
        () => background.run('Arming silence deadlines', () => revisions.start()),
        deps.rearmSilencesMs,
      ),
    );
  }
  for (const interval of intervals) interval.unref();
  return {
    stop() {
      for (const interval of intervals) clearInterval(interval);
    },
  };
}
