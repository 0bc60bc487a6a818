import WebSocket from 'ws';

/** How a WebSocket upgrade attempt ended: opened, or refused with an HTTP status. */
export type UpgradeOutcome = { opened: WebSocket } | { status: number };

/**
 * Tries a WebSocket upgrade with the given headers (Cookie, Origin) and reports whether it
 * opened or which HTTP status refused it (the `ws` client's 'unexpected-response' event).
 */
export function tryUpgrade(url: string, headers: Record<string, string>): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ opened: socket }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** The ws:// URL of a document's sync endpoint on a server. */
export function syncUrl(serverUrl: string, documentId: string): string {
  return `${serverUrl.replace(/^http/, 'ws')}/api/sync/${documentId}`;
}
