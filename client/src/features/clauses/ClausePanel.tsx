import { unbalancedBrackets } from '@accord/shared/domain/bracketChars';
import type { ClauseBracket } from '@accord/shared/domain/clauseMeta';
import { type DelegationCode, PARTY_CODES } from '@accord/shared/domain/delegations';
import { can } from '@accord/shared/policy/policy';
import type { DocumentResponse } from '@accord/shared/protocol/api';
import { plural, t as translate } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import type * as Y from 'yjs';
import { DelegationChip } from '../../app/DelegationChip';
import { useTimeFormat } from '../../app/timeZone';
import { clauseKindLabel, delegationName } from '../../i18n/domainWords';
import type { ClauseView } from '../../sync/clauseViews';
import { LockControls } from '../locks/LockControls';
import { LockSummary } from '../locks/LockSummary';
import { AlternativesSection } from './AlternativesSection';
import { PositionChip, StatusBadge } from './ClauseBadges';
import { clearedMessages, type NameLookup } from './clearedNotice';
import { statusHint } from './consensus';
import { PositionButtons } from './PositionButtons';
import './ClausePanel.css';

/** "2 brackets" */
function bracketCount(count: number): string {
  return plural(count, { one: '# bracket', other: '# brackets' });
}

/**
 * Everything about one clause: number, proposer, status, the five delegations' positions,
 * positions a text change cleared (and who changed it), the reader's own position buttons when
 * the policy lets them state one, and the way into its history.
 */
export function ClausePanel({
  view,
  documentId,
  doc,
  membership,
  nameOf,
  onOpenHistory,
}: {
  view: ClauseView | null;
  documentId: string;
  /** The draft the view was read from. */
  doc: Y.Doc;
  membership: DocumentResponse['membership'];
  nameOf: NameLookup;
  onOpenHistory: (clauseId: string) => void;
}) {
  const { t } = useLingui();
  const time = useTimeFormat();
  if (view === null) {
    return (
      <div className="clause-panel clause-panel--empty" data-testid="clause-panel-empty">
        <p className="clause-panel__empty-title">{t`No clause selected`}</p>
        <p className="clause-panel__empty-text">
          {t`Click a paragraph of the draft, or choose a clause above, to see who proposed it, its status and every delegation’s position.`}
        </p>
      </div>
    );
  }
  const now = Date.now();
  const ownDelegation = membership.delegation;
  const mayState = can(membership, 'statePosition', { delegation: ownDelegation });
  const proposerName = view.proposer ? nameOf(view.proposer.userId) : null;
  const bracketCounts = countByDelegation(Object.values(view.brackets));
  // Brackets of the Chair's first draft (the seeded text) were asked for by nobody on record.
  const unbalanced = unbalancedBrackets(view.text);
  const unbalancedText = unbalancedWords(unbalanced);
  const unrecorded = Math.max(
    0,
    (view.text.match(/\[/g) ?? []).length - Object.keys(view.brackets).length,
  );

  return (
    <section
      className="clause-panel"
      data-testid="clause-panel"
      data-clause-id={view.id}
      aria-labelledby="clause-panel-title"
    >
      <header className="clause-panel__head">
        <h2 className="clause-panel__label" id="clause-panel-title">
          {view.label}
        </h2>
        <StatusBadge status={view.status} positions={view.positions} />
        <span className="clause-panel__kind">{clauseKindLabel(view.kind)}</span>
      </header>
      <p className="clause-panel__excerpt" title={view.text}>
        {view.text || <em>{t`Empty paragraph`}</em>}
      </p>

      <dl className="clause-panel__facts">
        <dt>{t`Proposed by`}</dt>
        <dd data-testid="clause-proposer">
          {view.proposer ? (
            <>
              <DelegationChip code={view.proposer.delegation} compact />{' '}
              {proposerName ?? delegationName(view.proposer.delegation)}
            </>
          ) : (
            <span>{t`Chair’s draft`}</span>
          )}
        </dd>
        <dt>{t({ message: 'Status', context: 'Column of the consensus table' })}</dt>
        <dd className="clause-panel__hint">{statusHint(view.status)}</dd>
      </dl>

      {view.cleared.length > 0 ? (
        <div className="cleared-notice" data-testid="positions-cleared" role="status">
          <p className="cleared-notice__title">{t`Positions cleared by a text change`}</p>
          <ul className="cleared-notice__list">
            {clearedMessages(view.cleared, nameOf).map((message) => (
              <li key={message.key}>
                {message.text}
                <span className="cleared-notice__time"> · {time.short(message.at, now)}</span>
              </li>
            ))}
          </ul>
          <p className="cleared-notice__hint">
            <Trans>A position holds only for the text it was given on.</Trans>
          </p>
        </div>
      ) : null}

      {view.lock ? <LockSummary lock={view.lock} nameOf={nameOf} /> : null}
      {can(membership, 'lockClause') ? (
        <LockControls
          key={view.lock === null ? 'open' : 'locked'}
          view={view}
          documentId={documentId}
        />
      ) : null}

      {mayState && !view.lock ? (
        <PositionButtons
          documentId={documentId}
          clauseId={view.id}
          clauseLabel={view.label}
          delegation={ownDelegation}
          current={view.positions[ownDelegation]?.position ?? null}
        />
      ) : (
        <p className="clause-panel__note">
          {view.lock
            ? t`Positions are frozen while the clause is locked.`
            : membership.role === 'delegate'
              ? t`Positions are stated by the five national delegations.`
              : t`Each delegation’s delegates state its position.`}
        </p>
      )}

      <h3 className="clause-panel__section">{t`Positions`}</h3>
      <ul className="position-list" aria-label={t`Positions on ${view.label}`}>
        {PARTY_CODES.map((code) => {
          const stated = view.positions[code];
          const cleared = view.cleared.find((entry) => entry.delegation === code);
          const who = stated ? nameOf(stated.userId) : null;
          return (
            <li key={code} className="position-list__row">
              <DelegationChip code={code} compact />
              <span className="position-list__name">{delegationName(code)}</span>
              <PositionChip
                delegation={code}
                position={stated?.position ?? 'none'}
                cleared={cleared?.position ?? null}
                detail={stated ? statedDetail(who, time.short(stated.at, now)) : undefined}
              />
            </li>
          );
        })}
      </ul>

      {bracketCounts.length > 0 || unrecorded > 0 || unbalanced.unopened > 0 ? (
        <>
          <h3 className="clause-panel__section">{t`Brackets`}</h3>
          <ul
            className="position-list"
            data-testid="clause-brackets"
            aria-label={t`Brackets in ${view.label}`}
          >
            {bracketCounts.map(([code, count]) => (
              <li key={code} className="position-list__row">
                <DelegationChip code={code} compact />
                <span className="position-list__name">
                  {delegationName(code)}: {bracketCount(count)}
                </span>
              </li>
            ))}
            {unrecorded > 0 ? (
              <li
                className="position-list__row"
                data-testid="clause-brackets-unrecorded"
                title={t`These brackets were in the text the negotiation started from; no delegation is recorded as asking for them, so they carry no chip in the draft.`}
              >
                <span className="bracket-unrecorded-chip" aria-hidden="true">
                  [ ]
                </span>
                <span className="position-list__name position-list__name--wrap">
                  {plural(unrecorded, {
                    one: '# bracket from the seeded text, no delegation recorded (no chip in the draft)',
                    other:
                      '# brackets from the seeded text, no delegation recorded (no chip in the draft)',
                  })}
                </span>
              </li>
            ) : null}
            {unbalanced.unclosed + unbalanced.unopened > 0 ? (
              <li
                className="position-list__row position-list__row--warning"
                data-testid="clause-brackets-unbalanced"
                role="status"
              >
                <span className="bracket-unrecorded-chip" aria-hidden="true">
                  !
                </span>
                <span className="position-list__name position-list__name--wrap">
                  {t`${unbalancedText}: the bracketed words cannot be told apart. A delegation or the Chair should close or remove it.`}
                </span>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}

      <AlternativesSection
        documentId={documentId}
        view={view}
        doc={doc}
        membership={membership}
        nameOf={nameOf}
      />

      <button
        type="button"
        className="button clause-panel__history"
        data-testid="history-button"
        onClick={() => onOpenHistory(view.id)}
      >
        {t`History of ${view.label}`}
      </button>
    </section>
  );
}

/** How many brackets each delegation asked for, in the order they first appear. */
function countByDelegation(brackets: readonly ClauseBracket[]): [DelegationCode, number][] {
  const counts = new Map<DelegationCode, number>();
  for (const { delegation } of brackets) counts.set(delegation, (counts.get(delegation) ?? 0) + 1);
  return [...counts];
}

function unbalancedWords({ unclosed, unopened }: { unclosed: number; unopened: number }): string {
  const parts: string[] = [];
  if (unclosed > 0)
    parts.push(plural(unclosed, { one: "# '[' never closed", other: "# '[' never closed" }));
  if (unopened > 0)
    parts.push(plural(unopened, { one: "# ']' with no '['", other: "# ']' with no '['" }));
  const list = parts.join(', ');
  return translate`Unbalanced: ${list}`;
}

/** "stated by Elena Marsh at 2:05 PM EST", for a position chip's tooltip. */
function statedDetail(who: string | null, at: string): string {
  return who ? translate`stated by ${who} at ${at}` : translate`stated at ${at}`;
}
