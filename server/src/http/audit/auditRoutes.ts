import type {
  AuditDetail,
  AuditEntryView,
  AuditLogResponse,
  AuditVerifyResponse,
} from '@accord/shared/domain/audit';
import { Hono } from 'hono';
import { auditCsv } from '../../audit/auditCsv';
import { readAuditLog, verifyAuditLog } from '../../commands/readCommands';
import type { AuditRecord, Storage, UserRecord } from '../../storage/storage';
import { commandValue, negotiationCommandContext } from '../commandRoute';
import type { AppDeps, AppEnv } from '../context';
import { apiErrors } from '../errors';
import { requireSession } from '../middleware/requireSession';

/** A stored detail as JSON; a row edited into something unreadable shows as its raw text. */
function parseDetail(text: string): AuditDetail {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as AuditDetail;
    }
  } catch {
    // Falls through: shown as text, and `verify` names the entry.
  }
  return { unreadable: text };
}

async function entryViews(
  storage: Storage,
  entries: readonly AuditRecord[],
): Promise<AuditEntryView[]> {
  // Each author's name is read once, however many entries they wrote.
  const names = new Map<string, string>();
  for (const entry of entries) {
    const { userId } = entry;
    if (userId === null || names.has(userId)) continue;
    names.set(userId, (await storage.users.byId(userId))?.displayName ?? 'Former member');
  }
  const nameOf = (userId: string | null) =>
    userId === null ? 'Admin tool' : (names.get(userId) ?? 'Former member');
  return entries.map((entry) => ({
    seq: entry.seq,
    at: entry.at,
    negotiationId: entry.negotiationId,
    documentId: entry.documentId,
    userId: entry.userId,
    displayName: nameOf(entry.userId),
    delegation: entry.delegation,
    action: entry.action,
    detail: parseDetail(entry.detail),
    prevHash: entry.prevHash,
    hash: entry.hash,
  }));
}

/**
 * The negotiation's audit log, for moderators only (`readAuditLog`, `verifyAuditLog`):
 * `GET /api/negotiations/:id/audit` (JSON, or a download with `?format=csv` or `?format=json`)
 * and `GET …/audit/verify`, which checks the hash chain and names the first broken entry.
 */
export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, config } = deps;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);

  const context = async (negotiationId: string, user: UserRecord) => {
    const negotiation = await storage.negotiations.byId(negotiationId);
    if (negotiation === undefined) throw apiErrors.negotiationNotFound();
    const membership = await storage.negotiations.membership(negotiation.id, user.id);
    if (membership === undefined) throw apiErrors.forbidden();
    return negotiationCommandContext(deps, user, { negotiation, membership });
  };

  app.get('/negotiations/:id/audit', session, async (c) => {
    const ctx = await context(c.req.param('id'), c.get('user'));
    const { negotiation } = ctx.access;
    const entries = await entryViews(storage, commandValue(await readAuditLog(ctx)));
    const format = c.req.query('format');
    if (format !== undefined && format !== 'csv' && format !== 'json') {
      throw apiErrors.badRequest('format must be csv or json.');
    }
    const filename = `accord-audit-${negotiation.id}`;
    if (format === 'csv') {
      c.header('Content-Disposition', `attachment; filename="${filename}.csv"`);
      return c.body(auditCsv(entries, negotiation.timeZone), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
      });
    }
    if (format === 'json') {
      c.header('Content-Disposition', `attachment; filename="${filename}.json"`);
    }
    const body: AuditLogResponse = { entries };
    return c.json(body);
  });

  app.get('/negotiations/:id/audit/verify', session, async (c) => {
    const ctx = await context(c.req.param('id'), c.get('user'));
    const result = commandValue(await verifyAuditLog(ctx));
    const body: AuditVerifyResponse = {
      ok: result.ok,
      entries: result.entries,
      ...(result.firstBroken ? { firstBroken: result.firstBroken } : {}),
    };
    return c.json(body);
  });

  return app;
}
