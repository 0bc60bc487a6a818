import type { AlternativeResponse } from '@accord/shared/protocol/api';
import {
  chooseAlternativeSchema,
  proposeAlternativeSchema,
} from '@accord/shared/protocol/requestSchemas';
import { type Context, Hono } from 'hono';
import { proposeAlternative, withdrawAlternative } from '../../commands/alternatives';
import { chooseAlternative } from '../../commands/chooseAlternative';
import { commandValue, documentCommandContext } from '../commandRoute';
import type { AppDeps, AppEnv, SessionEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { readJsonBody } from '../jsonBody';
import { requireSession } from '../middleware/requireSession';

/**
 * Alternative wordings of a clause ("Alt 1 [MX]"): a delegate or moderator proposes one
 * (`POST …/alternatives`), the proposing delegation or a moderator withdraws it
 * (`DELETE …/alternatives/:alternativeId`), and a moderator chooses the one that becomes the
 * clause text, or keeps the text (`POST …/alternatives/choose`). Each is a command
 * (`commands/alternatives.ts`, `commands/chooseAlternative.ts`).
 */
export function alternativeRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, config } = deps;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);
  const base = '/documents/:documentId/clauses/:clauseId/alternatives';
  const context = async (c: Context<SessionEnv>) =>
    documentCommandContext(
      deps,
      c.get('user'),
      await requireDocumentMember(storage, c.req.param('documentId') ?? '', c.get('user').id),
    );

  app.post(base, session, async (c) => {
    const ctx = await context(c);
    const { text } = await readJsonBody(c, proposeAlternativeSchema);
    const clauseId = c.req.param('clauseId');
    const body: AlternativeResponse = commandValue(
      await proposeAlternative(ctx, { clauseId, text }),
    );
    return c.json(body, 201);
  });

  app.post(`${base}/choose`, session, async (c) => {
    const ctx = await context(c);
    const request = await readJsonBody(c, chooseAlternativeSchema);
    const clauseId = c.req.param('clauseId');
    const body: AlternativeResponse = commandValue(
      await chooseAlternative(ctx, { clauseId, ...request }),
    );
    return c.json(body);
  });

  app.delete(`${base}/:alternativeId`, session, async (c) => {
    const withdrawn = await withdrawAlternative(await context(c), {
      clauseId: c.req.param('clauseId'),
      alternativeId: c.req.param('alternativeId'),
    });
    const body: AlternativeResponse = commandValue(withdrawn);
    return c.json(body);
  });

  return app;
}
