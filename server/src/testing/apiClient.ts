import type { RunningServer } from '../server';

/** A JSON response of the API, for tests. */
export interface ApiReply {
  status: number;
  body: unknown;
}

/**
 * Calls the real server's JSON API as a browser on its own origin would: session cookie, Origin
 * header, JSON body. The body of the reply is parsed when there is one.
 */
export async function apiRequest(
  server: Pick<RunningServer, 'url'>,
  cookie: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiReply> {
  const headers: Record<string, string> = { origin: server.url };
  if (cookie !== null) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}
