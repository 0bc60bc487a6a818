import { useLingui } from '@lingui/react/macro';
import type { ConnectionStatus } from '../../sync/connectionState';
import '../presence/PresenceBar.css';

/**
 * One's own lost connection, said plainly across the page: what happened, that nothing typed is
 * lost, and what to avoid. Shown while reconnecting or offline; not for a first connection (the
 * draft is still loading) nor for a connection the server ended for good (its own notice).
 */
export function ConnectionBanner({
  status,
  stopped,
}: {
  status: ConnectionStatus;
  stopped: boolean;
}) {
  const { t } = useLingui();
  if (stopped || (status !== 'reconnecting' && status !== 'offline')) return null;
  const offline = status === 'offline';
  return (
    <div
      className={`connection-banner connection-banner--${status}`}
      data-testid="connection-banner"
      data-status={status}
      role="status"
    >
      <p className="connection-banner__text">
        <strong>{offline ? t`You are offline.` : t`Reconnecting to the server…`}</strong>{' '}
        {t`Your edits are kept in this window and will be sent as soon as the connection is back; until then the others do not see them. Keep this window open.`}
      </p>
    </div>
  );
}
