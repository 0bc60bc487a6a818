import type { DelegationCode } from './delegations';

/**
 * What the audit log records. Others are added as features land (an export…); the log
 * stores any action name, so old entries stay readable.
 */
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
] as const;

/** One kind of audited action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
