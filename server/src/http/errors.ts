import type { Log } from '@accord/shared/log';
import type { ApiErrorBody, ApiErrorCode } from '@accord/shared/protocol/api';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The HTTP status of each error code: one place, so a code always means the same status. */
export const API_ERROR_STATUS = {
  bad_request: 400,
  invalid_credentials: 401,
  too_many_attempts: 429,
  unauthorized: 401,
  forbidden: 403,
  forbidden_origin: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  final_export_blocked: 409,
  internal: 500,
} as const satisfies Record<ApiErrorCode, ContentfulStatusCode>;

/** The one error type of the HTTP API; the error handler turns it into an `ApiErrorBody`. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = API_ERROR_STATUS[code];
  }
}

/** Factories of the API's errors, with the messages people see. */
export const apiErrors = {
  badRequest: (message: string) => new ApiError('bad_request', message),
  invalidCredentials: () => new ApiError('invalid_credentials', 'Wrong username or password.'),
  tooManyAttempts: () =>
    new ApiError('too_many_attempts', 'Too many failed sign-ins. Please wait and try again later.'),
  unauthorized: () => new ApiError('unauthorized', 'Please sign in.'),
  forbidden: (message = 'You are not a member of this negotiation.') =>
    new ApiError('forbidden', message),
  forbiddenOrigin: () =>
    new ApiError('forbidden_origin', 'This request did not come from an allowed origin.'),
  notFound: (message = 'Not found.') => new ApiError('not_found', message),
  /** The request is well-formed but the state of what it acts on does not allow it now. */
  conflict: (message: string) => new ApiError('conflict', message),
  payloadTooLarge: (maxBytes: number) =>
    new ApiError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`),
  internal: () => new ApiError('internal', 'Something went wrong on the server.'),
} as const;

/** The JSON body of an error response. */
export function errorBody(error: ApiError): ApiErrorBody {
  return { error: { code: error.code, message: error.message } };
}

/** Responds with an `ApiError` as JSON. */
export function errorResponse(c: Context, error: ApiError): Response {
  return c.json(errorBody(error), error.status);
}

/**
 * The app's error handler: an `ApiError` becomes its JSON body; anything else is logged and
 * answered with a generic 500 that leaks no detail.
 */
export function createErrorHandler(log: Log) {
  return function handleError(error: Error, c: Context): Response {
    if (error instanceof ApiError) return errorResponse(c, error);
    log('error', `${c.req.method} ${c.req.path} failed: ${error.stack ?? String(error)}`);
    return errorResponse(c, apiErrors.internal());
  };
}
