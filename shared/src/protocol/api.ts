import type { z } from 'zod';
import type { ClauseHistoryEvent } from '../domain/clauseHistory';
import type { ClauseMeta } from '../domain/clauseMeta';
import type { ClauseSummary } from '../domain/clauseSummary';
import type { DelegationCode } from '../domain/delegations';
import type { Role } from '../domain/roles';
import type { ClauseCounts } from '../domain/status';
import type { FinalExportBlocker } from '../export/finalBlockers';
import type { Locale } from '../i18n/locales';
import type {
  chooseAlternativeSchema,
  loginRequestSchema,
  proposeAlternativeSchema,
  setLockSchema,
  setTimeZoneSchema,
  statePositionSchema,
} from './requestSchemas';

/**
 * The HTTP API's shapes, shared by the server (which produces them) and the client (which reads
 * them). Every error response is `{ error: ApiError }` with a stable `code`.
 */

/** Stable error codes of the HTTP API. */
export const API_ERROR_CODES = [
  'bad_request',
  'invalid_credentials',
  'too_many_attempts',
  'unauthorized',
  'forbidden',
  'forbidden_origin',
  'not_found',
  'conflict',
  'payload_too_large',
  'final_export_blocked',
  'internal',
  'unavailable',
] as const;

/** One of the HTTP API's stable error codes. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The body of every HTTP error response. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** `POST /api/login` request body. */
export type LoginRequest = z.input<typeof loginRequestSchema>;

/** A signed-in person, as the API shows them. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
}

/** A person's place in one negotiation. */
export interface MembershipView {
  negotiationId: string;
  negotiationTitle: string;
  delegation: DelegationCode;
  role: Role;
}

/** `GET /api/me` and `POST /api/login` response body. */
export interface MeResponse {
  user: UserView;
  memberships: MembershipView[];
  /**
   * The language to speak to this person: the one they chose (`PUT /api/me/locale`), else the
   * first of the request's `Accept-Language` that Accord speaks (`negotiateLocale`), else "en".
   */
  locale: Locale;
  /** Whether `locale` is the person's own choice (false: it follows the browser). */
  localeChosen: boolean;
}

/**
 * `PUT /api/me/locale` request body: the signed-in person's language, remembered on the server
 * for every browser they use. Answered with 204; a language Accord does not speak is refused
 * with 400 `bad_request`.
 */
export interface SetLocaleRequest {
  locale: Locale;
}

/** A draft communiqué, as listed in its negotiation. */
export interface DocumentView {
  id: string;
  negotiationId: string;
  title: string;
  updatedAt: string;
}

/**
 * Where a member is now: connected to a draft of the negotiation (`onDraft`); signed in and
 * using Accord within the last `SIGNED_IN_WINDOW_MS` but on no draft of it (`signedIn`);
 * neither (`offline`).
 */
export const MEMBER_PRESENCES = ['onDraft', 'signedIn', 'offline'] as const;

/** One of a member's presences. */
export type MemberPresence = (typeof MEMBER_PRESENCES)[number];

/** A member who made a signed-in request this recently counts as signed in. */
export const SIGNED_IN_WINDOW_MS = 2 * 60_000;

/** A member of a negotiation, with where they are now. */
export interface MemberView {
  userId: string;
  displayName: string;
  delegation: DelegationCode;
  role: Role;
  presence: MemberPresence;
}

/** `GET /api/negotiations/:id` response body. */
export interface NegotiationResponse {
  negotiation: {
    id: string;
    title: string;
    venue: string;
    startsOn: string;
    /** The IANA time zone every time of this negotiation is shown in (`timeZone.ts`). */
    timeZone: string;
  };
  membership: { delegation: DelegationCode; role: Role };
  documents: DocumentView[];
  members: MemberView[];
}

/** `GET /api/documents/:id` response body. */
export interface DocumentResponse {
  document: DocumentView;
  negotiation: { id: string; title: string; timeZone: string };
  membership: { delegation: DelegationCode; role: Role };
}

/**
 * `PUT /api/negotiations/:id/time-zone` request body: the negotiation's new time zone, an IANA
 * name (`parseTimeZone`). Moderators only (`can(actor, 'changeSettings')`); a name that is not a
 * zone is refused with 400 `bad_request`. Response: the canonical name stored.
 */
export type SetTimeZoneRequest = z.input<typeof setTimeZoneSchema>;

/** `PUT /api/negotiations/:id/time-zone` response body. */
export interface SetTimeZoneResponse {
  timeZone: string;
}

/** The path of the WebSocket sync endpoint; the y-websocket provider appends `/<documentId>`. */
export const SYNC_PATH = '/api/sync';

/** The identity the server stamps into every awareness state, under the `user` field. */
export interface AwarenessUser {
  userId: string;
  name: string;
  delegation: DelegationCode;
  role: Role;
  /** The delegation's colour; CollaborationCaret reads `color`. */
  color: string;
  /**
   * The one field a client sets about itself: its page is in the background, so the person is
   * away from the draft though still connected. The server keeps it only as a boolean.
   */
  away?: boolean;
}

/**
 * `PUT /api/documents/:documentId/clauses/:clauseId/position` request body: the caller's
 * delegation's position on the clause, or null to withdraw it; `delegation` names whose position
 * it is (default: the caller's own). Only a delegate of that delegation may state it
 * (`can(actor, 'statePosition', { delegation })`).
 */
export type StatePositionRequest = z.input<typeof statePositionSchema>;

/**
 * `PUT …/position` response body: the clause's meta after the change, as it is now also in the
 * document's `CLAUSE_META_ROOT` map. The position is bound to the clause's current text.
 */
export type StatePositionResponse = ClauseMeta;

/**
 * `GET /api/documents/:documentId/clauses` response body: every clause that has an id, in
 * order, and the counts of the consensus view ("9 of 14 clauses agreed"). Computed from the
 * server's document; live views read the Yjs document and its meta map instead.
 */
export interface ClauseListResponse {
  clauses: ClauseSummary[];
  counts: ClauseCounts;
}

/**
 * One change of a clause's text: who (as the server authenticated them), when, and the text
 * before and after. Consecutive edits by one person within a minute are one change. The clause
 * as it was at any earlier point is the `textAfter` of the change made just before that point
 * (or the oldest change's `textBefore`, before any change).
 */
export interface ClauseChangeView {
  /** When the change (its last keystroke) was made, in milliseconds since the epoch. */
  at: number;
  userId: string;
  displayName: string;
  delegation: DelegationCode;
  textBefore: string;
  textAfter: string;
  /** What happened besides typing (deleted, an alternative proposed or chosen…), or null. */
  event: ClauseHistoryEvent | null;
}

/**
 * `GET /api/documents/:documentId/clauses/:clauseId/history` response body: the clause now and
 * its changes, newest first. Changes made before history was recorded (the seeded first draft)
 * have no entry: the oldest change's `textBefore` is the text as it stood then.
 */
export interface ClauseHistoryResponse {
  /** The clause now; a clause that left the draft has no label or text and `removed` set. */
  clause: { id: string; label: string; text: string; removed: boolean };
  changes: ClauseChangeView[];
}

/** A clause that left the draft (deleted, or merged into the clause before it). */
export interface DeletedClauseView {
  clauseId: string;
  /** The clause's text just before it left. */
  lastText: string;
  /** When it left, in milliseconds since the epoch. */
  deletedAt: number;
  deletedBy: { userId: string; displayName: string; delegation: DelegationCode };
}

/**
 * `GET /api/documents/:documentId/clauses/deleted` response body: the clauses no longer in the
 * draft, most recently deleted first; each one's history stays at `…/clauses/:clauseId/history`.
 */
export interface DeletedClausesResponse {
  clauses: DeletedClauseView[];
}

/**
 * `POST /api/documents/:documentId/clauses/:clauseId/alternatives` request body: an alternative
 * wording of the clause (plain text), attributed to the caller's delegation. Response: the
 * clause's meta after the change (`StatePositionResponse`'s shape).
 */
export type ProposeAlternativeRequest = z.input<typeof proposeAlternativeSchema>;

/**
 * `POST /api/documents/:documentId/clauses/:clauseId/alternatives/choose` request body: the
 * alternative a moderator picks, which replaces the clause text, or null to keep the current
 * text; either way the alternatives are settled and the others kept in the clause's history.
 * `expectedTextHash` (`clauseTextHash`) is the text the moderator reviewed the choice against:
 * if the clause changed since, the choice is refused (409 `conflict`) rather than made blind.
 */
export type ChooseAlternativeRequest = z.input<typeof chooseAlternativeSchema>;

/** The clause's meta after an alternative was proposed, withdrawn or chosen. */
export type AlternativeResponse = ClauseMeta;

/**
 * `PUT /api/documents/:documentId/clauses/:clauseId/lock` request body: lock or unlock a clause.
 * Moderators only; `reason` is required to unlock, and to lock a clause not all five parties
 * agree with (`lockReasonRequired`).
 */
export type SetLockRequest = z.input<typeof setLockSchema>;

/** `PUT …/lock` response body: the clause's meta after the change. */
export type SetLockResponse = ClauseMeta;

/** `POST /api/documents/:documentId/clauses/lock-agreed` response body: the clauses it locked. */
export interface LockAllAgreedResponse {
  locked: string[];
}

/**
 * `GET /api/documents/:documentId/export?format=txt|md|html|docx|pdf&mode=draft|final[&threads=public]`
 * answers the file itself (Content-Disposition: attachment). A final export refused because
 * clauses are not ready (409 `final_export_blocked`) lists them.
 */
export interface FinalExportRefusalBody extends ApiErrorBody {
  blockers: FinalExportBlocker[];
}
