import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { API_ERROR_STATUS, ApiError, apiErrors, createErrorHandler } from './errors';

describe('API errors', () => {
  it('answer their stable code and status as ApiErrorBody', async () => {
    const app = new Hono();
    app.onError(createErrorHandler(() => {}));
    app.get('/limited', () => {
      throw apiErrors.tooManyAttempts();
    });
    const response = await app.request('/limited');
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      error: {
        code: 'too_many_attempts',
        message: 'Too many failed sign-ins. Please wait and try again later.',
      },
    });
  });

  it('answer in the language of Accept-Language, keeping the code; free text as written', async () => {
    const app = new Hono();
    app.onError(createErrorHandler(() => {}));
    app.get('/limited', () => {
      throw apiErrors.tooManyAttempts();
    });
    app.get('/large', () => {
      throw apiErrors.payloadTooLarge(1024);
    });
    app.get('/free', () => {
      throw apiErrors.badRequest('format must be csv or json.');
    });
    const ask = async (path: string, language: string) =>
      (await app.request(path, { headers: { 'accept-language': language } })).json();
    expect(await ask('/limited', 'es-MX,es;q=0.9')).toEqual({
      error: {
        code: 'too_many_attempts',
        message:
          'Demasiados intentos fallidos de inicio de sesión. Espere un momento y vuelva a intentarlo.',
      },
    });
    expect(await ask('/large', 'fr-CA')).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'Le corps de la requête dépasse 1024 octets.',
      },
    });
    expect(await ask('/free', 'fr')).toEqual({
      error: { code: 'bad_request', message: 'format must be csv or json.' },
    });
    expect(apiErrors.unauthorized().message).toBe('Please sign in.');
  });

  it('hide unexpected errors behind a generic 500 and report them', async () => {
    const reported: string[] = [];
    const app = new Hono();
    app.onError(createErrorHandler((_level, message) => reported.push(message)));
    app.get('/broken', () => {
      throw new Error('database file is locked at /secret/path');
    });
    const response = await app.request('/broken');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('/secret/path');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'Something went wrong on the server.' },
    });
    expect(reported.join('\n')).toContain('/secret/path');
  });

  it('map every code to one status', () => {
    expect(new ApiError('payload_too_large', 'x').status).toBe(413);
    expect(API_ERROR_STATUS.forbidden_origin).toBe(403);
  });
});
