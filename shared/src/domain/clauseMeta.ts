import type * as Y from 'yjs';
import { z } from 'zod';
import type { Result } from '../result';
import { type DelegationCode, PARTY_CODES } from './delegations';
import { type ClausePositions, POSITIONS, type Position } from './positions';

/**
 * The root `Y.Map` of a draft's Yjs document that mirrors the server-authoritative state of its
 * clauses (SPEC S3). Key: clause id; value: one plain JSON `ClauseMeta`. Only the
 * server writes it: the sync server refuses any client update that touches it. Clients read it
 * (`clauseMetaMap(doc).observe(…)`) for the live view of proposers, positions and clearings.
 */
export const CLAUSE_META_ROOT = 'accord';

/** Why positions were cleared: the clause text they were given on changed. */
export const CLEAR_REASONS = ['textChanged'] as const;

/** One reason for clearing positions. */
export type ClearReason = (typeof CLEAR_REASONS)[number];

/** Who proposed a clause: the delegation and user who created it, as the server saw them. */
export interface ClauseProposer {
  delegation: DelegationCode;
  userId: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** A position the server cleared, with why and because of whom. */
export interface ClearedPosition {
  delegation: DelegationCode;
  position: Position;
  /** When it was cleared, in milliseconds since the epoch. */
  at: number;
  reason: ClearReason;
  /** The delegation and user whose text change cleared it. */
  byDelegation: DelegationCode;
  byUserId: string;
}

/** Who asked for a bracket: the delegation and user whose update inserted its '['. */
export interface ClauseBracket {
  delegation: DelegationCode;
  userId: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** Who locked a clause, when, and why (a reason is required unless the clause was agreed, L3). */
export interface ClauseLock {
  delegation: DelegationCode;
  userId: string;
  /** Milliseconds since the epoch. */
  at: number;
  reason: string | null;
}

/**
 * One alternative wording of a clause ("Alt 1 [MX]"), attributed to the delegation that
 * proposed it. `id` is stable; the number shown ("Alt 2") is derived from order.
 */
export interface ClauseAlternative {
  id: string;
  /** Plain text of the proposed wording. */
  text: string;
  delegation: DelegationCode;
  userId: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/**
 * The server-authoritative state of one clause. `proposer` is null for the clauses of the
 * Chair's first draft (the seeded text) and for clauses whose creation predates tracking.
 * `cleared` lists the positions removed by the most recent clearing only; a delegation drops
 * out of it once it states (or withdraws) a position again. `textHash` is `clauseTextHash` of
 * the clause text when this entry was last written. `brackets` maps the Yjs id of each opening
 * '[' (`bracketCharKey`) to who asked for it; absent in metas written before brackets existed.
 * `lock` is set while a moderator has the clause locked (absent or null: unlocked).
 * `alternatives` are the competing wordings still on the table, in the order proposed.
 */
export interface ClauseMeta {
  proposer: ClauseProposer | null;
  positions: ClausePositions;
  cleared: ClearedPosition[];
  textHash: string;
  brackets?: Record<string, ClauseBracket>;
  lock?: ClauseLock | null;
  alternatives?: ClauseAlternative[];
}

const delegationSchema = z.enum([...PARTY_CODES, 'CHAIR']);

/** The shape of one `ClauseAlternative`, for parsing stored values. */
export const clauseAlternativeSchema: z.ZodType<ClauseAlternative> = z.object({
  id: z.string(),
  text: z.string(),
  delegation: delegationSchema,
  userId: z.string(),
  at: z.number(),
});

const clauseMetaSchema: z.ZodType<ClauseMeta> = z.object({
  proposer: z
    .object({ delegation: delegationSchema, userId: z.string(), at: z.number() })
    .nullable(),
  positions: z.partialRecord(
    z.enum(PARTY_CODES),
    z.object({
      position: z.enum(POSITIONS),
      textHash: z.string(),
      userId: z.string(),
      at: z.number(),
    }),
  ),
  cleared: z.array(
    z.object({
      delegation: delegationSchema,
      position: z.enum(POSITIONS),
      at: z.number(),
      reason: z.enum(CLEAR_REASONS),
      byDelegation: delegationSchema,
      byUserId: z.string(),
    }),
  ),
  textHash: z.string(),
  brackets: z
    .record(
      z.string(),
      z.object({ delegation: delegationSchema, userId: z.string(), at: z.number() }),
    )
    .optional(),
  lock: z
    .object({
      delegation: delegationSchema,
      userId: z.string(),
      at: z.number(),
      reason: z.string().nullable(),
    })
    .nullable()
    .optional(),
  alternatives: z.array(clauseAlternativeSchema).optional(),
});

/** A clause with no proposer, positions or clearings yet, for the given text hash. */
export function emptyClauseMeta(textHash: string): ClauseMeta {
  return { proposer: null, positions: {}, cleared: [], textHash };
}

/** Parses one value of the meta map; anything not shaped like `ClauseMeta` is an error. */
export function parseClauseMeta(value: unknown): Result<ClauseMeta, string> {
  const parsed = clauseMetaSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join('; ') };
}

/** The document's clause meta map (see `CLAUSE_META_ROOT`). */
export function clauseMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CLAUSE_META_ROOT);
}

/** A clause's meta as the map holds it, or null when it has none (or an unreadable one). */
export function readClauseMeta(map: Y.Map<unknown>, clauseId: string): ClauseMeta | null {
  if (!map.has(clauseId)) return null;
  const parsed = parseClauseMeta(map.get(clauseId));
  return parsed.ok ? parsed.value : null;
}
