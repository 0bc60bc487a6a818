import type * as Y from 'yjs';
import type { DelegationCode, PARTY_CODES } from '../domain/delegations';
import type { Position } from '../domain/positions';
import type { ClauseKind } from '../domain/schema';
import { buildExportModel } from '../export/buildExportModel';
import type { ExportPiece } from '../export/exportModel';
import type { Result } from '../result';
import type { SilenceProcedureView } from './silence';

/**
 * Issued revisions (issue 15): the Chair circulates "Rev.1", "Rev.2"… of a draft. A revision is
 * an immutable record: the Yjs state (V2), the canonical content below and its SHA-256, who
 * issued it and when (SPEC R1). Its content is plain data, read once from the
 * draft at issue time, so that comparing two revisions never needs Yjs history (gc stays on).
 */

/** One party's code. */
type PartyCode = (typeof PARTY_CODES)[number];

/** One clause of an issued revision, as the canonical JSON holds it. */
export interface RevisionClause {
  /** The stable clause id: the key that aligns clauses across revisions. */
  id: string;
  kind: ClauseKind;
  /** PP1, OP2…: the number it had in this revision. */
  label: string;
  /** Plain text, formatting left out. */
  text: string;
  /** The text with its marks and its brackets' owners, as exports render it. */
  pieces: ExportPiece[];
  /** Who proposed the clause; null for the Chair's first draft. */
  proposer: DelegationCode | null;
  /** The owners of its brackets, in the order their '[' appear. */
  brackets: DelegationCode[];
  /** Competing wordings on the table. */
  alternatives: { id: string; text: string; delegation: DelegationCode }[];
  /** Positions that held on this text. */
  positions: Partial<Record<PartyCode, Position>>;
  /** Who locked it and why; null while unlocked. */
  lock: { delegation: DelegationCode; reason: string | null } | null;
}

/** What a revision is made of (and what its SHA-256 covers): its title and clauses in order. */
export interface RevisionContent {
  title: string;
  clauses: RevisionClause[];
}

/** The negotiation-independent context a content read needs (an export context with no clock). */
const CONTENT_CONTEXT = {
  documentTitle: '',
  negotiation: { title: '', venue: '', startsOn: '', timeZone: 'UTC' },
  delegations: [],
  exportedAt: 0,
} as const;

/**
 * The canonical content of a draft's state: every clause with an id (clauses still without one
 * are left out, as everywhere that counts clauses), its label, text with marks, bracket owners,
 * alternatives, positions on its current text and lock. Pure: reads the document only.
 */
export function revisionContent(doc: Y.Doc, documentTitle: string): RevisionContent {
  const model = buildExportModel(doc, { ...CONTENT_CONTEXT, documentTitle });
  const clauses: RevisionClause[] = [];
  const seen = new Set<string>();
  for (const block of model.blocks) {
    if (block.type !== 'clause' || block.id === null || seen.has(block.id)) continue;
    seen.add(block.id);
    const { summary } = block;
    const positions: Partial<Record<PartyCode, Position>> = {};
    for (const [code, stated] of Object.entries(summary.positions)) {
      if (stated !== undefined && code !== 'CHAIR') {
        positions[code as PartyCode] = stated.position;
      }
    }
    clauses.push({
      id: block.id,
      kind: summary.kind,
      label: block.label,
      text: summary.text,
      pieces: block.pieces,
      proposer: summary.proposer?.delegation ?? null,
      brackets: block.pieces.flatMap((piece) =>
        piece.type === 'bracketOwner' ? [piece.delegation] : [],
      ),
      alternatives: summary.alternatives.map((alternative) => ({
        id: alternative.id,
        text: alternative.text,
        delegation: alternative.delegation,
      })),
      positions,
      lock:
        summary.lock === null
          ? null
          : { delegation: summary.lock.delegation, reason: summary.lock.reason },
    });
  }
  return { title: model.title, clauses };
}

/** An issued revision as the API lists it (its content and state are fetched on their own). */
export interface RevisionSummary {
  documentId: string;
  /** 1, 2…: "Rev.N". */
  number: number;
  /** The document symbol, e.g. "ACCORD/2025/L.1/Rev.2". */
  symbol: string;
  note: string;
  issuedBy: { userId: string; displayName: string; delegation: DelegationCode };
  /** Milliseconds since the epoch. */
  issuedAt: number;
  /** Lowercase hex SHA-256 of the canonical JSON of its content. */
  sha256: string;
  /** Whether it was adopted under silence procedure, and when. */
  adoptedAt: number | null;
}

/** The longest symbol base and note accepted. */
export const REVISION_LIMITS = { symbolChars: 120, noteChars: 2_000 } as const;

/** "Rev.2". */
export function revisionName(number: number): string {
  return `Rev.${number}`;
}

/** The symbol of revision `number` of a draft whose symbol base is `base`: "ACCORD/2025/L.1/Rev.2". */
export function revisionSymbol(base: string, number: number): string {
  return `${base.trim()}/${revisionName(number)}`;
}

/** Checks a symbol base or an explicit symbol: not empty, one line, not too long. */
export function parseSymbol(raw: string | null | undefined): Result<string, string> {
  const value = (raw ?? '').trim();
  if (value === '') {
    return {
      ok: false,
      error:
        'The symbol is empty. Set the draft\'s document symbol (e.g. "ACCORD/2025/L.1") before issuing a revision.',
    };
  }
  if (value.length > REVISION_LIMITS.symbolChars || /[\r\n]/.test(value)) {
    return {
      ok: false,
      error: `A symbol is one line of at most ${REVISION_LIMITS.symbolChars} characters.`,
    };
  }
  return { ok: true, value };
}

/** `GET /api/documents/:id/revisions`: the draft's symbol base, revisions and silence procedure. */
export interface RevisionListResponse {
  symbolBase: string | null;
  /** Oldest first. */
  revisions: RevisionSummary[];
  /** The running procedure, or the last one that ended; null when there never was one. */
  silence: SilenceProcedureView | null;
  /** The server's clock when it answered, so that a countdown does not depend on the reader's. */
  serverNow: number;
}

/** `GET /api/documents/:id/revisions/:number`: one revision and its content. */
export interface RevisionResponse {
  revision: RevisionSummary;
  content: RevisionContent;
}
