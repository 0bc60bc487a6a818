import { PARTY_CODES } from '@accord/shared/domain/delegations';
import { POSITIONS } from '@accord/shared/domain/positions';
import { z } from 'zod';

/**
 * `PUT /api/documents/:documentId/clauses/:clauseId/position`: a position, or null to withdraw
 * it; `delegation` names whose position it is and defaults to the caller's own delegation (the
 * policy then decides whether the caller may state it).
 */
export const statePositionSchema = z.object({
  position: z.enum(POSITIONS, { error: `Use one of ${POSITIONS.join(', ')}, or null.` }).nullable(),
  delegation: z.enum(PARTY_CODES, { error: `Use one of ${PARTY_CODES.join(', ')}.` }).optional(),
});
