import { unbalancedBrackets } from '@accord/shared/domain/bracketChars';
import type { ClauseBracket } from '@accord/shared/domain/clauseMeta';
import { DELEGATIONS, type DelegationCode, PARTY_CODES } from '@accord/shared/domain/delegations';
import { can } from '@accord/shared/policy/policy';
import type { DocumentResponse } from '@accord/shared/protocol/api';
import type * as Y from 'yjs';
import { DelegationChip } from '../../app/DelegationChip';
import { useTimeFormat } from '../../app/timeZone';
import type { ClauseView } from '../../sync/clauseViews';
import { LockControls } from '../locks/LockControls';
import { LockSummary } from '../locks/LockSummary';
import { AlternativesSection } from './AlternativesSection';
import { PositionChip, StatusBadge } from './ClauseBadges';
import { clearedMessages, type NameLookup } from './clearedNotice';
import { STATUS_HINTS } from './consensus';
import { PositionButtons } from './PositionButtons';
import './ClausePanel.css';

const KIND_LABELS = { preambular: 'Preambular paragraph', operative: 'Operative paragraph' };

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
  const time = useTimeFormat();
  if (view === null) {
    return (
      <div className="clause-panel clause-panel--empty" data-testid="clause-panel-empty">
        <p className="clause-panel__empty-title">No clause selected</p>
        <p className="clause-panel__empty-text">
          Click a paragraph of the draft, or choose a clause above, to see who proposed it, its
          status and every delegation’s position.
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
        <span className="clause-panel__kind">{KIND_LABELS[view.kind]}</span>
      </header>
      <p className="clause-panel__excerpt" title={view.text}>
        {view.text || <em>Empty paragraph</em>}
      </p>

      <dl className="clause-panel__facts">
        <dt>Proposed by</dt>
        <dd data-testid="clause-proposer">
          {view.proposer ? (
            <>
              <DelegationChip code={view.proposer.delegation} compact />{' '}
              {proposerName ?? DELEGATIONS[view.proposer.delegation].name}
            </>
          ) : (
            <span>Chair’s draft</span>
          )}
        </dd>
        <dt>Status</dt>
        <dd className="clause-panel__hint">{STATUS_HINTS[view.status]}</dd>
      </dl>

      {view.cleared.length > 0 ? (
        <div className="cleared-notice" data-testid="positions-cleared" role="status">
          <p className="cleared-notice__title">Positions cleared by a text change</p>
          <ul className="cleared-notice__list">
            {clearedMessages(view.cleared, nameOf).map((message) => (
              <li key={message.key}>
                {message.text}
                <span className="cleared-notice__time"> · {time.short(message.at, now)}</span>
              </li>
            ))}
          </ul>
          <p className="cleared-notice__hint">
            A position holds only for the text it was given on.
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
            ? 'Positions are frozen while the clause is locked.'
            : membership.role === 'delegate'
              ? 'Positions are stated by the five national delegations.'
              : 'Each delegation’s delegates state its position.'}
        </p>
      )}

      <h3 className="clause-panel__section">Positions</h3>
      <ul className="position-list" aria-label={`Positions on ${view.label}`}>
        {PARTY_CODES.map((code) => {
          const stated = view.positions[code];
          const cleared = view.cleared.find((entry) => entry.delegation === code);
          const who = stated ? nameOf(stated.userId) : null;
          return (
            <li key={code} className="position-list__row">
              <DelegationChip code={code} compact />
              <span className="position-list__name">{DELEGATIONS[code].name}</span>
              <PositionChip
                delegation={code}
                position={stated?.position ?? 'none'}
                cleared={cleared?.position ?? null}
                detail={
                  stated
                    ? `stated${who ? ` by ${who}` : ''} at ${time.short(stated.at, now)}`
                    : undefined
                }
              />
            </li>
          );
        })}
      </ul>

      {bracketCounts.length > 0 || unrecorded > 0 || unbalanced.unopened > 0 ? (
        <>
          <h3 className="clause-panel__section">Brackets</h3>
          <ul
            className="position-list"
            data-testid="clause-brackets"
            aria-label={`Brackets in ${view.label}`}
          >
            {bracketCounts.map(([code, count]) => (
              <li key={code} className="position-list__row">
                <DelegationChip code={code} compact />
                <span className="position-list__name">
                  {DELEGATIONS[code].name}: {count} {count === 1 ? 'bracket' : 'brackets'}
                </span>
              </li>
            ))}
            {unrecorded > 0 ? (
              <li
                className="position-list__row"
                data-testid="clause-brackets-unrecorded"
                title="These brackets were in the text the negotiation started from; no delegation is recorded as asking for them, so they carry no chip in the draft."
              >
                <span className="bracket-unrecorded-chip" aria-hidden="true">
                  [ ]
                </span>
                <span className="position-list__name position-list__name--wrap">
                  {unrecorded} {unrecorded === 1 ? 'bracket' : 'brackets'} from the seeded text, no
                  delegation recorded (no chip in the draft)
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
                  {unbalancedWords(unbalanced)}: the bracketed words cannot be told apart. A
                  delegation or the Chair should close or remove it.
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
        History of {view.label}
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
  if (unclosed > 0) parts.push(`${unclosed} '[' never closed`);
  if (unopened > 0) parts.push(`${unopened} ']' with no '['`);
  return `Unbalanced: ${parts.join(', ')}`;
}
