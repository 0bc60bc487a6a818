import {
  type MemberPresence,
  type NegotiationResponse,
  type SetTimeZoneResponse,
  SIGNED_IN_WINDOW_MS,
} from '@accord/shared/protocol/api';
import { setTimeZoneSchema } from '@accord/shared/protocol/requestSchemas';
import { Hono } from 'hono';
import { setTimeZone } from '../../commands/negotiationCommands';
import { commandValue, negotiationCommandContext } from '../commandRoute';
import type { AppDeps, AppEnv } from '../context';
import { documentView } from '../documents/documentView';
import { apiErrors } from '../errors';
import { readJsonBody } from '../jsonBody';
import { requireSession } from '../middleware/requireSession';

/**
 * `GET /api/negotiations/:id`: the negotiation, its drafts and its members (who is online).
 * `PUT /api/negotiations/:id/time-zone`: a moderator sets the zone every time is shown in.
 */
export function negotiationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, sync, config } = deps;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);

  app.put('/negotiations/:id/time-zone', session, async (c) => {
    const negotiation = await storage.negotiations.byId(c.req.param('id'));
    if (negotiation === undefined) throw apiErrors.negotiationNotFound();
    const user = c.get('user');
    const membership = await storage.negotiations.membership(negotiation.id, user.id);
    if (membership === undefined) throw apiErrors.forbidden();
    const request = await readJsonBody(c, setTimeZoneSchema);
    const ctx = negotiationCommandContext(deps, user, { negotiation, membership });
    const changed = commandValue(await setTimeZone(ctx, request));
    const body: SetTimeZoneResponse = { timeZone: changed.to };
    return c.json(body);
  });

  app.get('/negotiations/:id', session, async (c) => {
    const negotiation = await storage.negotiations.byId(c.req.param('id'));
    if (negotiation === undefined) throw apiErrors.negotiationNotFound();
    const membership = await storage.negotiations.membership(negotiation.id, c.get('user').id);
    if (membership === undefined) throw apiErrors.forbidden();
    const onDraft = sync.onlineUserIds(negotiation.id);
    const signedIn = sessions.recentlyActiveUserIds(SIGNED_IN_WINDOW_MS);
    const presenceOf = (userId: string): MemberPresence =>
      onDraft.has(userId) ? 'onDraft' : signedIn.has(userId) ? 'signedIn' : 'offline';
    const memberRecords = await storage.negotiations.members(negotiation.id);
    const users = await Promise.all(
      memberRecords.map((member) => storage.users.byId(member.userId)),
    );
    const documents = await storage.documents.listByNegotiation(negotiation.id);
    const members = memberRecords.flatMap((member, index) => {
      const user = users[index];
      if (user === undefined) return [];
      return [
        {
          userId: user.id,
          displayName: user.displayName,
          delegation: member.delegation,
          role: member.role,
          presence: presenceOf(user.id),
        },
      ];
    });
    const body: NegotiationResponse = {
      negotiation: {
        id: negotiation.id,
        title: negotiation.title,
        venue: negotiation.venue,
        startsOn: negotiation.startsOn,
        timeZone: negotiation.timeZone,
      },
      membership: { delegation: membership.delegation, role: membership.role },
      documents: documents.map(documentView),
      members,
    };
    return c.json(body);
  });

  return app;
}
