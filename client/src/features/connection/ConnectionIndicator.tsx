import type { ConnectionStatus } from '../../sync/connectionState';
import '../presence/PresenceBar.css';

const LABELS: Record<ConnectionStatus, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const EXPLANATIONS: Record<ConnectionStatus, string> = {
  connected: 'Your changes are shared live.',
  connecting: 'Opening the draft.',
  reconnecting: 'Connection lost; your changes are kept and will be sent when it returns.',
  offline: 'No connection; your changes are kept on this page.',
};

/** The connection light in the header; `detail` overrides the explanation (a terminal close). */
export function ConnectionIndicator({
  status,
  detail,
}: {
  status: ConnectionStatus;
  detail?: string | null;
}) {
  return (
    <span
      className={`connection connection--${status}`}
      data-testid="connection-status"
      data-status={status}
      role="status"
      aria-live="polite"
      title={detail ?? EXPLANATIONS[status]}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{LABELS[status]}</span>
    </span>
  );
}
