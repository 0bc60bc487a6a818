import { z } from 'zod';
import { PARTY_CODES } from '../domain/delegations';
import { LOCK_REASON_MAX_CHARS } from '../domain/locks';
import { POSITIONS } from '../domain/positions';
import { hasVisibleText } from '../domain/visibleText';
import { LIMITS } from './limits';

// The request bodies of the HTTP API, once: the server parses with these schemas and the client
// sends the types inferred from them (`api.ts`), so the two cannot drift apart.

/**
 * `POST /api/login`. Only lengths are checked: a username or password that breaks the sign-up
 * rules simply does not match, and saying so would tell a guesser which rule it broke.
 */
export const loginRequestSchema = z.object({
  username: z.string().min(1, 'Enter a username.').max(LIMITS.usernameMax),
  password: z.string().min(1, 'Enter a password.').max(LIMITS.passwordMax),
});

/**
 * `PUT /api/negotiations/:id/time-zone`: the new zone as text; whether it is a zone is
 * `parseTimeZone`'s call, made by the route so that the refusal says what to give instead.
 */
export const setTimeZoneSchema = z.object({
  timeZone: z.string({ error: 'timeZone must be text, such as "America/Mexico_City".' }),
});

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

/** `POST /api/documents/:documentId/revisions`: issue the next revision, with a note. */
export const issueRevisionSchema = z.object({
  note: z.string().default(''),
  symbol: z.string().optional(),
});

/** `PUT …/revisions/symbol-base`: the document symbol revisions are numbered from. */
export const setSymbolBaseSchema = z.object({ symbolBase: z.string() });

/** `POST …/revisions/:number/silence`: the deadline, in the negotiation's time zone. */
export const startSilenceSchema = z.object({ deadline: z.string() });

/** `POST …/silence/break`: why the delegation breaks silence. */
export const breakSilenceSchema = z.object({ reason: z.string() });
