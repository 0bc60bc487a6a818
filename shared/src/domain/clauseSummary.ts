import type {
  ClauseAlternative,
  ClauseBracket,
  ClauseLock,
  ClauseMeta,
  ClauseProposer,
  ClearedPosition,
} from './clauseMeta';
import type { DraftClause } from './clauseNodes';
import { type ClausePositions, positionsForText } from './positions';
import type { ClauseKind } from './schema';
import { type ClauseStatus, clauseBracketed, clauseStatus } from './status';
import { clauseTextHash } from './textHash';

/** One clause of a draft with its derived status and its server-authoritative state. */
export interface ClauseSummary {
  id: string;
  /** PP1, OP2…: derived from order, never part of the clause's identity. */
  label: string;
  kind: ClauseKind;
  /** Plain text, formatting left out. */
  text: string;
  status: ClauseStatus;
  /** Who proposed it; null for the Chair's first draft. */
  proposer: ClauseProposer | null;
  /** The positions that hold for the clause's current text. */
  positions: ClausePositions;
  /** Positions cleared at the last text change and not stated again since. */
  cleared: ClearedPosition[];
  /**
   * Who asked for the clause's brackets, by `bracketCharKey` of their '['. The server drops an
   * entry whose '[' was deleted when it next records a bracket in the clause.
   */
  brackets: Record<string, ClauseBracket>;
  /** Who locked the clause and when; null while it is unlocked. */
  lock: ClauseLock | null;
  /** Competing wordings still on the table, in the order proposed. */
  alternatives: ClauseAlternative[];
}

/**
 * The clauses of a draft as the clause panel, the consensus view and the clause list show them:
 * numbered, with proposer, the positions still bound to their current text, what was cleared,
 * and the derived status. Used by the server (HTTP) and the client (live view) alike.
 * Clauses without an id yet and repeated ids (a paste, until the editor fixes it) are left out.
 * A position given on other text no longer holds, even before the server's clearing of it is
 * written (a client sees its own keystroke before the server has answered it).
 */
export function summarizeClauses(
  clauses: readonly DraftClause[],
  metaOf: (clauseId: string) => ClauseMeta | null,
  hashOf: (text: string) => string = clauseTextHash,
): ClauseSummary[] {
  const seen = new Set<string>();
  const summaries: ClauseSummary[] = [];
  for (const clause of clauses) {
    if (clause.id === null || seen.has(clause.id)) continue;
    seen.add(clause.id);
    const meta = metaOf(clause.id);
    const lock = meta?.lock ?? null;
    const alternatives = meta?.alternatives ?? [];
    const positions =
      meta === null || Object.keys(meta.positions).length === 0
        ? {}
        : positionsForText(meta.positions, hashOf(clause.text)).kept;
    summaries.push({
      id: clause.id,
      label: clause.label,
      kind: clause.kind,
      text: clause.text,
      status: clauseStatus({
        locked: lock !== null,
        bracketed: clauseBracketed({ text: clause.text, alternatives }),
        positions,
      }),
      proposer: meta?.proposer ?? null,
      positions,
      cleared: (meta?.cleared ?? []).filter((entry) => positions[entry.delegation] === undefined),
      brackets: meta?.brackets ?? {},
      lock,
      alternatives,
    });
  }
  return summaries;
}
