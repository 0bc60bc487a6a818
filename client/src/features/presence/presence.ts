import {
  DELEGATION_CODES,
  DELEGATIONS,
  type DelegationCode,
  isDelegationCode,
} from '@accord/shared/domain/delegations';
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

/** One person present on the draft, however many tabs or devices they use. */
export interface PresentPerson {
  userId: string;
  name: string;
  delegation: DelegationCode;
  role: AwarenessUser['role'];
  /** Whether this is the person using this browser. */
  isSelf: boolean;
  /** How many connections (tabs, devices) they have open on this draft. */
  connections: number;
  /** Whether every one of their pages is in the background (connected, but not looking). */
  away: boolean;
}

/** The people of one delegation present on the draft. */
export interface PresenceGroup {
  delegation: DelegationCode;
  name: string;
  colour: string;
  people: PresentPerson[];
}

/**
 * Who is on the draft, from the provider's awareness states: one entry per user (several tabs
 * count once), grouped by delegation in the canonical order, yourself first in your group.
 */
export function groupPresence(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
): PresenceGroup[] {
  const selfUserId = (() => {
    const own = parseAwarenessUser(states.get(selfClientId));
    return own.ok ? own.value.userId : null;
  })();
  const people = new Map<string, PresentPerson>();
  for (const [clientId, state] of states) {
    const parsed = parseAwarenessUser(state);
    if (!parsed.ok) continue;
    const user = parsed.value;
    const existing = people.get(user.userId);
    if (existing) {
      existing.connections += 1;
      existing.isSelf ||= clientId === selfClientId;
      existing.away &&= user.away === true;
      continue;
    }
    people.set(user.userId, {
      userId: user.userId,
      name: user.name,
      delegation: user.delegation,
      role: user.role,
      isSelf: clientId === selfClientId || user.userId === selfUserId,
      connections: 1,
      away: user.away === true,
    });
  }
  return DELEGATION_CODES.flatMap((code) => {
    const members = [...people.values()]
      .filter((person) => person.delegation === code)
      .sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
    if (members.length === 0) return [];
    const delegation = DELEGATIONS[code];
    return [
      { delegation: code, name: delegation.name, colour: delegation.colour, people: members },
    ];
  });
}
