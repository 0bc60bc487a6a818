import {
  breakSilenceSchema,
  issueRevisionSchema,
  setSymbolBaseSchema,
  startSilenceSchema,
} from '@accord/shared/protocol/requestSchemas';
import type { RevisionListResponse, RevisionResponse } from '@accord/shared/revisions/revisions';
import { revisionName } from '@accord/shared/revisions/revisions';
import { parseZonedDeadline } from '@accord/shared/revisions/silence';
import { Hono } from 'hono';
import { issueRevision } from '../../commands/issueRevision';
import type { RevisionActor } from '../../revisions/revisionTypes';
import { commandValue, documentCommandContext } from '../commandRoute';
import type { AppDeps, AppEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { apiErrors, localized } from '../errors';
import { readJsonBody } from '../jsonBody';
import { requestLocale } from '../locale/requestLocale';
import { requireSession } from '../middleware/requireSession';
import { REVISION_ERRORS } from './revisionErrors';
import { revisionNumber, value } from './revisionParams';

/**
 * Issued revisions and the silence procedure (issue 15); the service checks who may:
 * - `GET …/revisions`: symbol base, revisions, silence procedure (any member);
 * - `PUT …/revisions/symbol-base`, `POST …/revisions` (issue): moderators;
 * - `GET …/revisions/:n` (content); exports and comparisons: `revisionExportRoutes`;
 * - `POST …/revisions/:n/silence` (start, moderators), `POST …/silence/break` (any delegation).
 */
export function revisionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, config } = deps;
  const now = deps.now ?? Date.now;
  const service = deps.revisions;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);

  const access = async (documentId: string, userId: string) => {
    const found = await requireDocumentMember(storage, documentId, userId);
    const actor: RevisionActor = { userId, membership: found.membership };
    return { ...found, actor };
  };

  app.get('/documents/:documentId/revisions', session, async (c) => {
    const { document } = await access(c.req.param('documentId'), c.get('user').id);
    const body: RevisionListResponse = {
      symbolBase: await storage.revisions.symbolBase(document.id),
      revisions: await service.list(document.id),
      silence: await service.silenceView(document.id),
      serverNow: now(),
    };
    return c.json(body);
  });

  app.put('/documents/:documentId/revisions/symbol-base', session, async (c) => {
    const { document, actor } = await access(c.req.param('documentId'), c.get('user').id);
    const request = await readJsonBody(c, setSymbolBaseSchema);
    return c.json({
      symbolBase: value(await service.setSymbolBase(document, actor, request.symbolBase)),
    });
  });

  app.post('/documents/:documentId/revisions', session, async (c) => {
    const user = c.get('user');
    const found = await requireDocumentMember(storage, c.req.param('documentId'), user.id);
    const request = await readJsonBody(c, issueRevisionSchema);
    const issued = await issueRevision(documentCommandContext(deps, user, found), request);
    return c.json(await service.summary(commandValue(issued)), 201);
  });

  app.get('/documents/:documentId/revisions/:number', session, async (c) => {
    const { document } = await access(c.req.param('documentId'), c.get('user').id);
    const number = revisionNumber(c.req.param('number'));
    const record = await service.get(document.id, number);
    if (record === undefined)
      throw apiErrors.notFound(
        localized(REVISION_ERRORS.noRevision, { revision: revisionName(number) }),
      );
    const body: RevisionResponse = {
      revision: await service.summary(record),
      content: service.content(record),
    };
    return c.json(body);
  });

  app.post('/documents/:documentId/revisions/:number/silence', session, async (c) => {
    const { document, negotiation, actor } = await access(
      c.req.param('documentId'),
      c.get('user').id,
    );
    const number = revisionNumber(c.req.param('number'));
    const request = await readJsonBody(c, startSilenceSchema);
    const deadline = parseZonedDeadline(
      request.deadline,
      negotiation.timeZone,
      requestLocale(c, c.get('user')).locale,
    );
    if (!deadline.ok) throw apiErrors.badRequest(deadline.error);
    return c.json(value(await service.startSilence(document, actor, number, deadline.value)), 201);
  });

  app.post('/documents/:documentId/silence/break', session, async (c) => {
    const { document, actor } = await access(c.req.param('documentId'), c.get('user').id);
    const request = await readJsonBody(c, breakSilenceSchema);
    return c.json(value(await service.breakSilence(document, actor, request.reason)));
  });

  return app;
}
