import type { MiddlewareHandler } from 'hono';
import { apiErrors, errorResponse } from '../http/errors';
import type { DraftRoute } from './Cluster';

/** Marks a request one server forwarded to another, so it is never forwarded twice. */
export const FORWARDED_HEADER = 'x-accord-forwarded-by';

/** Headers that belong to one hop, not to the request or the answer. */
const HOP_HEADERS = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
];

/** What forwarding needs of the cluster. */
export interface DraftRouter {
  readonly serverId: string;
  where(documentId: string): Promise<DraftRoute>;
}

/**
 * `/api/documents/:documentId/…` runs where the draft is owned (SPEC H5): its commands (positions,
 * locks, alternatives, revisions, threads), its reads and the threads' live stream all meet the
 * one authoritative copy. A server that does not own the draft forwards the request, cookie and
 * all, to the owner, which authenticates and authorizes it as usual, and streams the answer back.
 */
export function forwardDraftRequests(router: DraftRouter): MiddlewareHandler {
  return async (c, next) => {
    const documentId = c.req.param('documentId');
    if (documentId === undefined) return next();
    const route = await router.where(documentId);
    if (route.local) return next();
    if (c.req.header(FORWARDED_HEADER) !== undefined) {
      // The owner changed while the request travelled: the client tries again.
      return errorResponse(c, apiErrors.draftUnavailable());
    }
    try {
      return await forward(c.req.raw, route.httpUrl, router.serverId);
    } catch {
      return errorResponse(c, apiErrors.draftUnavailable());
    }
  };
}

async function forward(request: Request, ownerUrl: string, serverId: string): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  for (const name of HOP_HEADERS) headers.delete(name);
  headers.set(FORWARDED_HEADER, serverId);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const upstream = await fetch(new URL(`${url.pathname}${url.search}`, ownerUrl), {
    method: request.method,
    headers,
    ...(hasBody ? { body: await request.arrayBuffer() } : {}),
    redirect: 'manual',
    signal: request.signal,
  });
  const answer = new Headers(upstream.headers);
  // fetch has already decoded the body; its length and encoding are this hop's to set.
  for (const name of ['content-encoding', 'content-length', 'transfer-encoding', 'connection']) {
    answer.delete(name);
  }
  const body = upstream.body === null ? null : endQuietly(upstream.body);
  return new Response(body, { status: upstream.status, headers: answer });
}

/**
 * The owner's answer, passed on chunk by chunk (the threads' live stream never ends by itself).
 * When the client goes away the upstream read is aborted: that ends the answer, not an error.
 */
function endQuietly(upstream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch {
        controller.close();
      }
    },
    cancel(reason) {
      reader.cancel(reason).catch(() => {});
    },
  });
}
