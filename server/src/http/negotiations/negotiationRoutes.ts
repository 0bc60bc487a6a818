import type { NegotiationResponse } from '@accord/shared/protocol/api';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { documentView } from '../documents/documentView';
import { apiErrors } from '../errors';
import { requireSession } from '../middleware/requireSession';

/** `GET /api/negotiations/:id`: the negotiation, its drafts and its members (who is online). */
export function negotiationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, sync, config } = deps;
  const app = new Hono<AppEnv>();

  app.get('/negotiations/:id', requireSession(sessions, config.secureCookies), (c) => {
    const negotiation = storage.negotiations.byId(c.req.param('id'));
    if (negotiation === undefined) throw apiErrors.notFound('This negotiation does not exist.');
    const membership = storage.negotiations.membership(negotiation.id, c.get('user').id);
    if (membership === undefined) throw apiErrors.forbidden();
    const online = sync.onlineUserIds();
    const members = storage.negotiations.members(negotiation.id).flatMap((member) => {
      const user = storage.users.byId(member.userId);
      if (user === undefined) return [];
      return [
        {
          userId: user.id,
          displayName: user.displayName,
          delegation: member.delegation,
          role: member.role,
          online: online.has(user.id),
        },
      ];
    });
    const body: NegotiationResponse = {
      negotiation: {
        id: negotiation.id,
        title: negotiation.title,
        venue: negotiation.venue,
        startsOn: negotiation.startsOn,
      },
      membership: { delegation: membership.delegation, role: membership.role },
      documents: storage.documents.listByNegotiation(negotiation.id).map(documentView),
      members,
    };
    return c.json(body);
  });

  return app;
}
