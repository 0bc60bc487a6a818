import type { AuditLogResponse, AuditVerifyResponse } from '@accord/shared/domain/audit';
import type { Position } from '@accord/shared/domain/positions';
import type { Locale } from '@accord/shared/i18n/locales';
import type {
  AlternativeResponse,
  ChooseAlternativeRequest,
  ClauseHistoryResponse,
  DeletedClausesResponse,
  DocumentResponse,
  LockAllAgreedResponse,
  LoginRequest,
  MeResponse,
  NegotiationResponse,
  ProposeAlternativeRequest,
  SetLocaleRequest,
  SetLockRequest,
  SetLockResponse,
  SetTimeZoneRequest,
  SetTimeZoneResponse,
  StatePositionRequest,
  StatePositionResponse,
} from '@accord/shared/protocol/api';
import { apiRequest } from './apiClient';
import type { ApiResult } from './apiResult';

/** POST /api/login: signs in and sets the session cookie. */
export function login(request: LoginRequest): Promise<ApiResult<MeResponse>> {
  return apiRequest<MeResponse>('/api/login', { method: 'POST', body: request });
}

/** POST /api/logout: ends the session on the server. */
export function logout(): Promise<ApiResult<undefined>> {
  return apiRequest<undefined>('/api/logout', { method: 'POST' });
}

/** GET /api/me: who is signed in, and where they are a member. */
export function fetchMe(signal?: AbortSignal): Promise<ApiResult<MeResponse>> {
  return apiRequest<MeResponse>('/api/me', signal ? { signal } : {});
}

/** GET /api/negotiations/:id: the negotiation page's data. */
export function fetchNegotiation(
  negotiationId: string,
  signal?: AbortSignal,
): Promise<ApiResult<NegotiationResponse>> {
  return apiRequest<NegotiationResponse>(
    `/api/negotiations/${encodeURIComponent(negotiationId)}`,
    signal ? { signal } : {},
  );
}

/** PUT /api/negotiations/:id/time-zone: a moderator sets the zone every time is shown in. */
export function setNegotiationTimeZone(
  negotiationId: string,
  timeZone: string,
): Promise<ApiResult<SetTimeZoneResponse>> {
  const body: SetTimeZoneRequest = { timeZone };
  return apiRequest<SetTimeZoneResponse>(
    `/api/negotiations/${encodeURIComponent(negotiationId)}/time-zone`,
    { method: 'PUT', body },
  );
}

/** GET /api/documents/:id: a draft's metadata and the caller's membership. */
export function fetchDocument(
  documentId: string,
  signal?: AbortSignal,
): Promise<ApiResult<DocumentResponse>> {
  return apiRequest<DocumentResponse>(
    `/api/documents/${encodeURIComponent(documentId)}`,
    signal ? { signal } : {},
  );
}

function clausePath(documentId: string, clauseId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/clauses/${encodeURIComponent(clauseId)}`;
}

/** PUT /api/documents/:id/clauses/:clauseId/position: states (or, with null, withdraws) the caller's delegation's position. */
export function statePosition(
  documentId: string,
  clauseId: string,
  position: Position | null,
): Promise<ApiResult<StatePositionResponse>> {
  const body: StatePositionRequest = { position };
  return apiRequest<StatePositionResponse>(`${clausePath(documentId, clauseId)}/position`, {
    method: 'PUT',
    body,
  });
}

/** GET /api/documents/:id/clauses/deleted: the clauses that left the draft, newest first. */
export function fetchDeletedClauses(
  documentId: string,
  signal?: AbortSignal,
): Promise<ApiResult<DeletedClausesResponse>> {
  return apiRequest<DeletedClausesResponse>(
    `/api/documents/${encodeURIComponent(documentId)}/clauses/deleted`,
    signal ? { signal } : {},
  );
}

/** GET /api/documents/:id/clauses/:clauseId/history: the clause now and its changes, newest first. */
export function fetchClauseHistory(
  documentId: string,
  clauseId: string,
  signal?: AbortSignal,
): Promise<ApiResult<ClauseHistoryResponse>> {
  return apiRequest<ClauseHistoryResponse>(
    `${clausePath(documentId, clauseId)}/history`,
    signal ? { signal } : {},
  );
}

/** POST …/clauses/:clauseId/alternatives: proposes an alternative wording for the caller's delegation. */
export function proposeAlternative(
  documentId: string,
  clauseId: string,
  text: string,
): Promise<ApiResult<AlternativeResponse>> {
  const body: ProposeAlternativeRequest = { text };
  return apiRequest<AlternativeResponse>(`${clausePath(documentId, clauseId)}/alternatives`, {
    method: 'POST',
    body,
  });
}

/** DELETE …/clauses/:clauseId/alternatives/:alternativeId: withdraws an alternative. */
export function withdrawAlternative(
  documentId: string,
  clauseId: string,
  alternativeId: string,
): Promise<ApiResult<AlternativeResponse>> {
  return apiRequest<AlternativeResponse>(
    `${clausePath(documentId, clauseId)}/alternatives/${encodeURIComponent(alternativeId)}`,
    { method: 'DELETE' },
  );
}

/** POST …/clauses/:clauseId/alternatives/choose: a moderator's choice (null keeps the text). */
export function chooseAlternative(
  documentId: string,
  clauseId: string,
  alternativeId: string | null,
  /** The hash of the clause text the choice was reviewed against (`clauseTextHash`). */
  expectedTextHash?: string,
): Promise<ApiResult<AlternativeResponse>> {
  const body: ChooseAlternativeRequest =
    expectedTextHash === undefined ? { alternativeId } : { alternativeId, expectedTextHash };
  return apiRequest<AlternativeResponse>(
    `${clausePath(documentId, clauseId)}/alternatives/choose`,
    { method: 'POST', body },
  );
}
/** PUT /api/documents/:id/clauses/:clauseId/lock: a moderator locks or unlocks a clause. */
export function setClauseLock(
  documentId: string,
  clauseId: string,
  request: SetLockRequest,
): Promise<ApiResult<SetLockResponse>> {
  return apiRequest<SetLockResponse>(`${clausePath(documentId, clauseId)}/lock`, {
    method: 'PUT',
    body: request,
  });
}

/** POST /api/documents/:id/clauses/lock-agreed: a moderator locks every agreed clause. */
export function lockAllAgreed(documentId: string): Promise<ApiResult<LockAllAgreedResponse>> {
  return apiRequest<LockAllAgreedResponse>(
    `/api/documents/${encodeURIComponent(documentId)}/clauses/lock-agreed`,
    { method: 'POST' },
  );
}

/** GET /api/negotiations/:id/audit: the audit log, oldest first (moderators only). */
export function fetchAuditLog(
  negotiationId: string,
  signal?: AbortSignal,
): Promise<ApiResult<AuditLogResponse>> {
  return apiRequest<AuditLogResponse>(
    `/api/negotiations/${encodeURIComponent(negotiationId)}/audit`,
    signal ? { signal } : {},
  );
}

/** GET /api/negotiations/:id/audit/verify: checks the audit log's hash chain. */
export function verifyAuditLog(negotiationId: string): Promise<ApiResult<AuditVerifyResponse>> {
  return apiRequest<AuditVerifyResponse>(
    `/api/negotiations/${encodeURIComponent(negotiationId)}/audit/verify`,
  );
}

/** Where the audit log downloads as CSV. */
export function auditCsvUrl(negotiationId: string): string {
  return `/api/negotiations/${encodeURIComponent(negotiationId)}/audit?format=csv`;
}

/** PUT /api/me/locale: remembers the language the signed-in person reads Accord in. */
export function setMyLocale(locale: Locale): Promise<ApiResult<undefined>> {
  const body: SetLocaleRequest = { locale };
  return apiRequest<undefined>('/api/me/locale', { method: 'PUT', body });
}
