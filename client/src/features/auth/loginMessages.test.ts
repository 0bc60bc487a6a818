import { describe, expect, it } from 'vitest';
import { loginErrorMessage } from './loginMessages';

describe('loginErrorMessage', () => {
  it('says the same for any wrong credentials', () => {
    expect(
      loginErrorMessage({ status: 401, code: 'invalid_credentials', message: 'whatever' }),
    ).toBe('Incorrect username or password.');
  });

  it('tells a throttled person how long to wait when the server says', () => {
    expect(
      loginErrorMessage({
        status: 429,
        code: 'too_many_attempts',
        message: '',
        retryAfterSeconds: 600,
      }),
    ).toMatch(/wait 10 minutes/);
    expect(loginErrorMessage({ status: 429, code: 'too_many_attempts', message: '' })).toMatch(
      /few minutes/,
    );
  });

  it('explains an unreachable server', () => {
    expect(loginErrorMessage({ status: 0, code: 'network_error', message: '' })).toMatch(
      /Cannot reach/,
    );
  });
});
