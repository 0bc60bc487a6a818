import { clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { clauseBracketOwners } from '@accord/shared/domain/liveBrackets';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import { can } from '@accord/shared/policy/policy';
import type { AlternativeResponse } from '@accord/shared/protocol/api';
import { LIMITS } from '@accord/shared/protocol/limits';
import { Hono } from 'hono';
import { AuditLog } from '../../audit/AuditLog';
import { chooseAlternative } from '../../clauses/chooseAlternative';
import type { ClauseCommandError } from '../../clauses/DocumentClauses';
import type { AppDeps, AppEnv } from '../context';
import { requireDocumentMember } from '../documents/documentAccess';
import { type ApiError, apiErrors } from '../errors';
import { readJsonBody } from '../jsonBody';
import { requireSession } from '../middleware/requireSession';
import { syncValue } from '../syncValue';
import { chooseAlternativeSchema, proposeAlternativeSchema } from './clauses.schema';

/** The HTTP error of a refused clause command. */
function commandError(error: ClauseCommandError | 'forbidden'): ApiError {
  switch (error) {
    case 'unknownClause':
      return apiErrors.notFound('This clause is not in the draft.');
    case 'unknownAlternative':
      return apiErrors.notFound('This alternative is not on the table for this clause.');
    case 'clauseLocked':
      return apiErrors.conflict('This clause is locked: unlock it before changing its wording.');
    case 'tooManyAlternatives':
      return apiErrors.conflict(
        `A clause carries at most ${LIMITS.alternativesPerClause} alternatives: withdraw or settle some first.`,
      );
    case 'forbidden':
      return apiErrors.forbidden(
        'Only the delegation that proposed it or a moderator may withdraw it.',
      );
    case 'storageFailed':
      return apiErrors.internal();
  }
}

/**
 * Alternative wordings of a clause ("Alt 1 [MX]"): a delegate or moderator proposes one
 * (`POST …/alternatives`), the proposing delegation or a moderator withdraws it
 * (`DELETE …/alternatives/:alternativeId`), and a moderator chooses the one that becomes the
 * clause text, or keeps the text (`POST …/alternatives/choose`). All of it is written by the
 * server into the clause meta (live for everyone) and the clause's history.
 */
export function alternativeRoutes(deps: AppDeps): Hono<AppEnv> {
  const { storage, sessions, sync, config } = deps;
  const app = new Hono<AppEnv>();
  const session = requireSession(sessions, config.secureCookies);
  const audit = new AuditLog(storage.audit);
  const base = '/documents/:documentId/clauses/:clauseId/alternatives';

  app.post(base, session, async (c) => {
    const user = c.get('user');
    const { document, membership } = requireDocumentMember(
      storage,
      c.req.param('documentId'),
      user.id,
    );
    if (!can(membership, 'proposeAlternative')) {
      throw apiErrors.forbidden('Observers cannot propose alternative wordings.');
    }
    const { text } = await readJsonBody(c, proposeAlternativeSchema);
    const author = { userId: user.id, delegation: membership.delegation };
    const proposed = syncValue(
      sync.withClauses(document.id, (clauses) =>
        clauses.proposeAlternative(c.req.param('clauseId'), author, text),
      ),
    );
    if (!proposed.ok) throw commandError(proposed.error);
    const body: AlternativeResponse = proposed.value;
    return c.json(body, 201);
  });

  app.post(`${base}/choose`, session, async (c) => {
    const user = c.get('user');
    const { document, membership } = requireDocumentMember(
      storage,
      c.req.param('documentId'),
      user.id,
    );
    if (!can(membership, 'chooseAlternative')) {
      throw apiErrors.forbidden('Only a moderator chooses between alternative wordings.');
    }
    const { alternativeId, expectedTextHash } = await readJsonBody(c, chooseAlternativeSchema);
    const moderator = { userId: user.id, delegation: membership.delegation, role: membership.role };
    const clauseId = c.req.param('clauseId');
    const outcome = syncValue(
      sync.withDocument(document.id, (doc) => {
        const label = doc.api.locks.labelOf(clauseId);
        const before = doc.api.currentText(clauseId);
        // Reviewed against other words: the redline the moderator confirmed is not this one.
        if (
          expectedTextHash !== undefined &&
          before !== undefined &&
          clauseTextHash(before) !== expectedTextHash
        ) {
          return { stale: true as const, label };
        }
        const picked = doc.api.alternativeToChoose(clauseId, alternativeId);
        const meta = readClauseMeta(clauseMetaMap(doc.doc), clauseId);
        const owners = clauseBracketOwners(doc.doc, before ?? '', meta?.brackets ?? {});
        const setAside = (meta?.alternatives ?? []).filter((other) => other.id !== alternativeId);
        return {
          stale: false as const,
          chosen: chooseAlternative(doc, clauseId, alternativeId, moderator),
          picked,
          label,
          before: before ?? '',
          owners,
          setAside,
        };
      }),
    );
    if (outcome.stale) {
      throw apiErrors.conflict(
        `${outcome.label || 'The clause'} changed while you were reviewing this choice: look at the new redline and confirm again.`,
      );
    }
    const { chosen, picked, label } = outcome;
    if (!chosen.ok) {
      if (chosen.error === 'textRefused') {
        throw apiErrors.conflict(`The chosen wording could not be written: ${chosen.message}`);
      }
      throw commandError(chosen.error);
    }
    const wording = picked.ok ? picked.value : null;
    audit.record(
      {
        negotiationId: document.negotiationId,
        documentId: document.id,
        userId: user.id,
        delegation: membership.delegation,
        action: 'alternativeChosen',
        detail: {
          clauseId,
          label,
          alternativeId,
          proposedBy: wording?.delegation ?? null,
          text: wording?.text ?? null,
          // What the choice set aside: the words it replaced (with whose brackets they carried)
          // and the other wordings (kept in the clause's history too).
          replacedText: wording === null ? null : outcome.before,
          bracketsRemoved:
            wording === null
              ? []
              : outcome.owners.byDelegation.map(({ delegation, count }) => ({
                  delegation,
                  count,
                })),
          unownedBracketsRemoved: wording === null ? 0 : outcome.owners.unowned,
          setAside: outcome.setAside.map((other) => ({
            delegation: other.delegation,
            text: other.text,
          })),
        },
      },
      deps.log,
    );
    const body: AlternativeResponse = chosen.value;
    return c.json(body);
  });

  app.delete(`${base}/:alternativeId`, session, (c) => {
    const user = c.get('user');
    const { document, membership } = requireDocumentMember(
      storage,
      c.req.param('documentId'),
      user.id,
    );
    const author = { userId: user.id, delegation: membership.delegation };
    const withdrawn = syncValue(
      sync.withClauses(document.id, (clauses) =>
        clauses.withdrawAlternative(
          c.req.param('clauseId'),
          c.req.param('alternativeId'),
          author,
          (alternative) =>
            can(membership, 'withdrawAlternative', { delegation: alternative.delegation }),
        ),
      ),
    );
    if (!withdrawn.ok) {
      throw commandError(withdrawn.error);
    }
    const body: AlternativeResponse = withdrawn.value;
    return c.json(body);
  });

  return app;
}
