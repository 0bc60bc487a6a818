import { t } from '@lingui/core/macro';
import { type ApiFailure, type ApiResult, failureFromResponse } from './apiResult';

/** Options of one API call. */
export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the Accord HTTP API on the page's own origin (cookies included) and returns the parsed
 * JSON body, or an ApiFailure built from the server's `ApiErrorBody`. Never throws, except when
 * the caller aborts.
 */
export async function apiRequest<T>(
  path: string,
  options: ApiRequestOptions = {},
): Promise<ApiResult<T>> {
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return {
      ok: false,
      error: { status: 0, code: 'network_error', message: t`Cannot reach the Accord server.` },
    };
  }
  const text = await readText(response);
  if (!response.ok) {
    return {
      ok: false,
      error: failureFromResponse(response.status, text, response.headers.get('Retry-After')),
    };
  }
  if (response.status === 204 || text === '') return { ok: true, value: undefined as T };
  try {
    return { ok: true, value: JSON.parse(text) as T };
  } catch {
    const error: ApiFailure = {
      status: response.status,
      code: 'unexpected_response',
      message: t`The server sent a response the client cannot read.`,
    };
    return { ok: false, error };
  }
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}
