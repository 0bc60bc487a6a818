import { plural, t } from '@lingui/core/macro';
import type { ApiFailure } from '../../api/apiResult';

/**
 * What the sign-in form says about a failed attempt. Wrong username and wrong password read the
 * same, as the server answers them the same (no hint about which accounts exist).
 */
export function loginErrorMessage(failure: ApiFailure): string {
  switch (failure.code) {
    case 'invalid_credentials':
      return t`Incorrect username or password.`;
    case 'too_many_attempts': {
      if (failure.retryAfterSeconds === undefined) {
        return t`Too many failed sign-in attempts. Please wait a few minutes and try again.`;
      }
      const wait = describeWait(failure.retryAfterSeconds);
      return t`Too many failed sign-in attempts. Please wait ${wait} and try again.`;
    }
    case 'bad_request':
      return failure.message || t`Please enter your username and password.`;
    case 'network_error':
      return t`Cannot reach the Accord server. Check your connection and try again.`;
    case 'forbidden_origin':
      return t`This page is not allowed to sign in to Accord. Open Accord from its own address.`;
    default:
      return failure.message || t`Sign-in failed. Please try again.`;
  }
}

function describeWait(seconds: number): string {
  if (seconds < 60) return plural(seconds, { one: '# second', other: '# seconds' });
  const minutes = Math.ceil(seconds / 60);
  return plural(minutes, { one: '# minute', other: '# minutes' });
}
