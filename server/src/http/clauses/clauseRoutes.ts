import type {
  ClauseChangeView,
  ClauseHistoryResponse,
  ClauseListResponse,
  DeletedClausesResponse,
  StatePositionResponse,
} from '@accord/shared/protocol/api';
import { statePositionSchema } from '@accord/shared/protocol/requestSchemas';
import { Hono } from 'hono';
import { statePosition } from '../../commands/statePosition';
import { commandValue, documentCommandContext } from '../commandRoute';
import type { AppDeps, AppEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { apiErrors, localized } from '../errors';
import { readJsonBody } from '../jsonBody';
import { requireSession } from '../middleware/requireSession';
import { syncValue } from '../syncValue';

/**
 * The clauses of a draft: the consensus data (`GET …/clauses`), a clause's history
 * (`GET …/clauses/:clauseId/history`) and stating a delegation's position
 * (`PUT …/clauses/:clauseId/position`, the `statePosition` command): the server writes it into
 * the draft's Yjs document, so every connected client sees it live.
 */
export function clauseRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, sync, config } = deps;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);

  /** The display name of each user, read once per user; a deleted user is a former member. */
  const displayNames = async (userIds: readonly string[]): Promise<Map<string, string>> => {
    const names = new Map<string, string>();
    for (const userId of new Set(userIds)) {
      names.set(userId, (await storage.users.byId(userId))?.displayName ?? 'Former member');
    }
    return names;
  };

  app.get('/documents/:documentId/clauses', session, async (c) => {
    const { document } = await requireDocumentMember(
      storage,
      c.req.param('documentId'),
      c.get('user').id,
    );
    const body: ClauseListResponse = syncValue(
      await sync.withClauses(document.id, (clauses) => clauses.list()),
    );
    return c.json(body);
  });

  app.get('/documents/:documentId/clauses/deleted', session, async (c) => {
    const { document } = await requireDocumentMember(
      storage,
      c.req.param('documentId'),
      c.get('user').id,
    );
    const deleted = syncValue(
      await sync.withClauses(document.id, (clauses) => clauses.deletedClauses()),
    );
    const names = await displayNames(deleted.map(({ deletion }) => deletion.userId));
    const body: DeletedClausesResponse = {
      clauses: deleted.map(({ deletion, lastText }) => ({
        clauseId: deletion.clauseId,
        lastText,
        deletedAt: deletion.at,
        deletedBy: {
          userId: deletion.userId,
          displayName: names.get(deletion.userId) ?? 'Former member',
          delegation: deletion.delegation,
        },
      })),
    };
    return c.json(body);
  });

  app.get('/documents/:documentId/clauses/:clauseId/history', session, async (c) => {
    const { document } = await requireDocumentMember(
      storage,
      c.req.param('documentId'),
      c.get('user').id,
    );
    const clauseId = c.req.param('clauseId');
    const history = syncValue(
      await sync.withClauses(document.id, (clauses) => clauses.historyOf(clauseId)),
    );
    if (history === undefined)
      throw apiErrors.notFound(
        localized(
          /*i18n*/ { id: 'command.unknownClause', message: 'This clause is not in the draft.' },
        ),
      );
    const names = await displayNames(history.changes.map((change) => change.userId));
    const changes: ClauseChangeView[] = history.changes.map((change) => ({
      at: change.at,
      userId: change.userId,
      displayName: names.get(change.userId) ?? 'Former member',
      delegation: change.delegation,
      textBefore: change.textBefore,
      textAfter: change.textAfter,
      event: change.event,
    }));
    const body: ClauseHistoryResponse = { clause: history.clause, changes };
    return c.json(body);
  });

  app.put('/documents/:documentId/clauses/:clauseId/position', session, async (c) => {
    const user = c.get('user');
    const access = await requireDocumentMember(storage, c.req.param('documentId'), user.id);
    const request = await readJsonBody(c, statePositionSchema);
    const stated = await statePosition(documentCommandContext(deps, user, access), {
      clauseId: c.req.param('clauseId'),
      ...request,
    });
    const body: StatePositionResponse = commandValue(stated);
    return c.json(body);
  });

  return app;
}
