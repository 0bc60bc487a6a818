import { parseTimeZone } from '@accord/shared/domain/timeZone';
import { can } from '@accord/shared/policy/policy';
import {
  type MemberPresence,
  type NegotiationResponse,
  type SetTimeZoneResponse,
  SIGNED_IN_WINDOW_MS,
} from '@accord/shared/protocol/api';
import { setTimeZoneSchema } from '@accord/shared/protocol/requestSchemas';
import { Hono } from 'hono';
import { AuditLog } from '../../audit/AuditLog';
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
  const audit = new AuditLog(storage.audit);
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);

  app.put('/negotiations/:id/time-zone', session, async (c) => {
    const negotiation = storage.negotiations.byId(c.req.param('id'));
    if (negotiation === undefined) throw apiErrors.notFound('This negotiation does not exist.');
    const user = c.get('user');
    const membership = storage.negotiations.membership(negotiation.id, user.id);
    if (membership === undefined) throw apiErrors.forbidden();
    if (!can(membership, 'changeSettings')) {
      throw apiErrors.forbidden("Only a moderator may change the negotiation's time zone.");
    }
    const request = await readJsonBody(c, setTimeZoneSchema);
    const parsed = parseTimeZone(request.timeZone);
    if (!parsed.ok) throw apiErrors.badRequest(parsed.error);
    if (parsed.value !== negotiation.timeZone) {
      storage.negotiations.setTimeZone(negotiation.id, parsed.value);
      audit.record(
        {
          negotiationId: negotiation.id,
          documentId: null,
          userId: user.id,
          delegation: membership.delegation,
          action: 'timeZone',
          detail: { from: negotiation.timeZone, to: parsed.value },
        },
        deps.log,
      );
    }
    const body: SetTimeZoneResponse = { timeZone: parsed.value };
    return c.json(body);
  });

  app.get('/negotiations/:id', session, (c) => {
    const negotiation = storage.negotiations.byId(c.req.param('id'));
    if (negotiation === undefined) throw apiErrors.notFound('This negotiation does not exist.');
    const membership = storage.negotiations.membership(negotiation.id, c.get('user').id);
    if (membership === undefined) throw apiErrors.forbidden();
    const onDraft = sync.onlineUserIds(negotiation.id);
    const signedIn = sessions.recentlyActiveUserIds(SIGNED_IN_WINDOW_MS);
    const presenceOf = (userId: string): MemberPresence =>
      onDraft.has(userId) ? 'onDraft' : signedIn.has(userId) ? 'signedIn' : 'offline';
    const members = storage.negotiations.members(negotiation.id).flatMap((member) => {
      const user = storage.users.byId(member.userId);
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
      documents: storage.documents.listByNegotiation(negotiation.id).map(documentView),
      members,
    };
    return c.json(body);
  });

  return app;
}
