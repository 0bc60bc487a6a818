import type { DelegationCode } from '@accord/shared/domain/delegations';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { useTimeFormat } from '../../app/timeZone';
import type { ClauseView } from '../../sync/clauseViews';
import type { NameLookup } from './clearedNotice';
import {
  newlyCleared,
  type OwnClearedPosition,
  ownClearedPositions,
  ownClearedText,
} from './ownClearedPositions';
import './ConsensusView.css';

/**
 * Tells a delegation, live and wherever it is in the draft, that someone's text change cleared
 * one of its positions: a notice fixed in the window (announced to screen readers) that names
 * the clause, the position and who changed the text, and takes the reader there. A notice
 * stays until dismissed, or until the position is stated again on the new text.
 */
export function ClearedPositionNotices({
  views,
  delegation,
  nameOf,
  onShow,
}: {
  views: readonly ClauseView[];
  delegation: DelegationCode;
  nameOf: NameLookup;
  /** Shows the clause in the editor and the clause panel. */
  onShow: (clauseId: string) => void;
}) {
  const { t } = useLingui();
  const time = useTimeFormat();
  const known = useRef<Set<string> | null>(null);
  const [notices, setNotices] = useState<OwnClearedPosition[]>([]);

  useEffect(() => {
    const now = ownClearedPositions(views, delegation);
    const fresh = newlyCleared(known.current, now);
    const holding = new Set(now.map((cleared) => cleared.key));
    known.current = new Set([...(known.current ?? []), ...holding]);
    setNotices((current) => {
      const kept = current.filter((notice) => holding.has(notice.key));
      if (fresh.length === 0 && kept.length === current.length) return current;
      return [...kept, ...fresh];
    });
  }, [views, delegation]);

  const dismiss = (key: string) =>
    setNotices((current) => current.filter((notice) => notice.key !== key));

  return (
    <section
      className="cleared-toasts"
      aria-label={t`Your positions cleared`}
      aria-live="polite"
      data-testid="cleared-notices"
    >
      {notices.map((notice) => (
        <div
          key={notice.key}
          className="cleared-toast"
          data-testid="cleared-toast"
          data-clause-id={notice.clauseId}
        >
          <p className="cleared-toast__text">
            {ownClearedText(notice, nameOf)}{' '}
            <span className="cleared-toast__time">{time.short(notice.entry.at)}</span>
          </p>
          <p className="cleared-toast__hint">
            {t`A position holds only for the text it was given on: state it again if it still stands.`}
          </p>
          <div className="cleared-toast__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="cleared-toast-show"
              onClick={() => {
                onShow(notice.clauseId);
                dismiss(notice.key);
              }}
            >
              {t`Go to ${notice.label}`}
            </button>
            <button
              type="button"
              className="button button--quiet"
              data-testid="cleared-toast-dismiss"
              onClick={() => dismiss(notice.key)}
            >
              {t`Dismiss`}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
