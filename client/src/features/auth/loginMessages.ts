import type { ApiFailure } from '../../api/apiResult';

/**
 * What the sign-in form says about a failed attempt. Wrong username and wrong password read the
 * same, as the server answers them the same (no hint about which accounts exist).
 */
export function loginErrorMessage(failure: ApiFailure): string {
  switch (failure.code) {
    case 'invalid_credentials':
      return 'Incorrect username or password.';
    case 'too_many_attempts':
      return failure.retryAfterSeconds !== undefined
        ? `Too many failed sign-in attempts. Please wait ${describeWait(failure.retryAfterSeconds)} and try again.`
        : 'Too many failed sign-in attempts. Please wait a few minutes and try again.';
    case 'bad_request':
      return failure.message || 'Please enter your username and password.';
    case 'network_error':
      return 'Cannot reach the Accord server. Check your connection and try again.';
    case 'forbidden_origin':
      return 'This page is not allowed to sign in to Accord. Open Accord from its own address.';
    default:
      return failure.message || 'Sign-in failed. Please try again.';
  }
}

function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
