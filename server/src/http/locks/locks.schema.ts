import { LOCK_REASON_MAX_CHARS } from '@accord/shared/domain/locks';
import { z } from 'zod';

/**
 * `PUT /api/documents/:documentId/clauses/:clauseId/lock`: lock (true) or unlock (false), with
 * the reason the shared rule asks for (`lockReasonRequired`), checked once the clause is known.
 */
export const setLockSchema = z.object({
  locked: z.boolean({ error: 'locked must be true or false.' }),
  reason: z
    .string({ error: 'reason must be text.' })
    .max(LOCK_REASON_MAX_CHARS, {
      error: `A reason may have at most ${LOCK_REASON_MAX_CHARS} characters.`,
    })
    .nullable()
    .optional(),
});
