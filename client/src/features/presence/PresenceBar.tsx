import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { DelegationChip } from '../../app/DelegationChip';
import { useTimeFormat } from '../../app/timeZone';
import { useVisibleInterval } from '../../app/useVisibleInterval';
import { delegationName } from '../../i18n/domainWords';
import { type DepartedPerson, noteDepartures } from './departures';
import { groupPresence, type PresenceGroup } from './presence';
import './PresenceBar.css';

/** How often departures older than `OFFLINE_SHOWN_MS` are cleared away. */
const PRUNE_EVERY_MS = 30_000;

/**
 * Who is on this draft right now, grouped by delegation, live from the provider's awareness:
 * each person here or away (every page of theirs in the background), and those who left in the
 * last minutes as offline. The server withdraws a person's presence as soon as their socket
 * closes or stops answering (within 10 s), so "offline" here is what the server knows. While
 * this page itself is not connected it knows nothing about the others, and says so.
 */
export function PresenceBar({ provider }: { provider: WebsocketProvider }) {
  const { t } = useLingui();
  const awareness = provider.awareness;
  const time = useTimeFormat();
  const read = () => groupPresence(awareness.getStates(), awareness.clientID);
  const [groups, setGroups] = useState<PresenceGroup[]>(read);
  const [departed, setDeparted] = useState<Map<string, DepartedPerson>>(() => new Map());
  const [live, setLive] = useState(provider.wsconnected);
  /** The people as the server last showed them while this page was connected. */
  const lastLive = useRef<PresenceGroup[]>(provider.wsconnected ? groups : []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` only reads `awareness`
  useEffect(() => {
    const update = () => {
      const now = read();
      setGroups(now);
      // The provider empties the others itself when its own socket closes: nobody left.
      if (!provider.wsconnected) {
        lastLive.current = [];
        setLive(false);
        return;
      }
      setLive(true);
      const before = lastLive.current;
      lastLive.current = now;
      setDeparted((current) => noteDepartures(current, before, now, Date.now()));
    };
    update();
    // 'change' fires only when a state really changed, not on every 15-second renewal.
    awareness.on('change', update);
    const onStatus = () => setLive(provider.wsconnected);
    provider.on('status', onStatus);
    return () => {
      awareness.off('change', update);
      provider.off('status', onStatus);
    };
  }, [awareness, provider]);

  useVisibleInterval(() => {
    setDeparted((current) => noteDepartures(current, [], [], Date.now()));
  }, PRUNE_EVERY_MS);

  const count = groups.reduce((sum, group) => sum + group.people.length, 0);
  const offline = [...departed.values()].sort((a, b) => b.leftAt - a.leftAt);
  return (
    <section
      className="presence-bar"
      data-testid="presence-bar"
      data-live={live ? 'true' : 'false'}
      aria-label={t`On this draft now`}
    >
      <span className="presence-bar__title">
        <Trans>
          On this draft <span className="presence-bar__count">{live ? count : '–'}</span>
        </Trans>
      </span>
      {live ? null : (
        <span className="presence-bar__unknown" data-testid="presence-unknown">
          {t`You are not connected: who else is here shows again once you are.`}
        </span>
      )}
      <ul className="presence-bar__groups">
        {groups.map((group) => (
          <li
            key={group.delegation}
            className="presence-group"
            style={{ borderColor: group.colour }}
            aria-label={delegationName(group.delegation)}
          >
            <DelegationChip code={group.delegation} compact />
            <ul className="presence-group__people">
              {group.people.map((person) => (
                <li
                  key={person.userId}
                  className={person.away ? 'presence-user presence-user--away' : 'presence-user'}
                  data-testid="presence-user"
                  data-delegation={person.delegation}
                  data-presence={person.away ? 'away' : 'here'}
                  title={[
                    person.name,
                    person.away ? t`away: connected, with the draft in the background` : null,
                    person.connections > 1
                      ? plural(person.connections, { one: '# window', other: '# windows' })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' — ')}
                >
                  {person.role === 'observer' ? (
                    <>
                      <DelegationChip code={person.delegation} memberRole="observer" compact />{' '}
                    </>
                  ) : null}
                  {person.name}
                  {person.isSelf ? <span className="presence-user__you"> {t`(you)`}</span> : null}
                  {person.away ? <span className="presence-user__state"> · {t`away`}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
        {live && offline.length > 0 ? (
          <li className="presence-group presence-group--offline" aria-label={t`Left recently`}>
            <ul className="presence-group__people">
              {offline.map((person) => (
                <li
                  key={person.userId}
                  className="presence-user presence-user--offline"
                  data-testid="presence-user"
                  data-delegation={person.delegation}
                  data-presence="offline"
                  title={t`${person.name}: offline since ${time.short(person.leftAt)}`}
                >
                  <DelegationChip code={person.delegation} compact /> {person.name}
                  <span className="presence-user__state">
                    {' '}
                    · {t({ message: 'offline', context: 'A person who left the draft' })}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
