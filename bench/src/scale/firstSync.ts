import { withTimeout } from '../load/clients/benchClient';
import { connectClient } from '../load/clients/connectClient';
import { clausesOf } from '../load/draftModel';
import { ErrorTally } from '../load/errorTally';
import type { ServerKind } from '../servers/childProtocol';

const EMPTY = new Uint8Array([0, 0]);

/** A client that has completed its first sync, and how long that took. */
export interface TimedClient {
  ms: number;
  close(): void;
}

/**
 * Opens one client on a document and measures the time from creating its socket to its first
 * complete sync (the server loads the document, sends it, the client applies it), checking that
 * the client then holds `expectedClauses` clauses. The caller closes the client: keeping it open
 * keeps the document loaded on the server.
 */
export async function timeFirstSync(
  kind: Exclude<ServerKind, 'relay'>,
  url: string,
  room: string,
  headers: Record<string, string>,
  expectedClauses: number,
  timeoutMs = 60_000,
): Promise<TimedClient> {
  const errors = new ErrorTally();
  const start = performance.now();
  const client = connectClient(kind, { url, room, headers }, EMPTY, errors);
  try {
    await withTimeout(client.synced, timeoutMs, `${kind}: first sync of ${room}`);
    const elapsed = performance.now() - start;
    const clauses = clausesOf(client.doc).length;
    if (clauses !== expectedClauses) {
      throw new Error(
        `${kind}: ${room} synced with ${clauses} clauses, expected ${expectedClauses}`,
      );
    }
    if (errors.total > 0) throw new Error(`${kind}: ${errors.describe()}`);
    return { ms: elapsed, close: () => client.destroy() };
  } catch (error) {
    client.destroy();
    throw error;
  }
}
