import {
  DELEGATION_CODES,
  DELEGATIONS,
  type DelegationCode,
} from '@accord/shared/domain/delegations';
import type { AwarenessUser } from '@accord/shared/protocol/api';
import { parseAwarenessUser } from '../../sync/awarenessUser';

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
