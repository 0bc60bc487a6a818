import { LIMITS } from '@accord/shared/protocol/limits';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiErrors } from '../errors';

/** Refuses request bodies over the limit with 413 `payload_too_large`, before they are parsed. */
export function requestBodyLimit(maxBytes: number = LIMITS.maxRequestBodyBytes): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw apiErrors.payloadTooLarge(maxBytes);
    },
  });
}
