import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { DelegationChip } from '../../app/DelegationChip';
import { groupPresence, type PresenceGroup } from './presence';

/** Who is on this draft right now, grouped by delegation, live from the provider's awareness. */
export function PresenceBar({ awareness }: { awareness: Awareness }) {
  const [groups, setGroups] = useState<PresenceGroup[]>(() =>
    groupPresence(awareness.getStates(), awareness.clientID),
  );

  useEffect(() => {
    const update = () => setGroups(groupPresence(awareness.getStates(), awareness.clientID));
    update();
    // 'change' fires only when a state really changed, not on every 15-second renewal.
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);

  const count = groups.reduce((sum, group) => sum + group.people.length, 0);
  return (
    <section className="presence-bar" data-testid="presence-bar" aria-label="On this draft now">
      <span className="presence-bar__title">
        On this draft <span className="presence-bar__count">{count}</span>
      </span>
      <ul className="presence-bar__groups">
        {groups.map((group) => (
          <li
            key={group.delegation}
            className="presence-group"
            style={{ borderColor: group.colour }}
            aria-label={group.name}
          >
            <DelegationChip code={group.delegation} compact />
            <ul className="presence-group__people">
              {group.people.map((person) => (
                <li
                  key={person.userId}
                  className="presence-user"
                  data-testid="presence-user"
                  data-delegation={person.delegation}
                  title={
                    person.connections > 1
                      ? `${person.name} (${person.connections} windows)`
                      : person.name
                  }
                >
                  {person.name}
                  {person.isSelf ? <span className="presence-user__you"> (you)</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
