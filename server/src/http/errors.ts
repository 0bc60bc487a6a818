import { type Message, translate } from '@accord/shared/i18n/i18n';
import type { Locale } from '@accord/shared/i18n/locales';
import type { Log } from '@accord/shared/log';
import type { ApiErrorBody, ApiErrorCode } from '@accord/shared/protocol/api';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { UserRecord } from '../storage/storage';
import { requestLocale } from './locale/requestLocale';

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
  unavailable: 503,
} as const satisfies Record<ApiErrorCode, ContentfulStatusCode>;

/**
 * What an error says: a sentence in every language (issue 16: the requester reads it in theirs),
 * or free text that is not in the catalog yet (shown as written, in English).
 */
export type ErrorText = string | ((locale: Locale) => string);

/** An error text from a catalog message and its values. */
export function localized(message: Message, values?: Record<string, unknown>): ErrorText {
  return (locale) => translate(locale, message, values);
}

/** The words of the API's own errors; commands have theirs in `commandErrorTable`. */
const ERROR_MESSAGES = {
  invalidCredentials: /*i18n*/ {
    id: 'error.invalidCredentials',
    message: 'Wrong username or password.',
  },
  tooManyAttempts: /*i18n*/ {
    id: 'error.tooManyAttempts',
    message: 'Too many failed sign-ins. Please wait and try again later.',
  },
  unauthorized: /*i18n*/ { id: 'error.unauthorized', message: 'Please sign in.' },
  notAMember: /*i18n*/ {
    id: 'error.notAMember',
    message: 'You are not a member of this negotiation.',
  },
  forbiddenOrigin: /*i18n*/ {
    id: 'error.forbiddenOrigin',
    message: 'This request did not come from an allowed origin.',
  },
  notFound: /*i18n*/ { id: 'error.notFound', message: 'Not found.' },
  payloadTooLarge: /*i18n*/ {
    id: 'error.payloadTooLarge',
    message: 'The request body is larger than {maxBytes} bytes.',
  },
  internal: /*i18n*/ { id: 'error.internal', message: 'Something went wrong on the server.' },
  draftNotFound: /*i18n*/ { id: 'error.draftNotFound', message: 'This draft does not exist.' },
  negotiationNotFound: /*i18n*/ {
    id: 'error.negotiationNotFound',
    message: 'This negotiation does not exist.',
  },
  notJson: /*i18n*/ {
    id: 'error.notJson',
    message: 'Send the body as JSON (Content-Type: application/json).',
  },
  badJson: /*i18n*/ { id: 'error.badJson', message: 'The body is not valid JSON.' },
  draftUnavailable: /*i18n*/ {
    id: 'error.draftUnavailable',
    message: 'The server holding this draft is not answering; try again in a few seconds.',
  },
} as const satisfies Record<string, Message>;

/** The one error type of the HTTP API; the error handler turns it into an `ApiErrorBody`. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ApiErrorCode,
    private readonly text: ErrorText,
  ) {
    super(typeof text === 'string' ? text : text('en'));
    this.name = 'ApiError';
    this.status = API_ERROR_STATUS[code];
  }

  /** The message in a language (free text stays as written). `message` is the English one. */
  messageIn(locale: Locale): string {
    return typeof this.text === 'string' ? this.text : this.text(locale);
  }
}

/** Factories of the API's errors, with the messages people see. */
export const apiErrors = {
  badRequest: (message: ErrorText) => new ApiError('bad_request', message),
  invalidCredentials: () =>
    new ApiError('invalid_credentials', localized(ERROR_MESSAGES.invalidCredentials)),
  tooManyAttempts: () =>
    new ApiError('too_many_attempts', localized(ERROR_MESSAGES.tooManyAttempts)),
  unauthorized: () => new ApiError('unauthorized', localized(ERROR_MESSAGES.unauthorized)),
  forbidden: (message: ErrorText = localized(ERROR_MESSAGES.notAMember)) =>
    new ApiError('forbidden', message),
  forbiddenOrigin: () =>
    new ApiError('forbidden_origin', localized(ERROR_MESSAGES.forbiddenOrigin)),
  notFound: (message: ErrorText = localized(ERROR_MESSAGES.notFound)) =>
    new ApiError('not_found', message),
  /** The request is well-formed but the state of what it acts on does not allow it now. */
  conflict: (message: ErrorText) => new ApiError('conflict', message),
  payloadTooLarge: (maxBytes: number) =>
    new ApiError('payload_too_large', localized(ERROR_MESSAGES.payloadTooLarge, { maxBytes })),
  internal: () => new ApiError('internal', localized(ERROR_MESSAGES.internal)),
  draftNotFound: () => new ApiError('not_found', localized(ERROR_MESSAGES.draftNotFound)),
  negotiationNotFound: () =>
    new ApiError('not_found', localized(ERROR_MESSAGES.negotiationNotFound)),
  notJson: () => new ApiError('bad_request', localized(ERROR_MESSAGES.notJson)),
  badJson: () => new ApiError('bad_request', localized(ERROR_MESSAGES.badJson)),
  /** Another server owns the draft and could not be reached (it may be failing over). */
  draftUnavailable: () => new ApiError('unavailable', localized(ERROR_MESSAGES.draftUnavailable)),
} as const;

/** The JSON body of an error response, its message in the given language (English by default). */
export function errorBody(error: ApiError, locale: Locale = 'en'): ApiErrorBody {
  return { error: { code: error.code, message: error.messageIn(locale) } };
}

/**
 * The language an error is answered in: the signed-in person's choice when the session was
 * read before the error (`requireSession` sets `user`), else the request's `Accept-Language`.
 */
export function errorLocale(c: Context): Locale {
  const user = c.get('user') as Pick<UserRecord, 'locale'> | undefined;
  return requestLocale(c, user).locale;
}

/** Responds with an `ApiError` as JSON, in the requester's language. The code never changes. */
export function errorResponse(c: Context, error: ApiError): Response {
  return c.json(errorBody(error, errorLocale(c)), error.status);
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
