import type { DelegationCode } from './delegations';
import type { Position } from './positions';
import type { Role } from './roles';

/**
 * What the audit log records, one typed payload per action. New actions are added to this
 * union as features land; entries stored before a field existed still read (`auditRead.ts`).
 */
export type AuditEvent =
  | { action: 'lock' | 'unlock'; detail: LockAuditDetail }
  | { action: 'position'; detail: PositionAuditDetail }
  | { action: 'positionsCleared'; detail: PositionsClearedAuditDetail }
  | { action: 'alternativeChosen'; detail: AlternativeChosenAuditDetail }
  | { action: 'messageHidden'; detail: MessageHiddenAuditDetail }
  | { action: 'membership'; detail: MembershipAuditDetail }
  | { action: 'timeZone'; detail: TimeZoneAuditDetail }
  | { action: 'revisionIssued'; detail: RevisionIssuedAuditDetail }
  | { action: 'silenceStarted'; detail: SilenceStartedAuditDetail }
  | { action: 'silenceBroken'; detail: SilenceBrokenAuditDetail }
  | { action: 'silenceAdopted'; detail: SilenceAdoptedAuditDetail };

/** One kind of audited action. */
export type AuditAction = AuditEvent['action'];

/** Every audited action, in the order the log's legend lists them. */
export const AUDIT_ACTIONS = [
  'lock',
  'unlock',
  'position',
  'positionsCleared',
  'alternativeChosen',
  'messageHidden',
  'membership',
  'timeZone',
  'revisionIssued',
  'silenceStarted',
  'silenceBroken',
  'silenceAdopted',
] as const satisfies readonly AuditAction[];

/** A clause a lock entry is about: its id and its number when it happened. */
interface ClauseRef {
  clauseId: string;
  label: string;
}

/** A clause locked or unlocked; `allAgreed` is the shared `clauseAgreed` at that moment. */
export interface LockAuditDetail extends ClauseRef {
  reason: string | null;
  allAgreed: boolean;
}

/** A delegation's position stated (null: withdrawn) on a clause. */
export interface PositionAuditDetail extends ClauseRef {
  of: DelegationCode;
  position: Position | null;
}

/** A text change cleared these delegations' positions. */
export interface PositionsClearedAuditDetail extends ClauseRef {
  delegations: DelegationCode[];
}

/** A moderator chose an alternative (null: kept the text), and what the choice set aside. */
export interface AlternativeChosenAuditDetail extends ClauseRef {
  alternativeId: string | null;
  proposedBy: DelegationCode | null;
  text: string | null;
  replacedText: string | null;
  bracketsRemoved: { delegation: DelegationCode; count: number }[];
  unownedBracketsRemoved: number;
  setAside: { delegation: DelegationCode; text: string }[];
}

/** A moderator hid a comment of a public thread. */
export interface MessageHiddenAuditDetail {
  threadId: string;
  messageId: string;
  reason: string | null;
}

/** A member's place changed; `role` null means removed from the negotiation. */
export interface MembershipAuditDetail {
  memberUserId: string;
  username: string;
  delegation: DelegationCode | null;
  role: Role | null;
  previous: { delegation: DelegationCode; role: Role } | null;
}

/** The zone the negotiation's times are shown in changed. */
export interface TimeZoneAuditDetail {
  from: string;
  to: string;
}

/** A revision of a draft was issued. */
export interface RevisionIssuedAuditDetail {
  revision: number;
  symbol: string;
  note: string | null;
  sha256: string;
  clauses: number;
}

/** A silence procedure started on a revision. */
export interface SilenceStartedAuditDetail {
  revision: number;
  symbol: string;
  sha256: string;
  /** ISO 8601. */
  deadline: string;
}

/** A delegation broke the silence. */
export interface SilenceBrokenAuditDetail {
  revision: number | null;
  symbol: string | null;
  reason: string;
}

/** The deadline passed unbroken: the revision is adopted and its clauses locked. */
export interface SilenceAdoptedAuditDetail extends SilenceStartedAuditDetail {
  locked: string[];
  reason: string;
}

/** How each action reads in the audit log's table. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  lock: 'Locked',
  unlock: 'Unlocked',
  position: 'Position',
  positionsCleared: 'Positions cleared',
  alternativeChosen: 'Alternative chosen',
  messageHidden: 'Comment hidden',
  membership: 'Membership',
  timeZone: 'Time zone',
  revisionIssued: 'Revision issued',
  silenceStarted: 'Silence procedure started',
  silenceBroken: 'Silence broken',
  silenceAdopted: 'Adopted under silence procedure',
};

/** A JSON value, as an audit entry's detail holds it. */
export type AuditDetail = { [key: string]: AuditJson };

/** Any JSON value. */
export type AuditJson =
  | string
  | number
  | boolean
  | null
  | AuditJson[]
  | { [key: string]: AuditJson };

/** One audit entry as the API returns it (`GET /api/negotiations/:id/audit`). */
export interface AuditEntryView {
  seq: number;
  at: number;
  negotiationId: string;
  documentId: string | null;
  userId: string | null;
  /** The user's display name now; "Admin tool" for entries the admin tool wrote. */
  displayName: string;
  delegation: DelegationCode | null;
  action: string;
  detail: AuditDetail;
  prevHash: string;
  hash: string;
}

/** `GET /api/negotiations/:id/audit` response body: entries oldest first. */
export interface AuditLogResponse {
  entries: AuditEntryView[];
}

/** The first entry of a chain that does not verify, and why. */
export interface AuditBreak {
  seq: number;
  reason: string;
}

/** `GET /api/negotiations/:id/audit/verify` response body. */
export interface AuditVerifyResponse {
  ok: boolean;
  /** How many entries were checked. */
  entries: number;
  firstBroken?: AuditBreak;
}
