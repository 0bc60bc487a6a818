import type { LockAllAgreedResponse, SetLockResponse } from '@accord/shared/protocol/api';
import { setLockSchema } from '@accord/shared/protocol/requestSchemas';
import { Hono } from 'hono';
import { lockAllAgreed } from '../../commands/lockAllAgreed';
import { setLock } from '../../commands/setLock';
import { commandValue, documentCommandContext } from '../commandRoute';
import type { AppDeps, AppEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { readJsonBody } from '../jsonBody';
import { requireSession } from '../middleware/requireSession';

/**
 * Locking clauses (issue 4): `PUT …/clauses/:clauseId/lock` locks or unlocks one clause
 * (`setLock`), `POST …/clauses/lock-agreed` locks every agreed clause (`lockAllAgreed`).
 * Moderators only. The lock is written by the server into the draft's meta map, so every client
 * shows it live, and from then on the update validator refuses any change to the clause. Every
 * lock and unlock is recorded in the negotiation's audit log.
 */
export function lockRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, config } = deps;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);

  app.put('/documents/:documentId/clauses/:clauseId/lock', session, async (c) => {
    const user = c.get('user');
    const access = await requireDocumentMember(storage, c.req.param('documentId'), user.id);
    const request = await readJsonBody(c, setLockSchema);
    const changed = await setLock(documentCommandContext(deps, user, access), {
      clauseId: c.req.param('clauseId'),
      ...request,
    });
    const body: SetLockResponse = commandValue(changed);
    return c.json(body);
  });

  app.post('/documents/:documentId/clauses/lock-agreed', session, async (c) => {
    const user = c.get('user');
    const access = await requireDocumentMember(storage, c.req.param('documentId'), user.id);
    const body: LockAllAgreedResponse = {
      locked: commandValue(await lockAllAgreed(documentCommandContext(deps, user, access))),
    };
    return c.json(body);
  });

  return app;
}
