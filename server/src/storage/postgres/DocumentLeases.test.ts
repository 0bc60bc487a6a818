import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Fence, FencedError, type PgStorage } from './PgStorage';
import { pgSchemas, TEST_DATABASE_URL } from './pgTestKit';

const schemas = pgSchemas('leases');
afterAll(() => schemas.dropAll());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server's belief about its leases, as the sync layer would keep it. */
function fenceOf(held: Map<string, number>): Fence {
  return { epochOf: (documentId) => held.get(documentId) ?? null };
}

/** Waits until some session waits on a lock in a query containing `fragment`. */
async function waitForLockWait(client: pg.Client, fragment: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const result = await client.query(
      `SELECT 1 FROM pg_stat_activity
       WHERE wait_event_type = 'Lock' AND position($1 in query) > 0 AND pid <> pg_backend_pid()`,
      [fragment],
    );
    if ((result.rowCount ?? 0) > 0) return;
    await sleep(10);
  }
  throw new Error(`No session waits on a lock in "${fragment}"`);
}

describe('DocumentLeases and fencing', () => {
  let schema: string;
  let a: PgStorage;
  let b: PgStorage;
  const heldByA = new Map<string, number>();
  const heldByB = new Map<string, number>();

  beforeEach(async () => {
    schema = schemas.fresh();
    heldByA.clear();
    heldByB.clear();
    // Two servers on one database, each with its own fence.
    a = await schemas.openIn(schema, { fence: fenceOf(heldByA) });
    b = await schemas.openIn(schema, { fence: fenceOf(heldByB) });
    await a.negotiations.create({
      id: 'n',
      title: 'T',
      venue: 'V',
      startsOn: '2025-06-11',
      timeZone: 'UTC',
    });
    await a.documents.create({ id: 'd', negotiationId: 'n', title: 'D' });
  });

  afterEach(async () => {
    await a.close();
    await b.close();
  });

  async function take(storage: PgStorage, held: Map<string, number>, owner: string, ttlMs: number) {
    const result = await storage.leases.acquire('d', owner, ttlMs);
    if (!('epoch' in result)) throw new Error(`lease held by ${result.heldBy}`);
    held.set('d', result.epoch);
    return result.epoch;
  }

  it('is taken over only after it expired, and the epoch moves on takeover', async () => {
    expect(await take(a, heldByA, 'server-a', 300)).toBe(1);
    const refused = await b.leases.acquire('d', 'server-b', 10_000);
    expect(refused).toMatchObject({ heldBy: 'server-a' });
    if ('until' in refused) expect(refused.until).toBeGreaterThan(Date.now() - 1000);
    expect(await b.leases.holder('d')).toMatchObject({ owner: 'server-a', epoch: 1 });
    // Ours again while valid: extended, same epoch.
    expect(await a.leases.acquire('d', 'server-a', 300)).toEqual({ epoch: 1 });
    await sleep(400);
    expect(await b.leases.holder('d')).toBeNull();
    expect(await take(b, heldByB, 'server-b', 10_000)).toBe(2);
    expect(await a.leases.renew('d', 'server-a', 1, 10_000)).toBe(false);
    expect(await b.leases.renew('d', 'server-b', 2, 10_000)).toBe(true);
    expect(await a.leases.release('d', 'server-a', 1)).toBe(false);
    expect(await b.leases.release('d', 'server-b', 2)).toBe(true);
    expect(await a.leases.holder('d')).toBeNull();
    // A released lease keeps its epoch: the next holder's is larger than every earlier one.
    expect(await take(a, heldByA, 'server-a', 10_000)).toBe(3);
  });

  it("refuses a stale owner's writes after a takeover, storing nothing", async () => {
    await take(a, heldByA, 'server-a', 200);
    const first = await a.updates.append('d', Uint8Array.of(1), null);
    await sleep(300);
    await take(b, heldByB, 'server-b', 10_000);
    // Server A wakes up still believing it holds epoch 1.
    await expect(a.updates.append('d', Uint8Array.of(2), null)).rejects.toBeInstanceOf(FencedError);
    await expect(a.updates.compact('d', first, Uint8Array.of(9))).rejects.toBeInstanceOf(
      FencedError,
    );
    await expect(a.updates.bindClientIds('d', [7], '@server')).rejects.toBeInstanceOf(FencedError);
    expect(await b.updates.load('d')).toEqual([{ seq: first, update: Uint8Array.of(1) }]);
    expect(await b.updates.clientOwners('d')).toEqual(new Map());
    // The new holder writes.
    const second = await b.updates.append('d', Uint8Array.of(3), null);
    expect(second).toBeGreaterThan(first);
    expect(await b.updates.bindClientIds('d', [7], '@server')).toEqual([]);
  });

  it('refuses a fenced write by a server that holds no lease on the draft', async () => {
    await expect(a.updates.append('d', Uint8Array.of(1), null)).rejects.toThrow(FencedError);
    await take(b, heldByB, 'server-b', 10_000);
    await expect(a.updates.append('d', Uint8Array.of(1), null)).rejects.toThrow(
      /holds lease epoch none, the database has 1/,
    );
    expect(await a.updates.load('d')).toEqual([]);
  });

  it('lets exactly one of concurrent acquirers win, on a new and on an expired lease', async () => {
    const owners = ['s1', 's2', 's3', 's4', 's5'];
    const fresh = await Promise.all(owners.map((owner) => a.leases.acquire('d', owner, 200)));
    const winners = fresh.filter((result) => 'epoch' in result);
    expect(winners).toEqual([{ epoch: 1 }]);
    await sleep(300);
    const again = await Promise.all(
      owners.map((owner, i) => (i % 2 === 0 ? a : b).leases.acquire('d', `${owner}'`, 10_000)),
    );
    expect(again.filter((result) => 'epoch' in result)).toEqual([{ epoch: 2 }]);
    const holder = await a.leases.holder('d');
    for (const result of again) {
      if ('heldBy' in result) expect(result.heldBy).toBe(holder?.owner);
    }
  });

  it('makes a takeover wait for an append in flight, which commits before it', async () => {
    await take(a, heldByA, 'server-a', 200);
    await sleep(300); // A's lease has expired, but A does not know yet.
    const blocker = new pg.Client({ connectionString: TEST_DATABASE_URL });
    const watcher = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await blocker.connect();
    await watcher.connect();
    try {
      // Hold the draft's row so that A's append stops after its fence check (lease row locked).
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM ${schema}.documents WHERE id = 'd' FOR UPDATE`);
      const order: string[] = [];
      const append = a.updates.append('d', Uint8Array.of(42), null).then((seq) => {
        order.push('append');
        return seq;
      });
      await waitForLockWait(watcher, 'FROM documents WHERE id');
      const takeover = b.leases.acquire('d', 'server-b', 10_000).then((result) => {
        order.push('takeover');
        return result;
      });
      await waitForLockWait(watcher, 'INSERT INTO document_leases');
      await blocker.query('COMMIT');
      const [seq, taken] = await Promise.all([append, takeover]);
      expect(order).toEqual(['append', 'takeover']);
      expect(taken).toEqual({ epoch: 2 });
      expect(await b.updates.load('d')).toEqual([{ seq, update: Uint8Array.of(42) }]);
      await expect(a.updates.append('d', Uint8Array.of(43), null)).rejects.toBeInstanceOf(
        FencedError,
      );
    } finally {
      await blocker.end();
      await watcher.end();
    }
  });
});
