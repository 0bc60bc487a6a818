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

const issueSchema = z.object({
  note: z.string().default(''),
  symbol: z.string().optional(),
});
const symbolBaseSchema = z.object({ symbolBase: z.string() });
const silenceSchema = z.object({ deadline: z.string() });
const breakSchema = z.object({ reason: z.string() });

/** A command's value, or its refusal as the API's error. */
function value<T>(result: RevisionResult<T>): T {
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

/** "3" → 3; anything else is a 404 (there is no such revision). */
function revisionNumber(raw: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw apiErrors.notFound(`There is no revision "${raw}".`);
  return Number(raw);
}

/** A compare side from the query: a revision number or `current`. */
function compareTarget(raw: string | undefined, name: string): CompareTarget {
  if (raw === 'current') return 'current';
  if (raw !== undefined && /^[1-9]\d{0,8}$/.test(raw)) return Number(raw);
  throw apiErrors.badRequest(`Give ${name} as a revision number (1, 2…) or "current".`);
}

const COMPARE_FORMATS = ['json', 'html', 'docx', 'pdf'] as const;

/**
 * Issued revisions, comparisons and the silence procedure (issue 15):
 * - `GET …/revisions`: symbol base, revisions, silence procedure (any member);
 * - `PUT …/revisions/symbol-base`, `POST …/revisions` (issue): moderators;
 * - `GET …/revisions/:n` (content), `GET …/revisions/:n/export?format=&mode=`;
 * - `GET …/compare?from=&to=[&format=json|html|docx|pdf][&delegation=MX]`;
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
    if (!can(actor.membership, 'changeSettings')) {
      throw apiErrors.forbidden('Only a moderator (the Chair) may issue a revision.');
    }
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

  app.get('/documents/:documentId/revisions/:number/export', session, async (c) => {
    const { document, negotiation, membership } = access(
      c.req.param('documentId'),
      c.get('user').id,
    );
    const number = revisionNumber(c.req.param('number'));
    const record = service.get(document.id, number);
    if (record === undefined)
      throw apiErrors.notFound(`This draft has no ${revisionName(number)}.`);
    const parsed = parseExportRequest({
      format: c.req.query('format'),
      mode: c.req.query('mode'),
      threads: c.req.query('threads'),
    });
    if (!parsed.ok) throw apiErrors.badRequest(parsed.error);
    if (parsed.value.publicThreads) {
      throw apiErrors.badRequest('A revision is exported without comments.');
    }
    if (parsed.value.mode === 'final') {
      if (!can(membership, 'exportFinal')) {
        throw apiErrors.forbidden('Only a moderator may export the final communiqué.');
      }
      if (record.adoptedAt === null) {
        throw apiErrors.conflict(
          `${revisionName(number)} has not been adopted: only an adopted revision has a final text.`,
        );
      }
    }
    const doc = service.stateDoc(record);
    let model: ExportModel;
    try {
      model = buildExportModel(doc, {
        ...exportContextFor(storage, document, negotiation, record.issuedAt),
        revision: {
          symbol: record.symbol,
          name: revisionName(record.number),
          issuedAt: record.issuedAt,
          adoptedAt: record.adoptedAt,
        },
      });
    } finally {
      doc.destroy();
    }
    if (record.adoptedAt !== null && parsed.value.mode === 'final') {
      // Its clauses were locked as the Chair's at adoption, after the state was taken.
      const lock = {
        delegation: 'CHAIR' as DelegationCode,
        userId: record.issuedBy,
        at: record.adoptedAt,
        reason: ADOPTED_LOCK_REASON,
      };
      for (const block of model.blocks) {
        if (block.type === 'clause') block.summary = { ...block.summary, lock, status: 'locked' };
      }
    }
    const outcome = await produceExport(model, parsed.value);
    if (!outcome.ok) {
      const body: FinalExportRefusalBody = {
        error: {
          code: 'final_export_blocked',
          message: `The final communiqué cannot be exported: ${describeBlockers(outcome.error.blockers).join('; ')}.`,
        },
        blockers: outcome.error.blockers,
      };
      return c.json(body, 409);
    }
    const file = outcome.value;
    const fileName = file.fileName.replace(/^communique-/, `communique-rev${record.number}-`);
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    });
  });

  app.get('/documents/:documentId/compare', session, async (c) => {
    const { document, negotiation } = access(c.req.param('documentId'), c.get('user').id);
    const from = compareTarget(c.req.query('from'), 'from');
    const to = compareTarget(c.req.query('to'), 'to');
    const format = c.req.query('format') ?? 'json';
    if (!(COMPARE_FORMATS as readonly string[]).includes(format)) {
      throw apiErrors.badRequest(
        `Unknown format "${format}": use one of ${COMPARE_FORMATS.join(', ')}.`,
      );
    }
    const delegation = c.req.query('delegation');
    if (delegation !== undefined && !isDelegationCode(delegation)) {
      throw apiErrors.badRequest(`Unknown delegation "${delegation}".`);
    }
    let comparison = value(service.compare(document, from, to));
    if (delegation !== undefined && isDelegationCode(delegation)) {
      comparison = filterComparison(comparison, delegation);
    }
    const timeZone = negotiation.timeZone;
    const attachment = (bytes: Uint8Array, type: string, extension: string) =>
      c.body(new Uint8Array(bytes), 200, {
        'Content-Type': type,
        'Content-Disposition': `attachment; filename="${compareFileName(comparison, extension)}"`,
        'Cache-Control': 'no-store',
      });
    switch (format) {
      case 'html':
        return attachment(
          new TextEncoder().encode(renderCompareHtml(comparison, timeZone)),
          'text/html; charset=utf-8',
          'html',
        );
      case 'docx': {
        const author =
          to === 'current'
            ? 'Accord (current draft)'
            : (service.list(document.id).find((revision) => revision.number === to)?.issuedBy
                .displayName ?? 'Accord');
        return attachment(
          await renderCompareDocx(comparison, { timeZone, author }),
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'docx',
        );
      }
      case 'pdf':
        return attachment(await renderComparePdf(comparison, timeZone), 'application/pdf', 'pdf');
      default:
        return c.json(comparison);
    }
  });

  app.post('/documents/:documentId/revisions/:number/silence', session, async (c) => {
    const { document, negotiation, actor } = access(c.req.param('documentId'), c.get('user').id);
    if (!can(actor.membership, 'changeSettings')) {
      throw apiErrors.forbidden('Only a moderator (the Chair) may start a silence procedure.');
    }
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
