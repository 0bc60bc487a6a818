import { z } from 'zod';
import type { Result } from '../result';
import { type ClauseAlternative, clauseAlternativeSchema } from './clauseMeta';

/**
 * What happened to a clause besides typing, as its history records it. An entry with an event
 * still carries the clause's text before and after (unchanged for alternatives proposed or
 * withdrawn; empty after `deleted`), so that "the clause as it was" reads the same for every entry.
 * - `deleted`: the clause left the draft (deleted, or merged into the clause before it);
 * - `restored`: it came back (undo, or a concurrent edit kept it);
 * - `alternativeProposed` / `alternativeWithdrawn`: an alternative wording came or went;
 * - `alternativeChosen`: a moderator settled the alternatives: `chosen` became the clause text
 *   (null: the text stood as it was), and `setAside` lists the wordings not taken.
 */
export type ClauseHistoryEvent =
  | { kind: 'deleted' }
  | { kind: 'restored' }
  | { kind: 'alternativeProposed'; alternative: ClauseAlternative }
  | { kind: 'alternativeWithdrawn'; alternative: ClauseAlternative }
  | {
      kind: 'alternativeChosen';
      chosen: ClauseAlternative | null;
      setAside: ClauseAlternative[];
    };

/** The kinds of `ClauseHistoryEvent`. */
export type ClauseHistoryEventKind = ClauseHistoryEvent['kind'];

const clauseHistoryEventSchema: z.ZodType<ClauseHistoryEvent> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deleted') }),
  z.object({ kind: z.literal('restored') }),
  z.object({ kind: z.literal('alternativeProposed'), alternative: clauseAlternativeSchema }),
  z.object({ kind: z.literal('alternativeWithdrawn'), alternative: clauseAlternativeSchema }),
  z.object({
    kind: z.literal('alternativeChosen'),
    chosen: clauseAlternativeSchema.nullable(),
    setAside: z.array(clauseAlternativeSchema),
  }),
]);

/** Parses a stored history event; anything else is an error. */
export function parseClauseHistoryEvent(value: unknown): Result<ClauseHistoryEvent, string> {
  const parsed = clauseHistoryEventSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join('; ') };
}
