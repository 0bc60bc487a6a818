import { Hono } from 'hono';
import { forwardDraftRequests } from '../cluster/forwardDraftRequests';
import { auditRoutes } from './audit/auditRoutes';
import { alternativeRoutes } from './clauses/alternativeRoutes';
import { clauseRoutes } from './clauses/clauseRoutes';
import { clientRoutes } from './client/clientRoutes';
import type { AppDeps, AppEnv } from './context';
import { documentRoutes } from './documents/documentRoutes';
import { apiErrors, createErrorHandler, errorResponse } from './errors';
import { exportRoutes } from './exports/exportRoutes';
import { healthRoutes } from './health/healthRoutes';
import { localeRoutes } from './locale/localeRoutes';
import { lockRoutes } from './locks/lockRoutes';
import { originCheck } from './middleware/originCheck';
import { requestBodyLimit } from './middleware/requestBodyLimit';
import { securityHeaders } from './middleware/securityHeaders';
import { negotiationRoutes } from './negotiations/negotiationRoutes';
import { revisionExportRoutes } from './revisions/revisionExportRoutes';
import { revisionRoutes } from './revisions/revisionRoutes';
import { sessionRoutes } from './session/sessionRoutes';
import { syncUpgradeRoutes } from './syncUpgrade/syncUpgradeRoutes';
import { threadRoutes } from './threads/threadRoutes';

/** The HTTP app: the JSON API under /api (sync WebSocket included) and the built client. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(deps.log));
  app.use('*', securityHeaders(deps.config.allowedOrigins));
  app.use('*', originCheck(deps.config.allowedOrigins));

  const api = new Hono<AppEnv>();
  api.use('*', requestBodyLimit());
  if (deps.cluster !== undefined) {
    // Before every draft route: a draft's requests run where the draft is owned.
    api.use('/documents/:documentId/*', forwardDraftRequests(deps.cluster));
  }
  api.route(
    '/',
    healthRoutes({
      storage: deps.storage,
      redisPing: deps.redisPing,
      timeoutMs: deps.healthTimeoutMs,
    }),
  );
  api.route('/', sessionRoutes(deps));
  api.route('/', localeRoutes(deps));
  api.route('/', negotiationRoutes(deps));
  api.route('/', documentRoutes(deps));
  api.route('/', clauseRoutes(deps));
  api.route('/', alternativeRoutes(deps));
  api.route('/', threadRoutes(deps));
  api.route('/', lockRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', exportRoutes(deps));
  api.route('/', revisionRoutes(deps));
  api.route('/', revisionExportRoutes(deps));
  api.route('/', syncUpgradeRoutes(deps));
  api.all('*', (c) =>
    errorResponse(c, apiErrors.notFound(`No API route ${c.req.method} ${c.req.path}.`)),
  );
  app.route('/api', api);

  app.route('/', clientRoutes(deps.config.clientDir));
  return app;
}
