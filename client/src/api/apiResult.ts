import { API_ERROR_CODES, type ApiErrorCode } from '@accord/shared/protocol/api';
import { t } from '@lingui/core/macro';

/** Why a request failed when the server gave no API error: it could not be reached, or said something unreadable. */
export const CLIENT_FAILURE_CODES = ['network_error', 'unexpected_response'] as const;

/** A failure code: one of the API's stable codes, or a client-side one. */
export type ApiFailureCode = ApiErrorCode | (typeof CLIENT_FAILURE_CODES)[number];

/** A failed API call, as the UI needs it: the HTTP status (0 when unreachable), a code and a message. */
export interface ApiFailure {
  status: number;
  code: ApiFailureCode;
  message: string;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  retryAfterSeconds?: number;
}

/** The outcome of an API call. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

/** Reads `{ error: { code, message } }` out of an untrusted response body, or says why it is not one. */
export function parseApiErrorBody(
  body: unknown,
): { ok: true; value: { code: ApiErrorCode; message: string } } | { ok: false; error: string } {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return { ok: false, error: 'not an API error body' };
  }
  const error = body.error;
  if (typeof error !== 'object' || error === null) {
    return { ok: false, error: 'error is not an object' };
  }
  const code = 'code' in error ? error.code : undefined;
  const message = 'message' in error ? error.message : undefined;
  if (!isApiErrorCode(code)) return { ok: false, error: 'unknown error code' };
  return { ok: true, value: { code, message: typeof message === 'string' ? message : '' } };
}

/** Parses a Retry-After header given in seconds; HTTP dates and nonsense give undefined. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/** Turns an error response (status + body text) into an ApiFailure, whatever the body holds. */
export function failureFromResponse(
  status: number,
  bodyText: string,
  retryAfter: string | null,
): ApiFailure {
  let body: unknown = null;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // A proxy's HTML error page, for example: fall back to the status below.
  }
  const parsed = parseApiErrorBody(body);
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const failure: ApiFailure = parsed.ok
    ? { status, code: parsed.value.code, message: parsed.value.message || fallbackMessage(status) }
    : { status, code: 'unexpected_response', message: fallbackMessage(status) };
  return retryAfterSeconds === undefined ? failure : { ...failure, retryAfterSeconds };
}

function fallbackMessage(status: number): string {
  if (status === 401) return t`Please sign in.`;
  if (status === 403) return t`You do not have access to this.`;
  if (status === 404) return t`Not found.`;
  if (status === 429) return t`Too many attempts. Please wait and try again.`;
  if (status >= 500) return t`The server had a problem. Please try again.`;
  return t`The server answered with an unexpected status (${status}).`;
}
