import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ErrorTally } from '../errorTally';
import type { BenchClient, ClientTarget } from './benchClient';
import { webSocketWithHeaders } from './headerWebSocket';

type PolyfillClass = NonNullable<
  NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>['WebSocketPolyfill']
>;

/**
 * The provider adds a process 'exit' listener per instance (to withdraw its presence); hundreds
 * of clients in one process are intended here, so raise the leak warning's threshold.
 */
const MAX_CLIENTS_PER_PROCESS = 1_000;

/**
 * A client on the stock y-websocket provider, as Accord's browser client uses it; `serverUrl`
 * is the WebSocket base URL the provider appends `/<room>` to.
 */
export function yWebsocketClient(
  target: ClientTarget,
  serverUrl: string,
  errors: ErrorTally,
): BenchClient {
  if (process.getMaxListeners() < MAX_CLIENTS_PER_PROCESS)
    process.setMaxListeners(MAX_CLIENTS_PER_PROCESS);
  const doc = new Y.Doc();
  if (target.clientId !== undefined) doc.clientID = target.clientId;
  let destroyed = false;
  const provider = new WebsocketProvider(serverUrl, target.room, doc, {
    disableBc: true,
    // The DOM WebSocket type the provider declares and `ws` differ only in typings.
    WebSocketPolyfill: webSocketWithHeaders(
      target.headers,
      target.onFrame,
    ) as unknown as PolyfillClass,
  });
  provider.on('connection-error', () => {
    if (!destroyed) errors.add('socket error');
  });
  provider.on('connection-close', (event) => {
    if (!destroyed) errors.add(`closed ${event?.code ?? 'without code'}`);
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  return {
    doc,
    synced,
    destroy: () => {
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
}
