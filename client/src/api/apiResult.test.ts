import { describe, expect, it } from 'vitest';
import { failureFromResponse, parseApiErrorBody, parseRetryAfter } from './apiResult';

describe('parseApiErrorBody', () => {
  it('reads a well-formed ApiErrorBody', () => {
    expect(parseApiErrorBody({ error: { code: 'invalid_credentials', message: 'Nope' } })).toEqual({
      ok: true,
      value: { code: 'invalid_credentials', message: 'Nope' },
    });
  });

  it('refuses unknown codes and non-objects', () => {
    expect(parseApiErrorBody({ error: { code: 'teapot', message: 'x' } }).ok).toBe(false);
    expect(parseApiErrorBody('oops').ok).toBe(false);
    expect(parseApiErrorBody(null).ok).toBe(false);
    expect(parseApiErrorBody({ error: 'flat' }).ok).toBe(false);
  });
});

describe('failureFromResponse', () => {
  it('keeps the server code and message', () => {
    const body = JSON.stringify({ error: { code: 'forbidden', message: 'Not a member.' } });
    expect(failureFromResponse(403, body, null)).toEqual({
      status: 403,
      code: 'forbidden',
      message: 'Not a member.',
    });
  });

  it('falls back to the status for bodies that are not ApiErrorBody', () => {
    const failure = failureFromResponse(502, '<html>Bad gateway</html>', null);
    expect(failure.code).toBe('unexpected_response');
    expect(failure.message).toMatch(/server/i);
  });

  it('carries Retry-After seconds for throttled sign-ins', () => {
    const body = JSON.stringify({ error: { code: 'too_many_attempts', message: 'Wait.' } });
    expect(failureFromResponse(429, body, '120').retryAfterSeconds).toBe(120);
  });
});

describe('parseRetryAfter', () => {
  it('accepts whole seconds only', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
