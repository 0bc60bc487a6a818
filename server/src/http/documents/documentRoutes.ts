import type { DocumentResponse } from '@accord/shared/protocol/api';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { requireSession } from '../middleware/requireSession';
import { requireDocumentMember } from './documentAccess';
import { documentView } from './documentView';

/** `GET /api/documents/:id`: a draft's metadata and the caller's place in its negotiation. */
export function documentRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, config } = deps;
  const app = new Hono<AppEnv>();

  app.get('/documents/:id', requireSession(sessions, config.secureCookies), async (c) => {
    const { document, negotiation, membership } = await requireDocumentMember(
      storage,
      c.req.param('id'),
      c.get('user').id,
    );
    const body: DocumentResponse = {
      document: documentView(document),
      negotiation: { id: negotiation.id, title: negotiation.title, timeZone: negotiation.timeZone },
      membership: { delegation: membership.delegation, role: membership.role },
    };
    return c.json(body);
  });

  return app;
}
