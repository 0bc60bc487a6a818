import { SYNC_PATH } from '@accord/shared/protocol/api';
import { type ServerKind, wireKind } from '../../servers/childProtocol';
import type { ErrorTally } from '../errorTally';
import type { BenchClient, ClientTarget } from './benchClient';
import { hocuspocusClient } from './hocuspocusClient';
import { relayClient } from './relayClient';
import { yWebsocketClient } from './yWebsocketClient';

/** Connects one client to a server of `kind`, with the client library that server speaks. */
export function connectClient(
  kind: ServerKind,
  target: ClientTarget,
  seed: Uint8Array,
  errors: ErrorTally,
): BenchClient {
  const ws = target.url.replace(/^http/, 'ws');
  switch (wireKind(kind)) {
    case 'accord':
      return yWebsocketClient(target, `${ws}${SYNC_PATH}`, errors);
    case 'y-websocket':
      return yWebsocketClient(target, ws, errors);
    case 'hocuspocus':
      return hocuspocusClient(target, errors);
    case 'relay':
      return relayClient(target, seed, errors);
  }
}
