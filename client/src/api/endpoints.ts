import type {
  DocumentResponse,
  LoginRequest,
  MeResponse,
  NegotiationResponse,
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
