import type { ClauseSummary } from '../domain/clauseSummary';
import type { DelegationCode } from '../domain/delegations';
import type { Locale } from '../i18n/locales';

/**
 * What every export renders, built once from a draft's state (`buildExportModel`): plain data,
 * no Yjs, no clock, so that the same state always renders to the same bytes.
 */

/** A run of clause text with the formatting the schema allows inside a clause. */
export interface ExportTextPiece {
  type: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
}

/**
 * Who asked for the bracket that closes just before this piece (after its ']'), or, for a '['
 * never closed, at the end of the clause. Only drafts show it.
 */
export interface ExportBracketOwnerPiece {
  type: 'bracketOwner';
  delegation: DelegationCode;
}

/** One piece of a clause's content, in order. */
export type ExportPiece = ExportTextPiece | ExportBracketOwnerPiece;

/** A numbered paragraph: its label as the editor shows it, its content and its state. */
export interface ExportClause {
  type: 'clause';
  /** The clause's id, or null while the editor has not given it one yet. */
  id: string | null;
  /** PP1, OP2…: exactly the editor's numbering. */
  label: string;
  pieces: ExportPiece[];
  /** Status, positions, lock and alternatives, as the clause panel shows them. */
  summary: ClauseSummary;
}

/** An unnumbered heading that groups clauses. */
export interface ExportHeading {
  type: 'heading';
  text: string;
}

/** One block of the communiqué, in document order. */
export type ExportBlock = ExportClause | ExportHeading;

/** One message of a public comment thread. */
export interface ExportThreadMessage {
  author: string;
  delegation: DelegationCode;
  /** Milliseconds since the epoch. */
  at: number;
  text: string;
}

/**
 * A public comment thread, which a draft compilation includes only when asked. The visibility
 * is part of the type so that a private thread cannot be handed in by mistake; the renderers
 * drop anything else all the same (SPEC P1, P4).
 */
export interface ExportThread {
  visibility: 'public';
  clauseId: string;
  /** The clause text the thread is about. */
  quote: string;
  /** Whether those words have since been deleted from the draft. */
  detached?: boolean;
  messages: ExportThreadMessage[];
}

/** The negotiation a draft belongs to, as the date line shows it. */
export interface ExportNegotiation {
  title: string;
  venue: string;
  /** ISO date (YYYY-MM-DD). */
  startsOn: string;
  /** The negotiation's IANA time zone: every time an export writes is in it, named. */
  timeZone: string;
}

/** What a draft's state alone does not say: its negotiation, its parties and the export time. */
export interface ExportContext {
  /** Used when the draft's title line is empty. */
  documentTitle: string;
  negotiation: ExportNegotiation;
  /** The delegations taking part, in any order (listed in the parties' order, Chair left out). */
  delegations: readonly DelegationCode[];
  /** The export time in milliseconds since the epoch, given by the caller (never a clock read). */
  exportedAt: number;
  /** Public threads to include in a draft compilation; never in a final text. */
  threads?: readonly ExportThread[];
  /** The issued revision exported, when it is one (issue 15). */
  revision?: ExportRevision;
  /** The language of the export's own words (never of the negotiated text); English if absent. */
  locale?: Locale;
}

/** An issued revision's identity, as its exports carry it under the title. */
export interface ExportRevision {
  /** "ACCORD/2025/L.1/Rev.2". */
  symbol: string;
  /** "Rev.2". */
  name: string;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  /** When it was adopted under silence procedure, or null. */
  adoptedAt: number | null;
}

/** A communiqué ready to render in either mode. */
export interface ExportModel {
  title: string;
  negotiation: ExportNegotiation;
  /** Participating parties, in the parties' order. */
  delegations: DelegationCode[];
  exportedAt: number;
  blocks: ExportBlock[];
  threads: ExportThread[];
  /** The issued revision exported, when it is one. */
  revision?: ExportRevision;
  /** The language of the export's own words: banner, notes, dates, footers. */
  locale: Locale;
}

/** The two kinds of export: a draft compilation or the final, clean communiqué. */
export const EXPORT_MODES = ['draft', 'final'] as const;

/** One export mode. */
export type ExportMode = (typeof EXPORT_MODES)[number];
