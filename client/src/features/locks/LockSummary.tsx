import type { ClauseLock } from '@accord/shared/domain/clauseMeta';
import { Trans } from '@lingui/react/macro';
import { DelegationChip } from '../../app/DelegationChip';
import { useTimeFormat } from '../../app/timeZone';
import { delegationName } from '../../i18n/domainWords';
import type { NameLookup } from '../clauses/clearedNotice';
import { LockIcon } from './LockIcon';
import './locks.css';

/** Who locked a clause, when, and why: shown to everyone in the clause panel. */
export function LockSummary({ lock, nameOf }: { lock: ClauseLock; nameOf: NameLookup }) {
  const who = nameOf(lock.userId) ?? delegationName(lock.delegation);
  const time = useTimeFormat();
  return (
    <div className="lock-summary" data-testid="lock-summary" role="status">
      <p className="lock-summary__title">
        <LockIcon />{' '}
        <Trans>
          Locked by <DelegationChip code={lock.delegation} compact />{' '}
          <span data-testid="lock-who">{who}</span> ·{' '}
          <time dateTime={new Date(lock.at).toISOString()} title={time.full(lock.at)}>
            {time.short(lock.at)}
          </time>
        </Trans>
      </p>
      {lock.reason ? <p className="lock-summary__reason">“{lock.reason}”</p> : null}
      <p className="lock-summary__hint">
        <Trans>Nobody can change its text or positions until a moderator unlocks it.</Trans>
      </p>
    </div>
  );
}
