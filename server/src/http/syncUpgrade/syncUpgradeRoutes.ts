import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import { syncWebSocketEvents } from '../../sync/honoWebSocket';
import type { SyncPrincipal } from '../../sync/SyncServer';
import type { AppDeps, AppEnv } from '../context';
import { apiErrors } from '../errors';
import { isWebSocketUpgrade } from '../middleware/originCheck';
import { requireSession } from '../middleware/requireSession';

/**
 * `GET /api/sync/:documentId`: the y-websocket endpoint. The Origin (app middleware), the
 * session (401), the document (404) and the membership (403) are all checked BEFORE upgrading,
 * so a refused client gets a plain HTTP error and never a socket.
 */
export function syncUpgradeRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, sync, config } = deps;
  const app = new Hono<AppEnv>();

  app.get('/sync/:documentId', requireSession(sessions, config.secureCookies), async (c) => {
    const document = await storage.documents.byId(c.req.param('documentId'));
    if (document === undefined) throw apiErrors.draftNotFound();
    const user = c.get('user');
    const membership = await storage.negotiations.membership(document.negotiationId, user.id);
    if (membership === undefined) throw apiErrors.forbidden();
    if (!isWebSocketUpgrade(c.req.raw.headers)) {
      throw apiErrors.badRequest('This endpoint only accepts WebSocket upgrades.');
    }
    const principal: SyncPrincipal = {
      sessionId: c.get('session').id,
      userId: user.id,
      displayName: user.displayName,
      delegation: membership.delegation,
      role: membership.role,
      documentId: document.id,
      negotiationId: document.negotiationId,
    };
    return upgradeWebSocket(c, syncWebSocketEvents(deps.cluster ?? sync, principal));
  });

  return app;
}
