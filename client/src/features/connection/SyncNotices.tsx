import { useLingui } from '@lingui/react/macro';
import type { RefusalNotice } from '../../sync/useSyncSession';

/**
 * Banners about the sync channel: a refused change (the draft was reloaded from the server's
 * copy, so the last edit is gone — say so plainly) and a connection the server ended for good.
 */
export function SyncNotices({
  refusal,
  onDismissRefusal,
  stoppedMessage,
}: {
  refusal: RefusalNotice | null;
  onDismissRefusal: () => void;
  stoppedMessage: string | null;
}) {
  const { t } = useLingui();
  if (!refusal && !stoppedMessage) return null;
  return (
    <div className="sync-notices">
      {refusal ? (
        <div className="notice notice--warning" role="alert" data-testid="sync-notice">
          <p className="notice__text">
            <strong>{t`Your last change was not saved.`}</strong> {refusal.message}{' '}
            {t`The draft has been reloaded from the server; please check it and make the change again if it is still needed.`}
          </p>
          <button type="button" className="button button--quiet" onClick={onDismissRefusal}>
            {t`Dismiss`}
          </button>
        </div>
      ) : null}
      {stoppedMessage ? (
        <div className="notice notice--error" role="alert" data-testid="connection-notice">
          <p className="notice__text">
            <strong>{t`Disconnected.`}</strong> {stoppedMessage}
          </p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => window.location.reload()}
          >
            {t`Reload`}
          </button>
        </div>
      ) : null}
    </div>
  );
}
