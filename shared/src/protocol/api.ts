import type { DelegationCode } from '../domain/delegations';
import type { Role } from '../domain/roles';

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
  'payload_too_large',
  'internal',
] as const;

/** One of the HTTP API's stable error codes. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The body of every HTTP error response. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** `POST /api/login` request body. */
export interface LoginRequest {
  username: string;
  password: string;
}

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
}

/** A draft communiqué, as listed in its negotiation. */
export interface DocumentView {
  id: string;
  negotiationId: string;
  title: string;
  updatedAt: string;
}

/** A member of a negotiation, with whether they are connected to any of its drafts now. */
export interface MemberView {
  userId: string;
  displayName: string;
  delegation: DelegationCode;
  role: Role;
  online: boolean;
}

/** `GET /api/negotiations/:id` response body. */
export interface NegotiationResponse {
  negotiation: { id: string; title: string; venue: string; startsOn: string };
  membership: { delegation: DelegationCode; role: Role };
  documents: DocumentView[];
  members: MemberView[];
}

/** `GET /api/documents/:id` response body. */
export interface DocumentResponse {
  document: DocumentView;
  negotiation: { id: string; title: string };
  membership: { delegation: DelegationCode; role: Role };
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
}
