import { CLOSE_CODES, TERMINAL_CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FencedError, type PgStorage } from '../storage/postgres/PgStorage';
import { pgSchemas, TEST_DATABASE_URL } from '../storage/postgres/pgTestKit';
import {
  healthStatus,
  killChildren,
  type ServerProcess,
  startRedis,
  startServerProcesses,
} from '../testing/clusterProcesses';
import { clusterKit, freePort, TEST_REDIS_URL } from '../testing/clusterTestKit';
import { UNLOCKED } from '../testing/lockScene';
import {
  docOfLog,
  missingFromLog,
  openRoutedClient,
  type RoutedClient,
  sameState,
  startTyping,
} from '../testing/routedClients';
import { clauseText } from '../testing/testClient';
import type { RunningTestServer } from '../testing/testServer';
import { closeAll, demoDocumentId, onCleanup, until } from '../testing/wsTestClients';

/**
 * SPEC H5 when things fail: an owner killed mid-typing, Redis restarted under the servers, and
 * an owner that wakes up after losing its lease. Clients are stock y-websocket providers; what
 * counts is that nothing typed is lost, nothing a client was sent is missing from the log, and
 * the draft ends with exactly one owner.
 */

const schemas = pgSchemas('failover');
const kit = clusterKit('failover_kit');
afterEach(async () => {
  await closeAll();
  await killChildren();
});
afterAll(async () => {
  await killChildren();
  await schemas.dropAll();
  await kit.dropAll();
});

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function demoDraftOf(storage: PgStorage): Promise<string> {
  const negotiation = (await storage.negotiations.list())[0];
  if (negotiation === undefined) throw new Error('The demo was not seeded.');
  const document = (await storage.documents.listByNegotiation(negotiation.id))[0];
  if (document === undefined) throw new Error('The demo draft is missing.');
  return document.id;
}

function countOf(codes: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

function describeClients(clients: readonly RoutedClient[]): string {
  return clients
    .map(
      (client) =>
        `${client.username} on ${client.url}: synced ${client.provider.synced}, closes ${client.closes.join(',')}, ` +
        `state ${JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(client.doc))])}`,
    )
    .join('\n');
}

/** Like `until`, with the clients' states and `context` in the error. */
async function waitUntil(
  condition: () => boolean,
  message: string,
  timeoutMs: number,
  clients: readonly RoutedClient[],
  context: () => string = () => '',
): Promise<void> {
  try {
    await until(condition, message, timeoutMs);
  } catch (error) {
    throw new Error(`${String(error)}\n${describeClients(clients)}\n${context()}`);
  }
}

/** Waits until every client is connected, synced and has the same state. */
async function converge(
  clients: readonly RoutedClient[],
  context: () => string = () => '',
  timeoutMs = 30_000,
): Promise<void> {
  await waitUntil(
    () => clients.every((client) => client.provider.synced) && sameState(clients),
    'every client is synced and has every update',
    timeoutMs,
    clients,
    context,
  );
}

/**
 * The checks every scenario ends with, against the log read by a fresh storage: the log holds
 * every update any client was sent, every client's text is the log's, and not one typed
 * character is missing.
 */
async function checkAgainstLog(
  storage: PgStorage,
  documentId: string,
  clients: readonly RoutedClient[],
  expectedLength: number,
): Promise<Y.Doc> {
  const stored = docOfLog(await storage.updates.load(documentId));
  expect(missingFromLog(stored, clients)).toEqual([]);
  const text = clauseText(stored, UNLOCKED).toString();
  for (const client of clients) {
    expect(clauseText(client.doc, UNLOCKED).toString()).toBe(text);
    expect(Y.encodeStateVector(client.doc).toString()).toBe(Y.encodeStateVector(stored).toString());
  }
  expect(text.length).toBe(expectedLength);
  return stored;
}

describe('fail-over of a cluster over PostgreSQL and Redis', () => {
  it('loses nothing when the owner is killed (SIGKILL) while five clients type', async () => {
    const schema = schemas.fresh();
    const servers = await startServerProcesses(3, {
      databaseUrl: TEST_DATABASE_URL,
      schema,
      redisUrl: TEST_REDIS_URL,
      leaseMs: 1_000,
    });
    const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const outputs = () =>
      servers.map((server) => `--- ${server.name}\n${server.output().slice(-8_000)}`).join('\n');
    const watcher = await schemas.openIn(schema);
    onCleanup(() => watcher.close());
    const id = await demoDraftOf(watcher);

    // The first client makes a the owner; two clients on it, three on the others.
    const clients = [
      await openRoutedClient(a.url, id, 'us.delegate'),
      await openRoutedClient(a.url, id, 'mx.delegate'),
      await openRoutedClient(b.url, id, 'ca.delegate'),
      await openRoutedClient(c.url, id, 'sv.delegate'),
      await openRoutedClient(b.url, id, 'gt.delegate'),
    ];
    expect((await watcher.leases.holder(id))?.owner).toMatch(new RegExp(` ${a.url}$`));
    await until(() => sameState(clients), 'the clients agree before typing');
    const initial = clauseText(clients[0]!.doc, UNLOCKED).length;
    const onOwner = clients.slice(0, 2);
    const survivors = clients.slice(2);

    // Fail-over time: from the kill to the first update a survivor typed after it reaching
    // another client.
    let killedAt: number | null = null;
    let failedOverAt: number | null = null;
    const clockAtKill = new Map<number, number>();
    for (const receiver of clients) {
      receiver.doc.on('update', (_update: Uint8Array, origin: unknown) => {
        if (killedAt === null || failedOverAt !== null || origin !== receiver.provider) return;
        for (const author of survivors) {
          if (author === receiver) continue;
          const id = author.doc.clientID;
          if (Y.getState(receiver.doc.store, id) > (clockAtKill.get(id) ?? 0)) {
            failedOverAt = performance.now();
          }
        }
      });
    }

    const typists = clients.map((client, i) => startTyping(client, UNLOCKED, `c${i}.`));
    await sleep(1_000);
    for (const author of survivors) {
      clockAtKill.set(author.doc.clientID, Y.getState(author.doc.store, author.doc.clientID));
    }
    killedAt = performance.now();
    await a.kill('SIGKILL');
    // The load balancer sends the dead server's clients elsewhere.
    onOwner[0]!.point(b.url);
    onOwner[1]!.point(c.url);
    await waitUntil(
      () => failedOverAt !== null,
      'a survivor is heard again after the kill',
      20_000,
      clients,
      outputs,
    );
    await sleep(1_000);
    for (const typist of typists) typist.stop();
    const typed = typists.reduce((sum, typist) => sum + typist.typed, 0);
    console.log(
      `Fail-over after SIGKILL of the owner: ${Math.round((failedOverAt ?? 0) - killedAt)} ms ` +
        `(lease 1000 ms; ${typed} characters typed by 5 clients)`,
    );

    await converge(clients, outputs);
    const fresh = await schemas.openIn(schema);
    onCleanup(() => fresh.close());
    await checkAgainstLog(fresh, id, clients, initial + typed);
    // Exactly one live owner, and it is one of the survivors.
    const holder = await fresh.leases.holder(id);
    expect(holder?.owner).toMatch(new RegExp(` (${b.url}|${c.url})$`));
    // The survivors' clients were moved by their edges (draftMoved), never told to give up.
    for (const client of survivors) expect(client.closes).toContain(CLOSE_CODES.draftMoved);
    const closes = clients.flatMap((client) => client.closes);
    expect(closes.filter((code) => TERMINAL_CLOSE_CODES.includes(code as never))).toEqual([]);
    console.log(`Close codes the clients saw: ${JSON.stringify(countOf(closes))}`);
  }, 120_000);

  it('recovers from a Redis restart while clients on two servers type', async () => {
    const redisPort = await freePort();
    let redis = await startRedis(redisPort);
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const { servers, schema } = await kit.start(2, {
      cluster: { redisUrl, internalUrl: null, leaseMs: 1_000 },
    });
    const [a, b] = servers as [RunningTestServer, RunningTestServer];
    const id = demoDocumentId(a);
    const clients = [
      await openRoutedClient(a.url, id, 'us.delegate'),
      await openRoutedClient(b.url, id, 'mx.delegate'),
      await openRoutedClient(a.url, id, 'ca.delegate'),
      await openRoutedClient(b.url, id, 'sv.delegate'),
    ];
    await until(() => sameState(clients), 'the clients agree before typing');
    const initial = clauseText(clients[0]!.doc, UNLOCKED).length;
    expect(await healthStatus(a.url)).toBe(200);

    const typists = clients.map((client, i) => startTyping(client, UNLOCKED, `r${i}.`));
    await sleep(500);
    // Health is polled from the kill until both servers answer 200 again.
    const seen: Record<string, number[]> = { [a.url]: [], [b.url]: [] };
    let polling = true;
    const polls = [a, b].map(async (server) => {
      while (polling) {
        const status = (await healthStatus(server.url)) ?? 0;
        const statuses = seen[server.url] as number[];
        if (statuses.at(-1) !== status) statuses.push(status);
        await sleep(50);
      }
    });
    await redis.kill('SIGKILL');
    await sleep(300);
    // Down for at least 300 ms, and until both servers have said so (their Redis client gives
    // up on queued commands after a few failed reconnections, about 300 ms).
    await waitUntil(
      () => [a, b].every((server) => seen[server.url]?.includes(503)),
      'both servers report Redis unreachable',
      10_000,
      clients,
      () => `health: ${JSON.stringify(seen)}`,
    );
    redis = await startRedis(redisPort);
    await waitUntil(
      () =>
        [a, b].every((server) => seen[server.url]?.at(-1) === 200 && seen[server.url]!.length > 1),
      'both servers are healthy again',
      20_000,
      clients,
      () => `health: ${JSON.stringify(seen)}\nredis: ${redis.output().slice(-3_000)}`,
    );
    polling = false;
    await Promise.all(polls);
    await sleep(1_000);
    for (const typist of typists) typist.stop();
    const typed = typists.reduce((sum, typist) => sum + typist.typed, 0);
    console.log(
      `Health during the Redis restart: ${JSON.stringify(seen)}; close codes the clients saw: ` +
        JSON.stringify(countOf(clients.flatMap((client) => client.closes))),
    );
    // Redis down: 503 (its ping fails); back: 200.
    for (const server of [a, b]) {
      const statuses = seen[server.url] as number[];
      expect(statuses).toContain(503);
      expect(statuses.at(-1)).toBe(200);
    }

    await converge(clients);
    const fresh = await schemas.openIn(schema);
    onCleanup(() => fresh.close());
    await checkAgainstLog(fresh, id, clients, initial + typed);
    expect(servers.filter((server) => server.sync.isLoaded(id))).toHaveLength(1);
    const holder = await fresh.leases.holder(id);
    expect(holder?.owner).toMatch(new RegExp(` (${a.url}|${b.url})$`));
  }, 90_000);

  it('refuses the commits of a stale owner that wakes up after losing its lease', async () => {
    const { servers, schema } = await kit.start(2);
    const [a, b] = servers as [RunningTestServer, RunningTestServer];
    const id = demoDocumentId(a);
    const stale = await openRoutedClient(a.url, id, 'us.delegate');
    expect(a.sync.isLoaded(id)).toBe(true);
    const initial = clauseText(stale.doc, UNLOCKED).length;

    // A freezes: its lease is not renewed and runs out; B takes the draft for its client.
    a.cluster!.keeper.stop();
    await sleep(1_300);
    const fresh = await openRoutedClient(b.url, id, 'mx.delegate');
    expect(b.sync.isLoaded(id)).toBe(true);
    const watcher = await schemas.openIn(schema);
    onCleanup(() => watcher.close());
    const takenOver = await watcher.leases.holder(id);
    expect(takenOver?.owner).toMatch(new RegExp(` ${b.url}$`));
    const logBefore = (await watcher.updates.load(id)).length;

    // Every write A attempts to the draft's log from now on, and how it ends.
    const writes: { method: string; ok: boolean; error?: unknown }[] = [];
    const log = a.storage.updates as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['append', 'bindClientIds', 'compact']) {
      const original = (log[method] as (...args: unknown[]) => Promise<unknown>).bind(log);
      log[method] = async (...args: unknown[]) => {
        try {
          const result = await original(...args);
          writes.push({ method, ok: true });
          return result;
        } catch (error) {
          writes.push({ method, ok: false, error });
          throw error;
        }
      };
    }

    // A wakes up: its client types, and A still believes it owns the draft.
    const marker = 'STALE-OWNER-WORDS ';
    clauseText(stale.doc, UNLOCKED).insert(0, marker);
    fresh.doc.transact(() => clauseText(fresh.doc, UNLOCKED).insert(0, 'fresh '));
    await until(() => writes.length > 0, 'A tries to commit');
    expect(writes[0]?.ok).toBe(false);
    expect(writes[0]?.error).toBeInstanceOf(FencedError);
    await until(() => stale.closes.length > 0, 'the stale owner disconnects its client');
    // The refused commit closes the socket as any failed commit does (nothing was applied).
    expect(stale.closes[0]).toBe(CLOSE_CODES.internalError);

    // Its client comes back through A, which now relays it to B: its words are committed once.
    await converge([stale, fresh]);
    expect(writes.filter((attempt) => attempt.ok)).toEqual([]);
    const stored = await checkAgainstLog(
      watcher,
      id,
      [stale, fresh],
      initial + marker.length + 'fresh '.length,
    );
    expect(clauseText(stored, UNLOCKED).toString().split(marker)).toHaveLength(2);
    expect((await watcher.updates.load(id)).length).toBeGreaterThan(logBefore);
    expect(a.sync.isLoaded(id)).toBe(false);
    expect(servers.filter((server) => server.sync.isLoaded(id))).toEqual([b]);
    expect((await watcher.leases.holder(id))?.epoch).toBe(takenOver?.epoch);
  }, 60_000);
});
