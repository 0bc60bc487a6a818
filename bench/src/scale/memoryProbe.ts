import { withTimeout } from '../load/clients/benchClient';
import { connectClient } from '../load/clients/connectClient';
import { ErrorTally } from '../load/errorTally';
import type { ServerKind } from '../servers/childProtocol';
import type { ChildServer } from '../servers/childServer';
import type { MemoryPerDocument } from './scaleTypes';

const EMPTY = new Uint8Array([0, 0]);

/** What a probe does around its measurement, with every copy's client connected. */
export interface ProbeSteps {
  /** Awaited once every client has synced, before the second report (quiet drafts: hibernate). */
  settle?: () => Promise<void>;
  /** Awaited after the second report, before the clients close (wake timing). */
  whileOpen?: () => Promise<void>;
}

/**
 * Memory one more open document costs: a full-GC memory report, then one connected client per
 * copy (kept connected so no server unloads them), another report; the difference divided by
 * the number of copies. The server must run with --expose-gc.
 */
export async function memoryPerDocument(
  server: ChildServer,
  kind: Exclude<ServerKind, 'relay'>,
  copies: readonly string[],
  headers: Record<string, string>,
  steps: ProbeSteps = {},
): Promise<MemoryPerDocument> {
  const before = await server.memory();
  const errors = new ErrorTally();
  const clients = copies.map((room) =>
    connectClient(kind, { url: server.ready.url, room, headers }, EMPTY, errors),
  );
  try {
    await withTimeout(
      Promise.all(clients.map((client) => client.synced)),
      120_000,
      `${kind}: opening copies`,
    );
    if (errors.total > 0) throw new Error(`${kind}: ${errors.describe()}`);
    await steps.settle?.();
    const after = await server.memory();
    await steps.whileOpen?.();
    if (errors.total > 0) throw new Error(`${kind}: ${errors.describe()}`);
    return {
      heapBytes:
        (after.heapUsed + after.external - before.heapUsed - before.external) / copies.length,
      rssBytes: (after.rss - before.rss) / copies.length,
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}
