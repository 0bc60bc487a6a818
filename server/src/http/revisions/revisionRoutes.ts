import type { DelegationCode } from '@accord/shared/domain/delegations';
import { isDelegationCode } from '@accord/shared/domain/delegations';
import { buildExportModel } from '@accord/shared/export/buildExportModel';
import { parseExportRequest } from '@accord/shared/export/exportFormats';
import type { ExportModel } from '@accord/shared/export/exportModel';
import { describeBlockers } from '@accord/shared/export/finalBlockers';
import { can } from '@accord/shared/policy/policy';
import type { FinalExportRefusalBody } from '@accord/shared/protocol/api';
import { filterComparison } from '@accord/shared/revisions/compareRevisions';
import { compareFileName, renderCompareHtml } from '@accord/shared/revisions/renderCompare';
import type { RevisionListResponse, RevisionResponse } from '@accord/shared/revisions/revisions';
import { revisionName } from '@accord/shared/revisions/revisions';
import { ADOPTED_LOCK_REASON, parseZonedDeadline } from '@accord/shared/revisions/silence';
import { Hono } from 'hono';
import { z } from 'zod';
import { exportContextFor } from '../../export/exportContext';
import { produceExport } from '../../export/produceExport';
import { renderCompareDocx } from '../../export/renderCompareDocx';
import { renderComparePdf } from '../../export/renderComparePdf';
import {
  type CompareTarget,
  type RevisionActor,
  type RevisionResult,
  RevisionService,
} from '../../revisions/RevisionService';
import type { AppDeps, AppEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { ApiError, apiErrors } from '../errors';
import { readJsonBody } from '../jsonBody';
import { requireSession } from '../middleware/requireSession';
import { revisionNumber, value } from './revisionParams';

const issueSchema = z.object({
  note: z.string().default(''),
  symbol: z.string().optional(),
});
const symbolBaseSchema = z.object({ symbolBase: z.string() });
const silenceSchema = z.object({ deadline: z.string() });
const breakSchema = z.object({ reason: z.string() });

/**
 * Issued revisions and the silence procedure (issue 15); the service checks who may:
 * - `GET …/revisions`: symbol base, revisions, silence procedure (any member);
 * - `PUT …/revisions/symbol-base`, `POST …/revisions` (issue): moderators;
 * - `GET …/revisions/:n` (content); exports and comparisons: `revisionExportRoutes`;
 * - `POST …/revisions/:n/silence` (start, moderators), `POST …/silence/break` (any delegation).
 */
export function revisionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, sync, config } = deps;
  const now = deps.now ?? Date.now;
  const service = deps.revisions;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);

  const access = (documentId: string, userId: string) => {
    const found = requireDocumentMember(storage, documentId, userId);
    const actor: RevisionActor = { userId, membership: found.membership };
    return { ...found, actor };
  };

  app.get('/documents/:documentId/revisions', session, (c) => {
    const { document } = access(c.req.param('documentId'), c.get('user').id);
    const body: RevisionListResponse = {
      symbolBase: storage.revisions.symbolBase(document.id),
      revisions: service.list(document.id),
      silence: service.silenceView(document.id),
      serverNow: now(),
    };
    return c.json(body);
  });

  app.put('/documents/:documentId/revisions/symbol-base', session, async (c) => {
    const { document, actor } = access(c.req.param('documentId'), c.get('user').id);
    const request = await readJsonBody(c, symbolBaseSchema);
    return c.json({
      symbolBase: value(service.setSymbolBase(document, actor, request.symbolBase)),
    });
  });

  app.post('/documents/:documentId/revisions', session, async (c) => {
    const { document, actor } = access(c.req.param('documentId'), c.get('user').id);
    const request = await readJsonBody(c, issueSchema);
    return c.json(value(service.issue(document, actor, request)), 201);
  });

  app.get('/documents/:documentId/revisions/:number', session, (c) => {
    const { document } = access(c.req.param('documentId'), c.get('user').id);
    const number = revisionNumber(c.req.param('number'));
    const record = service.get(document.id, number);
    if (record === undefined)
      throw apiErrors.notFound(`This draft has no ${revisionName(number)}.`);
    const body: RevisionResponse = {
      revision: service.summary(record),
      content: service.content(record),
    };
    return c.json(body);
  });

  app.post('/documents/:documentId/revisions/:number/silence', session, async (c) => {
    const { document, negotiation, actor } = access(c.req.param('documentId'), c.get('user').id);
    const number = revisionNumber(c.req.param('number'));
    const request = await readJsonBody(c, silenceSchema);
    const deadline = parseZonedDeadline(request.deadline, negotiation.timeZone);
    if (!deadline.ok) throw apiErrors.badRequest(deadline.error);
    return c.json(value(service.startSilence(document, actor, number, deadline.value)), 201);
  });

  app.post('/documents/:documentId/silence/break', session, async (c) => {
    const { document, actor } = access(c.req.param('documentId'), c.get('user').id);
    const request = await readJsonBody(c, breakSchema);
    return c.json(value(service.breakSilence(document, actor, request.reason)));
  });

  return app;
}
