/** What the connection indicator shows. */
export const CONNECTION_STATUSES = ['connected', 'connecting', 'reconnecting', 'offline'] as const;

/** One of the connection indicator's states. */
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** Everything the indicator is derived from. */
export interface ConnectionState {
  /** The provider's socket, as its 'status' events report it. */
  socket: 'connecting' | 'connected' | 'disconnected';
  /** Whether the provider has received the server's state on the current socket. */
  synced: boolean;
  /** The browser's own idea of the network (navigator.onLine and its events). */
  browserOnline: boolean;
  /** Whether any socket of this page has been connected and synced before. */
  hasBeenConnected: boolean;
  /** Set when the server ended the connection for good; the message says why. */
  stopped: string | null;
}

/** What changes the connection state. */
export type ConnectionEvent =
  | { type: 'socket'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'synced'; synced: boolean }
  | { type: 'browser'; online: boolean }
  | { type: 'stopped'; message: string }
  /** A fresh provider replaced the old one (after a refused change). */
  | { type: 'restarted' };

/** The state of a page that has just started connecting. */
export function initialConnectionState(browserOnline: boolean): ConnectionState {
  return {
    socket: 'connecting',
    synced: false,
    browserOnline,
    hasBeenConnected: false,
    stopped: null,
  };
}

/** Applies one event. */
export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'socket':
      return {
        ...state,
        socket: event.status,
        synced: event.status === 'connected' ? state.synced : false,
      };
    case 'synced':
      return {
        ...state,
        synced: event.synced,
        hasBeenConnected: state.hasBeenConnected || (event.synced && state.socket === 'connected'),
      };
    case 'browser':
      return { ...state, browserOnline: event.online };
    case 'stopped':
      return { ...state, stopped: event.message, socket: 'disconnected', synced: false };
    case 'restarted':
      return { ...state, socket: 'connecting', synced: false, stopped: null };
  }
}

/**
 * The indicator's state. "Connected" means the server's state has arrived on an open socket, so
 * that edits flow both ways; before that a first connection is "connecting", a later one
 * "reconnecting". No network, or a server that ended the session for good, is "offline".
 */
export function connectionStatus(state: ConnectionState): ConnectionStatus {
  if (state.stopped !== null || !state.browserOnline) return 'offline';
  if (state.socket === 'connected' && state.synced) return 'connected';
  return state.hasBeenConnected ? 'reconnecting' : 'connecting';
}
