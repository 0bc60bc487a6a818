import type { SessionRecord, UserRecord, UserStore } from '../storage/storage';
import type { LoginThrottle } from './loginThrottle';
import { verifyAgainstDummy, verifyPassword } from './password';
import type { SessionManager } from './sessions';

/** Why a sign-in failed; both map to generic messages that reveal nothing about the account. */
export type SignInFailure = 'invalid_credentials' | 'too_many_attempts';

/** The outcome of a sign-in. */
export type SignInResult =
  | { ok: true; value: { user: UserRecord; session: SessionRecord; token: string } }
  | { ok: false; error: SignInFailure };

/** What a sign-in needs. */
export interface SignInDeps {
  users: UserStore;
  sessions: SessionManager;
  throttle: LoginThrottle;
}

/**
 * Checks a username and password and opens a session. Unknown users, wrong passwords and
 * disabled users fail alike, after the same argon2 work. The attempt takes its throttle slot
 * before the password is checked, so a burst of concurrent guesses gets no more checks than
 * guesses sent one by one.
 */
export async function signIn(
  deps: SignInDeps,
  credentials: { username: string; password: string },
  address: string,
): Promise<SignInResult> {
  const { username, password } = credentials;
  const attempt = deps.throttle.begin(username, address);
  if (attempt === undefined) return { ok: false, error: 'too_many_attempts' };
  let valid = false;
  let user: UserRecord | undefined;
  try {
    // Inside the try: a lookup that failed counts as a failed attempt too.
    user = await deps.users.byUsername(username);
    valid =
      user === undefined
        ? await verifyAgainstDummy(password)
        : await verifyPassword(user.passwordHash, password);
  } finally {
    // A check that threw counts as a failure: it must not give the slot back.
    if (user === undefined || !valid || user.disabled) attempt.failed();
  }
  if (user === undefined || !valid || user.disabled) {
    return { ok: false, error: 'invalid_credentials' };
  }
  attempt.succeeded();
  const { token, session } = await deps.sessions.create(user.id);
  return { ok: true, value: { user, session, token } };
}
