import { can } from '@accord/shared/policy/policy';
import type { LockAllAgreedResponse, SetLockResponse } from '@accord/shared/protocol/api';
import { setLockSchema } from '@accord/shared/protocol/requestSchemas';
import { Hono } from 'hono';
import { AuditLog } from '../../audit/AuditLog';
import type { LockChange } from '../../clauses/ClauseLocks';
import type { MembershipRecord } from '../../storage/storage';
import type { SyncResult } from '../../sync/syncTypes';
import type { AppDeps, AppEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { apiErrors } from '../errors';
import { readJsonBody } from '../jsonBody';
import { requireSession } from '../middleware/requireSession';

/** The value of a sync-core call; a failure there (storage, shutdown) is the server's fault. */
function syncValue<T>(result: SyncResult<T>): T {
  if (!result.ok) throw apiErrors.internal();
  return result.value;
}

function requireModerator(membership: MembershipRecord): void {
  if (!can(membership, 'lockClause')) {
    throw apiErrors.forbidden('Only a moderator may lock or unlock clauses.');
  }
}

/**
 * Locking clauses (issue 4): `PUT …/clauses/:clauseId/lock` locks or unlocks one clause,
 * `POST …/clauses/lock-agreed` locks every clause all five parties agree with. Moderators only
 * (`can(actor, 'lockClause')`). The lock is written by the server into the draft's meta map,
 * so every client shows it live, and from then on the update validator refuses any change to
 * the clause. Every lock and unlock is recorded in the negotiation's audit log.
 */
export function lockRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, sync, config } = deps;
  const audit = new AuditLog(storage.audit);
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);

  const record = (
    access: ReturnType<typeof requireDocumentMember>,
    userId: string,
    change: LockChange,
  ) => {
    const locked = (change.meta.lock ?? null) !== null;
    audit.record(
      {
        negotiationId: access.negotiation.id,
        documentId: access.document.id,
        userId,
        delegation: access.membership.delegation,
        action: locked ? 'lock' : 'unlock',
        detail: {
          clauseId: change.clauseId,
          label: change.label,
          reason: change.reason,
          allAgreed: change.agreed,
        },
      },
      deps.log,
    );
  };

  app.put('/documents/:documentId/clauses/:clauseId/lock', session, async (c) => {
    const user = c.get('user');
    const access = requireDocumentMember(storage, c.req.param('documentId'), user.id);
    requireModerator(access.membership);
    const request = await readJsonBody(c, setLockSchema);
    const clauseId = c.req.param('clauseId');
    const author = { userId: user.id, delegation: access.membership.delegation };
    const changed = syncValue(
      sync.withClauses(access.document.id, (clauses) =>
        clauses.locks.setLock(clauseId, author, request.locked, request.reason),
      ),
    );
    if (!changed.ok) {
      switch (changed.error.code) {
        case 'unknownClause':
          throw apiErrors.notFound('This clause is not in the draft.');
        case 'badReason':
          throw apiErrors.badRequest(
            request.locked
              ? `${changed.error.message} Not all five delegations agree with this clause.`
              : `${changed.error.message} Say why the clause is unlocked.`,
          );
        case 'unchanged':
          throw apiErrors.conflict(
            changed.error.locked ? 'This clause is already locked.' : 'This clause is not locked.',
          );
        default:
          throw apiErrors.internal();
      }
    }
    record(access, user.id, changed.value);
    const body: SetLockResponse = changed.value.meta;
    return c.json(body);
  });

  app.post('/documents/:documentId/clauses/lock-agreed', session, (c) => {
    const user = c.get('user');
    const access = requireDocumentMember(storage, c.req.param('documentId'), user.id);
    requireModerator(access.membership);
    const author = { userId: user.id, delegation: access.membership.delegation };
    const changed = syncValue(
      sync.withClauses(access.document.id, (clauses) => {
        const agreed = clauses
          .list()
          .clauses.filter((clause) => clause.status === 'agreed')
          .map((clause) => clause.id);
        return clauses.locks.lockAllAgreed(author, agreed);
      }),
    );
    if (!changed.ok) throw apiErrors.internal();
    for (const change of changed.value) record(access, user.id, change);
    const body: LockAllAgreedResponse = {
      locked: changed.value.map((change) => change.clauseId),
    };
    return c.json(body);
  });

  return app;
}
