import { THREAD_EVENTS, type ThreadListResponse } from '@accord/shared/protocol/threads';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ThreadHub } from '../../threads/ThreadHub';
import { type ThreadMember, type ThreadService, threadMember } from '../../threads/ThreadService';
import type { AppDeps, AppEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { requireSession } from '../middleware/requireSession';

/** Open channels check their session for expiry this often unless the app says otherwise. */
const DEFAULT_RECHECK_MS = 30_000;

/** Proxies drop silent connections; a comment line this often keeps the channel open. */
const KEEPALIVE_MS = 20_000;

/**
 * `GET /api/documents/:documentId/threads/events`: the live channel of a draft's threads, as
 * Server-Sent Events. It opens with `threads` (every thread the reader may read), then sends a
 * `thread` event with the whole thread each time one changes — decided for this reader at send
 * time, by the same policy as the HTTP API, with their membership and session as they are then
 * (SPEC P1, P4). A channel is for the rights it was opened with: when the reader's
 * session ends, their account is disabled, or their membership, role or delegation changes (by
 * the server or the admin tool: the access watch notices within a fraction of a second), it is
 * closed, and a browser's EventSource opens it again, under the new rights, with a new snapshot.
 */
export function threadEventRoutes(
  deps: AppDeps,
  service: ThreadService,
  hub: ThreadHub,
): Hono<AppEnv> {
  const { storage, sessions, config } = deps;
  const recheckMs = deps.sessionRecheckMs ?? DEFAULT_RECHECK_MS;
  const app = new Hono<AppEnv>();

  app.get(
    '/documents/:documentId/threads/events',
    requireSession(sessions, config.secureCookies),
    async (c) => {
      const user = c.get('user');
      const sessionId = c.get('session').id;
      const { document, membership: granted } = await requireDocumentMember(
        storage,
        c.req.param('documentId'),
        user.id,
      );

      /**
       * The reader as they are now, or undefined once their session or membership is gone or
       * their role or delegation is no longer the one the channel was opened with.
       */
      const currentMember = async (): Promise<ThreadMember | undefined> => {
        try {
          if ((await sessions.validateById(sessionId)) === undefined) return undefined;
          const membership = await storage.negotiations.membership(document.negotiationId, user.id);
          if (
            membership === undefined ||
            membership.role !== granted.role ||
            membership.delegation !== granted.delegation
          ) {
            return undefined;
          }
          return threadMember(membership);
        } catch {
          // The storage is closing (server shutdown): the channel ends with it.
          return undefined;
        }
      };

      return streamSSE(c, async (stream) => {
        let end: () => void = () => {};
        const ended = new Promise<void>((resolve) => {
          end = resolve;
        });
        // Writes go one after another, in the order the changes happened.
        let queue: Promise<unknown> = Promise.resolve();
        const enqueue = (write: () => Promise<unknown>): void => {
          queue = queue.then(write).catch(() => end());
        };

        const unsubscribe = hub.subscribe(document.id, (threadId) =>
          enqueue(async () => {
            const member = await currentMember();
            if (member === undefined) return end();
            let view: Awaited<ReturnType<ThreadService['view']>>;
            try {
              view = await service.view(document, threadId, member);
            } catch {
              return end();
            }
            if (view === undefined) return;
            await stream.writeSSE({ event: THREAD_EVENTS.thread, data: JSON.stringify(view) });
          }),
        );
        // Checks of the reader go through the queue too: none is dropped, and a channel whose
        // reader is gone ends before anything queued after the check is written.
        const endUnlessMember = async (): Promise<boolean> => {
          if ((await currentMember()) !== undefined) return true;
          end();
          return false;
        };
        let sinceKeepalive = 0;
        const timer = setInterval(
          () => {
            sinceKeepalive += recheckMs;
            const keepalive = sinceKeepalive >= KEEPALIVE_MS;
            if (keepalive) sinceKeepalive = 0;
            enqueue(async () => {
              if ((await endUnlessMember()) && keepalive) await stream.write(': keepalive\n\n');
            });
          },
          Math.min(recheckMs, KEEPALIVE_MS),
        );
        const stopWatching = deps.access?.subscribe(() => enqueue(endUnlessMember));
        stream.onAbort(() => end());
        c.req.raw.signal.addEventListener('abort', () => end());

        enqueue(async () => {
          const member = await currentMember();
          if (member === undefined) return end();
          const snapshot: ThreadListResponse = { threads: await service.list(document, member) };
          await stream.writeSSE({ event: THREAD_EVENTS.snapshot, data: JSON.stringify(snapshot) });
        });

        await ended;
        clearInterval(timer);
        stopWatching?.();
        unsubscribe();
      });
    },
  );

  return app;
}
