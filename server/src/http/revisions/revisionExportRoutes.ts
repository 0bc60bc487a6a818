import type { DelegationCode } from '@accord/shared/domain/delegations';
import { isDelegationCode } from '@accord/shared/domain/delegations';
import { buildExportModel } from '@accord/shared/export/buildExportModel';
import type { ExportModel } from '@accord/shared/export/exportModel';
import { describeBlockers } from '@accord/shared/export/finalBlockers';
import { LOCALES, parseLocale } from '@accord/shared/i18n/locales';
import type { FinalExportRefusalBody } from '@accord/shared/protocol/api';
import { filterComparison } from '@accord/shared/revisions/compareRevisions';
import { compareFileName, renderCompareHtml } from '@accord/shared/revisions/renderCompare';
import { revisionName } from '@accord/shared/revisions/revisions';
import { ADOPTED_LOCK_REASON } from '@accord/shared/revisions/silence';
import { Hono } from 'hono';
import { authorizeExport } from '../../commands/readCommands';
import { exportContextFor } from '../../export/exportContext';
import { produceExport } from '../../export/produceExport';
import { renderCompareDocx } from '../../export/renderCompareDocx';
import { renderComparePdf } from '../../export/renderComparePdf';
import { commandValue, documentCommandContext } from '../commandRoute';
import type { AppDeps, AppEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { apiErrors, localized } from '../errors';
import { readExportQuery } from '../exports/exportQuery';
import { requestLocale } from '../locale/requestLocale';
import { requireSession } from '../middleware/requireSession';
import { REVISION_ERRORS } from './revisionErrors';
import { compareTarget, revisionNumber, value } from './revisionParams';

const COMPARE_FORMATS = ['json', 'html', 'docx', 'pdf'] as const;

/**
 * Issued revisions as files (issue 15): `GET …/revisions/:n/export?format=&mode=` (the final
 * text of an adopted revision: moderators) and
 * `GET …/compare?from=&to=[&format=json|html|docx|pdf][&delegation=MX]`.
 */
export function revisionExportRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, config } = deps;
  const service = deps.revisions;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);

  app.get('/documents/:documentId/revisions/:number/export', session, async (c) => {
    const user = c.get('user');
    const found = await requireDocumentMember(storage, c.req.param('documentId'), user.id);
    const { document, negotiation } = found;
    const number = revisionNumber(c.req.param('number'));
    const record = await service.get(document.id, number);
    if (record === undefined)
      throw apiErrors.notFound(
        localized(REVISION_ERRORS.noRevision, { revision: revisionName(number) }),
      );
    const { request, locale } = readExportQuery(c, user);
    if (request.publicThreads) {
      throw apiErrors.badRequest(localized(REVISION_ERRORS.noComments));
    }
    if (request.mode === 'final') {
      commandValue(await authorizeExport(documentCommandContext(deps, user, found), 'final'));
      if (record.adoptedAt === null) {
        throw apiErrors.conflict(
          localized(REVISION_ERRORS.notAdopted, { revision: revisionName(number) }),
        );
      }
    }
    const context = await exportContextFor(storage, document, negotiation, record.issuedAt);
    const doc = service.stateDoc(record);
    let model: ExportModel;
    try {
      model = buildExportModel(doc, {
        ...context,
        locale,
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
    if (record.adoptedAt !== null && request.mode === 'final') {
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
    const outcome = await produceExport(model, request);
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
    const { document, negotiation } = await requireDocumentMember(
      storage,
      c.req.param('documentId'),
      c.get('user').id,
    );
    const lang = c.req.query('lang');
    const parsedLang = lang === undefined ? null : parseLocale(lang);
    if (parsedLang !== null && !parsedLang.ok) {
      throw apiErrors.badRequest(
        `Unknown lang "${lang?.slice(0, 32)}": use one of ${LOCALES.join(', ')}.`,
      );
    }
    const locale = parsedLang?.ok ? parsedLang.value : requestLocale(c, c.get('user')).locale;
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
    let comparison = value(await service.compare(document, from, to, locale));
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
          new TextEncoder().encode(renderCompareHtml(comparison, timeZone, locale)),
          'text/html; charset=utf-8',
          'html',
        );
      case 'docx': {
        const author =
          to === 'current'
            ? 'Accord (current draft)'
            : ((await service.list(document.id)).find((revision) => revision.number === to)
                ?.issuedBy.displayName ?? 'Accord');
        return attachment(
          await renderCompareDocx(comparison, { timeZone, author, locale }),
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'docx',
        );
      }
      case 'pdf':
        return attachment(
          await renderComparePdf(comparison, timeZone, locale),
          'application/pdf',
          'pdf',
        );
      default:
        return c.json(comparison);
    }
  });

  return app;
}
