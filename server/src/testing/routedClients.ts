import { SYNC_PATH } from '@accord/shared/protocol/api';
import { TERMINAL_CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../seed/demo';
import { clauseText } from './testClient';
import { signIn } from './testServer';
import { onCleanup, sessionWebSocket, until } from './wsTestClients';

/**
 * Stock y-websocket clients of a cluster, as behind a load balancer: each is given a server URL
 * and a draft id, and can be re-pointed to another server (its provider replaced by a new one on
 * the SAME Y.Doc, which then resyncs what it typed meanwhile). Every update a client receives
 * from any server is recorded, so a test can check it against the committed log (S5).
 */
export interface RoutedClient {
  username: string;
  doc: Y.Doc;
  /** The provider of the server the client uses now. */
  provider: WebsocketProvider;
  /** The server it uses now. */
  url: string;
  /** Every update a server sent it (applied with a provider of this client as origin). */
  received: Uint8Array[];
  /** Close codes its providers saw. */
  closes: number[];
  /** Replaces the provider by one on `url` (the old server died, or the balancer moved it). */
  point(url: string): void;
  /** Closes the provider (the client stays, with everything it typed). */
  disconnect(): void;
}

/** Signs in on `url` and connects a provider to the draft; resolves once it has synced. */
export async function openRoutedClient(
  url: string,
  documentId: string,
  username: string,
): Promise<RoutedClient> {
  // Sessions live in PostgreSQL: the cookie is good on every server of the cluster.
  const cookie = await signIn({ url }, username, DEMO_PASSWORD);
  const doc = new Y.Doc();
  const providers = new Set<WebsocketProvider>();
  const received: Uint8Array[] = [];
  const closes: number[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (providers.has(origin as WebsocketProvider)) received.push(update);
  });
  const connect = (target: string): WebsocketProvider => {
    const provider = new WebsocketProvider(
      `${target.replace(/^http/, 'ws')}${SYNC_PATH}`,
      documentId,
      doc,
      {
        disableBc: true,
        // As Accord's client: only the codes that need the person to act stop it. y-websocket's
        // default gives up on all of 4400-4499, missingDependencies (4409) included, which a
        // client that types while it reconnects gets (see failover.integration.test.ts).
        shouldReconnect: (event) =>
          !(TERMINAL_CLOSE_CODES as readonly number[]).includes(event.code),
        // A client reconnects fast (the fail-over tests measure the server side, not backoff).
        maxBackoffTime: 500,
        WebSocketPolyfill: sessionWebSocket(
          cookie,
          target,
        ) as unknown as typeof globalThis.WebSocket,
      },
    );
    provider.on('connection-close', (event) => {
      if (event !== null) closes.push(event.code);
    });
    providers.add(provider);
    return provider;
  };
  const client: RoutedClient = {
    username,
    doc,
    provider: connect(url),
    url,
    received,
    closes,
    point(target) {
      client.provider.destroy();
      client.url = target;
      client.provider = connect(target);
    },
    disconnect() {
      client.provider.destroy();
    },
  };
  onCleanup(() => {
    client.provider.destroy();
    doc.destroy();
  });
  await until(() => client.provider.synced, `${username} synced`, 15_000);
  return client;
}

/** Types a few characters into one clause every `everyMs`, counting every character. */
export function startTyping(
  client: RoutedClient,
  clauseId: string,
  tag: string,
  everyMs = 20,
): { readonly typed: number; stop(): void } {
  let typed = 0;
  let n = 0;
  const timer = setInterval(() => {
    const text = clauseText(client.doc, clauseId);
    const word = `${tag}${n++} `;
    text.insert(Math.floor(Math.random() * (text.length + 1)), word);
    typed += word.length;
  }, everyMs);
  const typist = {
    get typed() {
      return typed;
    },
    stop: () => clearInterval(timer),
  };
  onCleanup(typist.stop);
  return typist;
}

/** Whether every client's state vector is the same. */
export function sameState(clients: readonly RoutedClient[]): boolean {
  const vectors = clients.map((client) => Y.encodeStateVector(client.doc).toString());
  return vectors.every((vector) => vector === vectors[0]);
}

/** A draft's whole update log applied to a fresh doc. */
export function docOfLog(log: readonly { update: Uint8Array }[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const { update } of log) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * The updates (of any client) that applying to a copy of `stored` would change: each should be
 * in the log already, so the list is empty when no client was ever sent anything uncommitted.
 */
export function missingFromLog(stored: Y.Doc, clients: readonly RoutedClient[]): string[] {
  const before = Buffer.from(Y.encodeStateAsUpdate(stored));
  const changes = (updates: readonly Uint8Array[]): boolean => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, before);
    Y.transact(copy, () => {
      for (const update of updates) Y.applyUpdate(copy, update);
    });
    const after = Buffer.from(Y.encodeStateAsUpdate(copy));
    copy.destroy();
    return Buffer.compare(after, before) !== 0;
  };
  // Applying only adds: when all of them together change nothing, none does.
  if (!changes(clients.flatMap((client) => client.received))) return [];
  const missing: string[] = [];
  for (const client of clients) {
    for (const [i, update] of client.received.entries()) {
      if (changes([update])) missing.push(`${client.username} #${i}`);
    }
  }
  return missing;
}
