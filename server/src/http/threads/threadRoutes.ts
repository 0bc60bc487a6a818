import { resolveThreadAnchor } from '@accord/shared/domain/threadAnchor';
import { LIMITS } from '@accord/shared/protocol/limits';
import type { ThreadListResponse, ThreadResponse } from '@accord/shared/protocol/threads';
import { type Context, Hono } from 'hono';
import { type ThreadResult, threadMember } from '../../threads/ThreadService';
import type { AppDeps, AppEnv, SessionEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { readJsonBody } from '../jsonBody';
import { requireSession } from '../middleware/requireSession';
import { syncValue } from '../syncValue';
import { anchorError, type ThreadCommand, threadCommandError } from './threadErrors';
import { threadEventRoutes } from './threadEventRoutes';
import {
  createThreadSchema,
  hideMessageSchema,
  messageBodySchema,
  resolveThreadSchema,
} from './threads.schema';

/**
 * Comment threads of a draft (issue 5): list, open, reply, edit and delete one's own message,
 * resolve and reopen, hide (moderators, public threads), mark read; and the live channel
 * (`threadEventRoutes`). Every answer holds only threads the caller may read; a thread they may
 * not read is answered exactly like one that does not exist.
 */
export function threadRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, sync, config } = deps;
  const { threads: service, hub } = deps;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);
  const base = '/documents/:documentId/threads';

  async function access(c: Context<SessionEnv>) {
    const { document, membership } = await requireDocumentMember(
      storage,
      c.req.param('documentId') ?? '',
      c.get('user').id,
    );
    return { document, member: threadMember(membership) };
  }

  function answer(
    c: Context<SessionEnv>,
    result: ThreadResult,
    command: ThreadCommand,
    status: 200 | 201 = 200,
  ) {
    if (!result.ok) throw threadCommandError(result.error, command);
    const body: ThreadResponse = { thread: result.value };
    return c.json(body, status);
  }

  app.route('/', threadEventRoutes(deps, service, hub));

  app.get(base, session, async (c) => {
    const { document, member } = await access(c);
    const body: ThreadListResponse = { threads: await service.list(document, member) };
    return c.json(body);
  });

  app.post(base, session, async (c) => {
    const { document, member } = await access(c);
    const request = await readJsonBody(c, createThreadSchema);
    if (!service.mayCreate(member, request.visibility)) {
      throw threadCommandError('forbidden', 'create');
    }
    const resolved = syncValue(
      await sync.withDocument(document.id, (loaded) =>
        resolveThreadAnchor(loaded.doc, request.anchor),
      ),
    );
    if (!resolved.ok) throw anchorError(resolved.error);
    if (resolved.value.from === resolved.value.to) throw anchorError('empty');
    const result = await service.create(document, member, {
      visibility: request.visibility,
      clauseId: resolved.value.clauseId,
      anchorStart: request.anchor.start,
      anchorEnd: request.anchor.end,
      // The server's own reading of the range, not the client's copy of it.
      quote: resolved.value.quote.slice(0, LIMITS.threadQuoteMax),
      body: request.body,
    });
    return answer(c, result, 'create', 201);
  });

  app.post(`${base}/:threadId/messages`, session, async (c) => {
    const { document, member } = await access(c);
    const { body } = await readJsonBody(c, messageBodySchema);
    return answer(
      c,
      await service.reply(document, c.req.param('threadId'), member, body),
      'reply',
      201,
    );
  });

  app.patch(`${base}/:threadId/messages/:messageId`, session, async (c) => {
    const { document, member } = await access(c);
    const { body } = await readJsonBody(c, messageBodySchema);
    const { threadId, messageId } = c.req.param();
    return answer(c, await service.edit(document, threadId, messageId, member, body), 'edit');
  });

  app.delete(`${base}/:threadId/messages/:messageId`, session, async (c) => {
    const { document, member } = await access(c);
    const { threadId, messageId } = c.req.param();
    return answer(c, await service.remove(document, threadId, messageId, member), 'delete');
  });

  app.post(`${base}/:threadId/messages/:messageId/hide`, session, async (c) => {
    const { document, member } = await access(c);
    const { reason } = await readJsonBody(c, hideMessageSchema);
    const { threadId, messageId } = c.req.param();
    return answer(c, await service.hide(document, threadId, messageId, member, reason), 'hide');
  });

  app.put(`${base}/:threadId/resolved`, session, async (c) => {
    const { document, member } = await access(c);
    const { resolved } = await readJsonBody(c, resolveThreadSchema);
    return answer(
      c,
      await service.resolve(document, c.req.param('threadId'), member, resolved),
      'resolve',
    );
  });

  app.put(`${base}/:threadId/read`, session, async (c) => {
    const { document, member } = await access(c);
    return answer(c, await service.markRead(document, c.req.param('threadId'), member), 'read');
  });

  return app;
}
