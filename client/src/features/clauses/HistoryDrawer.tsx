import type { ClauseChangeView, ClauseHistoryResponse } from '@accord/shared/protocol/api';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import type { ApiFailure } from '../../api/apiResult';
import { fetchClauseHistory } from '../../api/endpoints';
import { DelegationChip } from '../../app/DelegationChip';
import { useTimeFormat } from '../../app/timeZone';
import {
  type ClauseVersion,
  changeKey,
  eventSummary,
  eventWordings,
  originalVersion,
  versionAfter,
} from './historyModel';
import { type DiffPart, diffWordCounts, wordDiffParts } from './wordDiff';
import './HistoryDrawer.css';

/** How long the clause text must rest before the open history is fetched again. */
const REFETCH_DELAY_MS = 700;

type HistoryState =
  | { status: 'loading' }
  | { status: 'ready'; history: ClauseHistoryResponse }
  | { status: 'error'; error: ApiFailure };

/**
 * A clause's history beside the draft: every recorded change (who, which delegation, when,
 * the words inserted and deleted) newest first, and the clause as it read after any of them.
 * It is fetched when opened and again when the clause's text changes while it is open. Key it
 * on the clause id: another clause is another drawer.
 */
export function HistoryDrawer({
  documentId,
  clauseId,
  clauseLabel,
  currentText,
  onClose,
}: {
  documentId: string;
  clauseId: string;
  /** The clause's number now, while the history loads. */
  clauseLabel: string;
  /** The clause's live text: a change to it means a new history entry. */
  currentText: string | null;
  onClose: () => void;
}) {
  const { t } = useLingui();
  const [state, setState] = useState<HistoryState>({ status: 'loading' });
  const [viewing, setViewing] = useState<ClauseVersion | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fetchedOnce = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: currentText is the refetch trigger
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        fetchedOnce.current = true;
        fetchClauseHistory(documentId, clauseId, controller.signal).then(
          (result) => {
            if (controller.signal.aborted) return;
            setState(
              result.ok
                ? { status: 'ready', history: result.value }
                : { status: 'error', error: result.error },
            );
          },
          () => {
            // aborted: a newer request owns the state
          },
        );
      },
      // The first fetch at once; later ones once the typing stops.
      fetchedOnce.current ? REFETCH_DELAY_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [documentId, clauseId, currentText]);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const removed = state.status === 'ready' && state.history.clause.removed;
  const label = state.status === 'ready' ? state.history.clause.label : clauseLabel;
  return (
    <aside
      className="history-drawer"
      data-testid="history-drawer"
      data-clause-id={clauseId}
      role="dialog"
      aria-labelledby="history-drawer-title"
    >
      <header className="history-drawer__head">
        <h2
          className="history-drawer__title"
          id="history-drawer-title"
          tabIndex={-1}
          ref={headingRef}
        >
          {removed ? t`History of a deleted clause` : t`History of ${label}`}
        </h2>
        <button
          type="button"
          className="button button--quiet"
          data-testid="history-close"
          onClick={onClose}
        >
          {t`Close`}
        </button>
      </header>
      <HistoryBody state={state} viewing={viewing} onView={setViewing} />
    </aside>
  );
}

/** The last non-empty text in a history, newest first: what a deleted clause last said. */
function lastWords(changes: readonly ClauseChangeView[]): string {
  for (const change of changes) {
    const text = change.textAfter || change.textBefore;
    if (text !== '') return text;
  }
  return '';
}

function HistoryBody({
  state,
  viewing,
  onView,
}: {
  state: HistoryState;
  viewing: ClauseVersion | null;
  onView: (version: ClauseVersion | null) => void;
}) {
  const { t } = useLingui();
  const time = useTimeFormat();
  if (state.status === 'loading') {
    return <p className="history-drawer__note">{t`Loading the history…`}</p>;
  }
  if (state.status === 'error') {
    return (
      <p className="history-drawer__note history-drawer__note--error" role="alert">
        {state.error.message}
      </p>
    );
  }
  const { clause, changes } = state.history;
  const original = originalVersion(changes);
  // A deleted clause shows the last words it had (it may have been emptied, then merged away).
  const currentText = clause.removed ? lastWords(changes) : clause.text;
  const now = Date.now();
  const zone = time.zone(now);
  return (
    <div className="history-drawer__body">
      <section
        className={viewing ? 'history-version history-version--past' : 'history-version'}
        data-testid="history-version"
        aria-live="polite"
      >
        <p className="history-version__caption">
          {viewing ? (
            <>
              {viewing.caption}
              {viewing.at !== null ? ` · ${time.short(viewing.at, now)}` : ''}
            </>
          ) : clause.removed ? (
            t`Deleted from the draft; its last text`
          ) : (
            t`Current text`
          )}
        </p>
        <blockquote className="history-version__text" data-testid="history-version-text">
          {(viewing ? viewing.text : currentText) || <em>{t`Empty paragraph`}</em>}
        </blockquote>
        {viewing ? (
          <button type="button" className="button" onClick={() => onView(null)}>
            {t`Back to the current text`}
          </button>
        ) : null}
      </section>

      {changes.length === 0 ? (
        <p className="history-drawer__note">
          {t`No change recorded: the clause reads as in the Chair’s draft.`}
        </p>
      ) : (
        <p className="history-drawer__note" data-testid="history-time-zone">
          {t`Times are ${zone}.`}
        </p>
      )}
      {changes.length === 0 ? null : (
        <ol className="history-list" aria-label={t`Changes, newest first`}>
          {changes.map((change) => (
            <HistoryEntry
              key={changeKey(change)}
              change={change}
              now={now}
              active={viewing?.key === changeKey(change)}
              onView={() => onView(versionAfter(change))}
            />
          ))}
          {original ? (
            <li className="history-origin">
              <span>{t`Before the first recorded change`}</span>
              <button
                type="button"
                className="button button--quiet"
                aria-pressed={viewing?.key === original.key}
                onClick={() => onView(original)}
              >
                {t({ message: 'View', context: 'Button: show the clause as it was then' })}
              </button>
            </li>
          ) : null}
        </ol>
      )}
    </div>
  );
}

function HistoryEntry({
  change,
  now,
  active,
  onView,
}: {
  change: ClauseChangeView;
  now: number;
  active: boolean;
  onView: () => void;
}) {
  const { t } = useLingui();
  const time = useTimeFormat();
  const parts = wordDiffParts(change.textBefore, change.textAfter);
  const counts = diffWordCounts(parts);
  const summary = eventSummary(change.event);
  const textChanged = change.textBefore !== change.textAfter;
  return (
    <li
      className={active ? 'history-entry history-entry--active' : 'history-entry'}
      data-testid="history-entry"
      data-delegation={change.delegation}
    >
      <div className="history-entry__head">
        <DelegationChip code={change.delegation} compact />
        <span className="history-entry__author">{change.displayName}</span>
        <time
          className="history-entry__time"
          dateTime={new Date(change.at).toISOString()}
          title={time.full(change.at)}
        >
          {time.short(change.at, now)}
        </time>
      </div>
      {summary ? (
        <p
          className="history-entry__event"
          data-testid="history-event"
          data-kind={change.event?.kind}
        >
          {summary}
        </p>
      ) : null}
      {eventWordings(change.event).map((wording) => (
        <blockquote key={wording.key} className="history-entry__wording">
          <span className="history-entry__wording-label">{wording.label}</span> {wording.text}
        </blockquote>
      ))}
      {textChanged ? (
        <p className="history-entry__diff" data-testid="history-diff">
          <DiffText parts={parts} />
        </p>
      ) : null}
      <div className="history-entry__foot">
        <span className="history-entry__counts">
          {textChanged ? (
            <>
              {counts.inserted > 0 ? (
                <span className="diff-count--ins">+{counts.inserted}</span>
              ) : null}
              {counts.deleted > 0 ? (
                <span className="diff-count--del">−{counts.deleted}</span>
              ) : null}
              {counts.inserted + counts.deleted === 0 ? t`punctuation` : ` ${t`words`}`}
            </>
          ) : (
            t`text unchanged`
          )}
        </span>
        <button
          type="button"
          className="button button--quiet history-entry__view"
          aria-pressed={active}
          onClick={onView}
        >
          {t`View clause after this change`}
        </button>
      </div>
    </li>
  );
}

function DiffText({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((part, index) => {
        const key = `${index}-${part.kind}`;
        if (part.kind === 'inserted') return <ins key={key}>{part.text}</ins>;
        if (part.kind === 'deleted') return <del key={key}>{part.text}</del>;
        if (part.kind === 'elided') {
          return (
            <span
              key={key}
              className="diff-elided"
              title={plural(part.words, { one: '# unchanged word', other: '# unchanged words' })}
            >
              {' … '}
            </span>
          );
        }
        return <span key={key}>{part.text}</span>;
      })}
    </>
  );
}
