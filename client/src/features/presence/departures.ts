import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { PresenceGroup } from './presence';

/** Someone who was on the draft a moment ago and is not any more. */
export interface DepartedPerson {
  userId: string;
  name: string;
  delegation: DelegationCode;
  /** When this page saw them go (the server withdrew their presence). */
  leftAt: number;
}

/** People who left are shown as offline this long, then forgotten. */
export const OFFLINE_SHOWN_MS = 10 * 60_000;

function peopleOf(groups: readonly PresenceGroup[]) {
  return new Map(groups.flatMap((group) => group.people.map((person) => [person.userId, person])));
}

/**
 * Who left between two views of the draft's presence: anyone present before and absent now is
 * offline since `now`; anyone present now is no longer offline; departures older than
 * `OFFLINE_SHOWN_MS` are dropped. Only call it with views the server gave while this page was
 * connected: when the page itself goes offline, everyone vanishes, but nobody has left.
 */
export function noteDepartures(
  departed: ReadonlyMap<string, DepartedPerson>,
  before: readonly PresenceGroup[],
  after: readonly PresenceGroup[],
  now: number,
): Map<string, DepartedPerson> {
  const present = peopleOf(after);
  const next = new Map<string, DepartedPerson>();
  for (const [userId, person] of departed) {
    if (!present.has(userId) && now - person.leftAt < OFFLINE_SHOWN_MS) next.set(userId, person);
  }
  for (const [userId, person] of peopleOf(before)) {
    if (present.has(userId) || person.isSelf) continue;
    next.set(userId, {
      userId,
      name: person.name,
      delegation: person.delegation,
      leftAt: now,
    });
  }
  return next;
}
