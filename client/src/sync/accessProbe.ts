import { CLOSE_CODES, type CloseCode } from '@accord/shared/protocol/closeCodes';
import type { ApiResult } from '../api/apiResult';

/**
 * What a refused WebSocket upgrade meant. The server checks the session, the document and the
 * membership before upgrading, so a refusal there reaches the browser only as an anonymous
 * failed connection (1006); asking the HTTP API for the document tells the reasons apart.
 * Returns the close code the refusal stands for, or null when reconnecting can still help.
 */
export function accessProbeOutcome(result: ApiResult<unknown>): CloseCode | null {
  if (result.ok) return null;
  switch (result.error.status) {
    case 401:
      return CLOSE_CODES.unauthorized;
    case 403:
      return result.error.code === 'forbidden_origin' ? null : CLOSE_CODES.forbidden;
    case 404:
      return CLOSE_CODES.notFound;
    default:
      return null;
  }
}

/** Failed connection attempts in a row after which the client asks the API why. */
export const PROBE_AFTER_FAILURES = 2;

/** Least time between two such questions, in milliseconds. */
export const PROBE_INTERVAL_MS = 10_000;
