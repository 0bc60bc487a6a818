import { type DelegationCode, PARTY_CODES } from '@accord/shared/domain/delegations';
import { POSITIONS, type Position } from '@accord/shared/domain/positions';
import { CLAUSE_STATUSES } from '@accord/shared/domain/status';
import { Trans, useLingui } from '@lingui/react/macro';
import { type ReactNode, useState } from 'react';
import { delegationName, positionLabel } from '../../i18n/domainWords';
import type { ClauseView } from '../../sync/clauseViews';
import { LockIcon } from '../locks/LockIcon';
import { PositionChip, StatusBadge } from './ClauseBadges';
import { type ConsensusFilter, consensusSummary, filterClauses, statusCount } from './consensus';
import { positionShort } from './positionDisplay';
import './ConsensusView.css';

/** The position of `delegation` a text change cleared on this clause, if any. */
function ownCleared(view: ClauseView, delegation: DelegationCode | null) {
  if (delegation === null) return null;
  return view.cleared.find((entry) => entry.delegation === delegation)?.position ?? null;
}

/**
 * The whole draft at a glance: clauses × delegations with each clause's status, how many are
 * agreed, and a filter to what still needs work. Live: it reads the same clause views as the
 * editor. Choosing a row shows that clause in the editor.
 */
export function ConsensusView({
  views,
  focusedId,
  onSelect,
  ownDelegation = null,
  actions,
}: {
  views: readonly ClauseView[];
  focusedId: string | null;
  onSelect: (clauseId: string) => void;
  /** The reader's delegation, when it states positions: its cleared ones get a badge. */
  ownDelegation?: DelegationCode | null;
  /** Moderators' commands over the whole draft (lock all agreed). */
  actions?: ReactNode;
}) {
  const { t } = useLingui();
  const [filter, setFilter] = useState<ConsensusFilter>('all');
  const summary = consensusSummary(views);
  const shown = filterClauses(views, filter);

  return (
    <section
      className="consensus"
      data-testid="consensus-view"
      aria-label={t({ message: 'Consensus', context: 'Tab' })}
    >
      <header className="consensus__head">
        <p className="consensus__headline" data-testid="consensus-count">
          {summary.headline}
        </p>
        <div className="consensus__bar" aria-hidden="true">
          {CLAUSE_STATUSES.map((status) =>
            summary.byStatus[status] > 0 ? (
              <span
                key={status}
                className={`consensus__bar-part consensus__bar-part--${status}`}
                style={{ flexGrow: summary.byStatus[status] }}
              />
            ) : null,
          )}
        </div>
        <ul className="consensus__breakdown">
          {CLAUSE_STATUSES.map((status) =>
            summary.byStatus[status] > 0 ? (
              <li key={status} className={`consensus__breakdown-item status-dot--${status}`}>
                {statusCount(status, summary.byStatus[status])}
              </li>
            ) : null,
          )}
        </ul>
        {actions}
      </header>

      <fieldset className="consensus__filter">
        <legend className="visually-hidden">{t`Show`}</legend>
        <FilterButton value="all" current={filter} onChange={setFilter}>
          <Trans>
            All <span className="consensus__filter-count">{summary.total}</span>
          </Trans>
        </FilterButton>
        <FilterButton value="needsWork" current={filter} onChange={setFilter}>
          <Trans>
            Needs work <span className="consensus__filter-count">{summary.needsWork}</span>
          </Trans>
        </FilterButton>
        <FilterButton value="contested" current={filter} onChange={setFilter}>
          <Trans>
            Objections and reservations{' '}
            <span className="consensus__filter-count">{summary.contested}</span>
          </Trans>
        </FilterButton>
      </fieldset>

      {shown.length === 0 ? (
        <p className="consensus__empty" data-testid="consensus-empty">
          {views.length === 0
            ? t`This draft has no clauses yet.`
            : filter === 'contested'
              ? t`No delegation objects to or reserves on any clause.`
              : t`Every clause is agreed.`}
        </p>
      ) : (
        <table className="consensus-table">
          <thead>
            <tr>
              <th scope="col" className="consensus-table__col">
                {t({ message: 'Clause', context: 'Column of the consensus table' })}
              </th>
              <th scope="col" className="consensus-table__col">
                {t({ message: 'Status', context: 'Column of the consensus table' })}
              </th>
              {PARTY_CODES.map((code) => (
                <th
                  key={code}
                  scope="col"
                  className="consensus-table__col consensus-table__col--party"
                >
                  <abbr title={delegationName(code)}>{code}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((view) => (
              <tr
                key={view.id}
                className={
                  view.id === focusedId ? 'consensus-row consensus-row--focused' : 'consensus-row'
                }
                data-testid="consensus-row"
                data-clause-id={view.id}
                data-status={view.status}
                onClick={() => onSelect(view.id)}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="consensus-row__label"
                    title={view.text}
                    aria-current={view.id === focusedId ? 'true' : undefined}
                    onClick={(event) => {
                      event.stopPropagation();
                      onSelect(view.id);
                    }}
                  >
                    {view.label}
                  </button>
                  <ClearedBadge position={ownCleared(view, ownDelegation)} />
                  {view.lock ? (
                    <span
                      className="consensus-row__lock"
                      data-testid="consensus-lock"
                      title={
                        view.lock.reason
                          ? t`Locked: ${view.lock.reason}`
                          : t({ message: 'Locked', context: 'Clause status' })
                      }
                    >
                      <LockIcon />
                    </span>
                  ) : null}
                </th>
                <td>
                  <StatusBadge status={view.status} positions={view.positions} short />
                </td>
                {PARTY_CODES.map((code) => (
                  <td key={code} className="consensus-table__cell">
                    <PositionChip
                      delegation={code}
                      position={view.positions[code]?.position ?? 'none'}
                      cleared={
                        view.cleared.find((entry) => entry.delegation === code)?.position ?? null
                      }
                      short
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <p className="consensus__legend">
        {POSITIONS.map((position) => (
          <span key={position} className="consensus__legend-item">
            <span className={`position-chip position-chip--short position-chip--${position}`}>
              {positionShort(position)}
            </span>{' '}
            {positionLabel(position)}
          </span>
        ))}
        <span className="consensus__legend-item">
          <span className="position-chip position-chip--short position-chip--cleared">
            <s>{positionShort('agree')}</s>
          </span>{' '}
          {t`Cleared by a text change`}
        </span>
      </p>
    </section>
  );
}

/** "Your Agree cleared": a position of the reader's delegation a text change cleared. */
function ClearedBadge({ position }: { position: Position | null }) {
  const { t } = useLingui();
  if (position === null) return null;
  const label = positionLabel(position);
  return (
    <span
      className="cleared-badge"
      data-testid="cleared-badge"
      title={t`Your delegation's position was cleared by a text change: state it again if it still stands.`}
    >
      {t`Your ${label} cleared`}
    </span>
  );
}

function FilterButton({
  value,
  current,
  onChange,
  children,
}: {
  value: ConsensusFilter;
  current: ConsensusFilter;
  onChange: (value: ConsensusFilter) => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="consensus__filter-button"
      data-testid="consensus-filter"
      data-filter={value}
      aria-pressed={current === value}
      onClick={() => onChange(value)}
    >
      {children}
    </button>
  );
}
