import { LIMITS } from '@accord/shared/protocol/limits';
import { z } from 'zod';

/**
 * `POST /api/login`. Only lengths are checked: a username or password that breaks the sign-up
 * rules simply does not match, and saying so would tell a guesser which rule it broke.
 */
export const loginRequestSchema = z.object({
  username: z.string().min(1, 'Enter a username.').max(LIMITS.usernameMax),
  password: z.string().min(1, 'Enter a password.').max(LIMITS.passwordMax),
});
