import { t } from '@lingui/core/macro';
import { useLingui } from '@lingui/react';
import type { ConnectionStatus } from '../../sync/connectionState';
import '../presence/PresenceBar.css';

function label(status: ConnectionStatus): string {
  switch (status) {
    case 'connected':
      return t`Connected`;
    case 'connecting':
      return t`Connecting…`;
    case 'reconnecting':
      return t`Reconnecting…`;
    case 'offline':
      return t`Offline`;
  }
}

function explanation(status: ConnectionStatus): string {
  switch (status) {
    case 'connected':
      return t`Your changes are shared live.`;
    case 'connecting':
      return t`Opening the draft.`;
    case 'reconnecting':
      return t`Connection lost; your changes are kept and will be sent when it returns.`;
    case 'offline':
      return t`No connection; your changes are kept on this page.`;
  }
}

/** The connection light in the header; `detail` overrides the explanation (a terminal close). */
export function ConnectionIndicator({
  status,
  detail,
}: {
  status: ConnectionStatus;
  detail?: string | null;
}) {
  useLingui();
  return (
    <span
      className={`connection connection--${status}`}
      data-testid="connection-status"
      data-status={status}
      role="status"
      aria-live="polite"
      title={detail ?? explanation(status)}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{label(status)}</span>
    </span>
  );
}
