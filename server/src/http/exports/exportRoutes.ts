import { buildExportModel } from '@accord/shared/export/buildExportModel';
import type { ExportModel } from '@accord/shared/export/exportModel';
import { describeBlockers } from '@accord/shared/export/finalBlockers';
import { type Message, translate } from '@accord/shared/i18n/i18n';
import type { FinalExportRefusalBody } from '@accord/shared/protocol/api';
import { Hono } from 'hono';
import * as Y from 'yjs';
import { authorizeExport } from '../../commands/readCommands';
import { exportContextFor } from '../../export/exportContext';
import { produceExport } from '../../export/produceExport';
import { commandValue, documentCommandContext } from '../commandRoute';
import type { AppDeps, AppEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { errorLocale } from '../errors';
import { requireSession } from '../middleware/requireSession';
import { syncValue } from '../syncValue';
import { readExportQuery } from './exportQuery';

const FINAL_BLOCKED: Message = /*i18n*/ {
  id: 'export.finalBlocked',
  message: 'The final communiqué cannot be exported yet: {blockers}.',
};

/**
 * `GET /api/documents/:documentId/export?format=…&mode=draft|final[&threads=public][&lang=es]`: the
 * communiqué as a file, with the session's permissions: any member exports a draft
 * compilation, only a moderator the final text, and only once every clause is locked with no
 * brackets or alternatives left (409 listing the clauses that block it). A draft compilation
 * lists the public comment threads when asked (`threads=public`); private threads never. Its
 * own words are in `lang`, else the requester's language; the negotiated text never changes.
 */
export function exportRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, sync, config } = deps;
  const now = deps.now ?? Date.now;
  const app = new Hono<AppEnv>();

  app.get(
    '/documents/:documentId/export',
    requireSession(sessions, config.secureCookies),
    async (c) => {
      const user = c.get('user');
      const access = await requireDocumentMember(storage, c.req.param('documentId'), user.id);
      const { document, negotiation } = access;
      const { request, locale } = readExportQuery(c, user);
      commandValue(await authorizeExport(documentCommandContext(deps, user, access), request.mode));
      const exportedAt = now();
      // The draft's state as it is now, into a document of the export's own: the context is
      // read from storage (asynchronously) and must not hold the live draft meanwhile.
      const state = syncValue(
        await sync.readDocument(document.id, (doc) => Y.encodeStateAsUpdateV2(doc)),
      );
      const doc = new Y.Doc();
      let model: ExportModel;
      try {
        Y.applyUpdateV2(doc, state);
        const context = await exportContextFor(
          storage,
          document,
          negotiation,
          exportedAt,
          request.publicThreads ? doc : null,
        );
        model = buildExportModel(doc, { ...context, locale });
      } finally {
        doc.destroy();
      }
      const outcome = await produceExport(model, request);
      if (!outcome.ok) {
        const { blockers } = outcome.error;
        const body: FinalExportRefusalBody = {
          error: {
            code: 'final_export_blocked',
            message: translate(errorLocale(c), FINAL_BLOCKED, {
              blockers: describeBlockers(blockers, errorLocale(c)).join('; '),
            }),
          },
          blockers,
        };
        return c.json(body, 409);
      }
      const file = outcome.value;
      return c.body(new Uint8Array(file.bytes), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
      });
    },
  );

  return app;
}
