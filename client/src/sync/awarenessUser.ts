import { DELEGATIONS, isDelegationCode } from '@accord/shared/domain/delegations';
import { isRole } from '@accord/shared/domain/roles';
import type { AwarenessUser } from '@accord/shared/protocol/api';

/**
 * Reads the `user` field of an awareness state. Other clients' states arrive over the network:
 * the server stamps them, but the client still refuses anything malformed rather than render it.
 */
export function parseAwarenessUser(
  state: unknown,
): { ok: true; value: AwarenessUser } | { ok: false; error: string } {
  if (typeof state !== 'object' || state === null || !('user' in state)) {
    return { ok: false, error: 'no user in awareness state' };
  }
  const user = state.user;
  if (typeof user !== 'object' || user === null)
    return { ok: false, error: 'user is not an object' };
  const field = (name: string): unknown =>
    name in user ? (user as Record<string, unknown>)[name] : undefined;
  const userId = field('userId');
  const name = field('name');
  const delegation = field('delegation');
  const role = field('role');
  const color = field('color');
  if (typeof userId !== 'string' || userId === '') return { ok: false, error: 'bad userId' };
  if (typeof name !== 'string' || name === '') return { ok: false, error: 'bad name' };
  if (!isDelegationCode(delegation)) return { ok: false, error: 'bad delegation' };
  if (!isRole(role)) return { ok: false, error: 'bad role' };
  return {
    ok: true,
    value: {
      userId,
      name,
      delegation,
      role,
      color: typeof color === 'string' ? color : DELEGATIONS[delegation].colour,
      ...(field('away') === true ? { away: true } : {}),
    },
  };
}
