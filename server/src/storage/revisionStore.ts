import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Result } from '@accord/shared/result';
import type { SilenceState } from '@accord/shared/revisions/silence';

/** An issued revision without its stored state and content (what lists need). */
export interface RevisionMeta {
  id: string;
  documentId: string;
  /** 1, 2…: "Rev.N", given by the store in issue order. */
  number: number;
  symbol: string;
  note: string;
  issuedBy: string;
  delegation: DelegationCode;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  /** Lowercase hex SHA-256 of `contentJson`. */
  sha256: string;
  /** When it was adopted under silence procedure, or null. */
  adoptedAt: number | null;
}

/** An issued revision: immutable once stored (only `adoptedAt` is ever set, once). */
export interface RevisionRecord extends RevisionMeta {
  /** `Y.encodeStateAsUpdateV2` of the draft when issued. */
  state: Uint8Array;
  /** Canonical JSON of its `RevisionContent`. */
  contentJson: string;
}

/** What issuing stores; the store gives the number and the symbol is made from it. */
export type NewRevision = Omit<RevisionRecord, 'number' | 'symbol' | 'adoptedAt'> & {
  /** The symbol of revision `number` (the draft's symbol base + "/Rev.N", or one given). */
  symbolFor: (number: number) => string;
};

/** A silence procedure on one revision. */
export interface SilenceRecord {
  id: string;
  documentId: string;
  revisionId: string;
  startedBy: string;
  startedAt: number;
  /** Milliseconds since the epoch (UTC). */
  deadline: number;
  state: SilenceState;
  endedAt: number | null;
  brokenBy: string | null;
  brokenDelegation: DelegationCode | null;
  reason: string | null;
}

/** What starting a procedure stores. */
export type NewSilence = Omit<
  SilenceRecord,
  'state' | 'endedAt' | 'brokenBy' | 'brokenDelegation' | 'reason'
>;

/** How a procedure ends. */
export type SilenceEnd =
  | { state: 'broken'; at: number; brokenBy: string; delegation: DelegationCode; reason: string }
  | { state: 'adopted'; at: number };

/** Issued revisions, drafts' symbol bases and silence procedures (issue 15). */
export interface RevisionStore {
  /** The draft's document symbol base ("ACCORD/2025/L.1"), or null when never set. */
  symbolBase(documentId: string): Promise<string | null>;
  setSymbolBase(documentId: string, base: string): Promise<void>;
  /**
   * Stores the next revision of the draft atomically (number = last + 1). Refuses a symbol
   * the draft already used.
   */
  issue(revision: NewRevision): Promise<Result<RevisionMeta, 'duplicateSymbol'>>;
  /** A draft's revisions, oldest first, without state or content. */
  list(documentId: string): Promise<RevisionMeta[]>;
  byNumber(documentId: string, number: number): Promise<RevisionRecord | undefined>;
  byId(id: string): Promise<RevisionRecord | undefined>;
  /** Starts a procedure unless one is already running on the draft. */
  startSilence(silence: NewSilence): Promise<Result<SilenceRecord, 'running'>>;
  /** The draft's running procedure, if any. */
  runningSilence(documentId: string): Promise<SilenceRecord | undefined>;
  /** The draft's most recent procedure, if any. */
  latestSilence(documentId: string): Promise<SilenceRecord | undefined>;
  /** Every running procedure of every draft (for the deadline scheduler). */
  allRunning(): Promise<SilenceRecord[]>;
  /**
   * Ends a running procedure: true if this call ended it, false if it had already ended (so
   * that a deadline fires once, whoever else tried). Adoption also marks its revision adopted,
   * in the same transaction.
   */
  endSilence(id: string, end: SilenceEnd): Promise<boolean>;
}
