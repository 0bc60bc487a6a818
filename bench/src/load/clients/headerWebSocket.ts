import WebSocket from 'ws';

/** A WebSocket class constructed as browsers construct theirs: a URL and optional protocols. */
export type WebSocketClass = new (
  address: string | URL,
  protocols?: string | string[],
) => WebSocket;

/**
 * A `ws` WebSocket class that sends fixed handshake headers (cookie, Origin), for providers
 * that take a WebSocket class and construct it with only a URL and protocols; `onFrame` is
 * called for every message it receives (the harness counts frames delivered to clients).
 */
export function webSocketWithHeaders(
  headers: Record<string, string>,
  onFrame: () => void = () => undefined,
): WebSocketClass {
  return class HeaderWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
      this.on('message', onFrame);
    }
  };
}
