import { PARTY_CODES } from '@accord/shared/domain/delegations';
import { POSITIONS } from '@accord/shared/domain/positions';
import { hasVisibleText } from '@accord/shared/domain/visibleText';
import { LIMITS } from '@accord/shared/protocol/limits';
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

/** `POST …/clauses/:clauseId/alternatives`: an alternative wording, plain text, trimmed. */
export const proposeAlternativeSchema = z.object({
  text: z
    .string({ error: 'Give the alternative wording as text.' })
    .trim()
    .min(1, { error: 'The alternative wording is empty.' })
    .refine(hasVisibleText, { error: 'The alternative wording is empty.' })
    .max(LIMITS.alternativeTextMax, {
      error: `An alternative wording may have at most ${LIMITS.alternativeTextMax} characters.`,
    }),
});

/**
 * `POST …/clauses/:clauseId/alternatives/choose`: the alternative chosen, or null to keep the
 * text, and the hash of the text the choice was reviewed against.
 */
export const chooseAlternativeSchema = z.object({
  alternativeId: z
    .string({ error: 'Name the alternative chosen, or null to keep the text.' })
    .nullable(),
  expectedTextHash: z
    .string({ error: 'expectedTextHash must be the hash of the reviewed text.' })
    .max(128, { error: 'expectedTextHash is not a text hash.' })
    .optional(),
});
