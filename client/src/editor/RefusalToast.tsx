import { useLingui } from '@lingui/react/macro';
import { useEffect } from 'react';

/** How long a refusal stays on screen. */
export const REFUSAL_TOAST_MS = 6_000;

/** One refused edit: what to say, and when it was (last) refused. */
export interface Refusal {
  text: string;
  at: number;
}

/**
 * Says, where the eye is, why an edit was not made (another delegation's bracket, a locked
 * clause): a notice fixed in the window under the toolbar, however far down one is working,
 * announced to screen readers. It goes by itself after a few seconds; a new refusal replaces it
 * (the same one again only keeps it longer); leaving the draft takes it away.
 */
export function RefusalToast({
  refusal,
  onDismiss,
}: {
  refusal: Refusal | null;
  onDismiss: () => void;
}) {
  const { t } = useLingui();
  useEffect(() => {
    if (refusal === null) return;
    const timer = setTimeout(onDismiss, REFUSAL_TOAST_MS);
    return () => clearTimeout(timer);
  }, [refusal, onDismiss]);

  // The live region is always there, so that what appears in it is announced.
  return (
    <div className="refusal-toasts" role="status" aria-live="assertive" aria-atomic="true">
      {refusal ? (
        <div className="refusal-toast" data-testid="edit-blocked-notice" key={refusal.text}>
          <span className="refusal-toast__icon" aria-hidden="true" />
          <p className="refusal-toast__text">
            <span className="visually-hidden">{t`Not changed:`} </span>
            {refusal.text}
          </p>
          <button
            type="button"
            className="refusal-toast__close"
            aria-label={t`Dismiss this notice`}
            onClick={onDismiss}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
