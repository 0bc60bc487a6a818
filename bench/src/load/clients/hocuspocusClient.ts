import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { ErrorTally } from '../errorTally';
import type { BenchClient, ClientTarget } from './benchClient';
import { webSocketWithHeaders } from './headerWebSocket';

/**
 * A client on `@hocuspocus/provider` (Hocuspocus frames every message with the document name,
 * so the stock y-websocket provider cannot talk to it). Each client owns its socket.
 */
export function hocuspocusClient(target: ClientTarget, errors: ErrorTally): BenchClient {
  const doc = new Y.Doc();
  if (target.clientId !== undefined) doc.clientID = target.clientId;
  let destroyed = false;
  let markSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => {
    markSynced = resolve;
  });
  const socket = new HocuspocusProviderWebsocket({
    url: target.url.replace(/^http/, 'ws'),
    WebSocketPolyfill: webSocketWithHeaders({}, target.onFrame),
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: target.room,
    document: doc,
    onSynced: ({ state }) => {
      if (state) markSynced();
    },
    onClose: ({ event }) => {
      if (!destroyed) errors.add(`closed ${event.code}`);
    },
    onAuthenticationFailed: () => errors.add('authentication failed'),
  });
  provider.attach();
  return {
    doc,
    synced,
    destroy: () => {
      destroyed = true;
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
