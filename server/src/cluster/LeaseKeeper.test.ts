import { afterAll, describe, expect, it } from 'vitest';
import { FencedError, type PgStorage } from '../storage/postgres/PgStorage';
import { pgSchemas } from '../storage/postgres/pgTestKit';
import { LeaseKeeper } from './LeaseKeeper';

const schemas = pgSchemas('lease_keeper');
afterAll(() => schemas.dropAll());

const TIMING = { ttlMs: 400, renewMs: 100 };

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function twoServers() {
  const schema = schemas.fresh();
  const lost: Record<'a' | 'b', string[]> = { a: [], b: [] };
  const base = await schemas.openIn(schema);
  await base.negotiations.create({
    id: 'n',
    title: 'T',
    venue: 'V',
    startsOn: '2025-06-11',
    timeZone: 'UTC',
  });
  await base.documents.create({ id: 'd', negotiationId: 'n', title: 'Draft' });
  const keeperA: LeaseKeeper = new LeaseKeeper(
    base.leases,
    'server-a http://a',
    TIMING,
    (id) => lost.a.push(id),
    () => {},
  );
  const keeperB = new LeaseKeeper(
    base.leases,
    'server-b http://b',
    TIMING,
    (id) => lost.b.push(id),
    () => {},
  );
  const storageA: PgStorage = await schemas.openIn(schema, {
    fence: { epochOf: (id) => keeperA.epochOf(id) },
  });
  const storageB: PgStorage = await schemas.openIn(schema, {
    fence: { epochOf: (id) => keeperB.epochOf(id) },
  });
  return { base, keeperA, keeperB, storageA, storageB, lost };
}

describe('LeaseKeeper over PostgreSQL', () => {
  it('gives a draft one owner; a frozen owner loses it, and its commits are fenced', async () => {
    const { base, keeperA, keeperB, storageA, storageB, lost } = await twoServers();
    try {
      expect(await keeperA.claim('d')).toBeNull();
      expect(await keeperB.claim('d')).toBe('server-a http://a');
      expect(await storageA.updates.append('d', Uint8Array.of(1), null)).toBeGreaterThan(0);
      await expect(storageB.updates.append('d', Uint8Array.of(2), null)).rejects.toBeInstanceOf(
        FencedError,
      );

      // A is frozen (no renewals) past its lease; B takes over with a higher epoch.
      await sleep(TIMING.ttlMs + 100);
      expect(await keeperB.claim('d')).toBeNull();
      expect(keeperB.epochOf('d')).toBeGreaterThan(
        keeperA.epochOf('d') ?? Number.POSITIVE_INFINITY,
      );
      // A wakes up still believing it owns the draft: the database refuses its commit.
      await expect(storageA.updates.append('d', Uint8Array.of(3), null)).rejects.toBeInstanceOf(
        FencedError,
      );
      // Its first renewal tells it the lease is gone.
      keeperA.start(() => true);
      await sleep(TIMING.renewMs * 3);
      expect(lost.a).toEqual(['d']);
      expect(keeperA.epochOf('d')).toBeNull();
      expect((await base.updates.load('d')).map(({ update }) => update[0])).toEqual([1]);
    } finally {
      keeperA.stop();
      keeperB.stop();
      await Promise.all([base.close(), storageA.close(), storageB.close()]);
    }
  });

  it('checks an overdue lease before trusting it: one taken over is given up at the claim', async () => {
    const { base, keeperA, keeperB, storageA, storageB, lost } = await twoServers();
    try {
      expect(await keeperA.claim('d')).toBeNull();
      // A is frozen (no renewals) past its lease; B takes over.
      await sleep(TIMING.ttlMs + 100);
      expect(await keeperB.claim('d')).toBeNull();
      // A wakes up and a client asks it for the draft before any renewal ran: it must not
      // answer "mine" from memory, but learn that B holds it, and drop its own copy.
      expect(await keeperA.claim('d')).toBe('server-b http://b');
      expect(lost.a).toEqual(['d']);
      expect(keeperA.epochOf('d')).toBeNull();
      // A lease that is overdue but still ours is renewed and kept.
      await sleep(TIMING.renewMs * 2);
      expect(await keeperB.claim('d')).toBeNull();
      expect(keeperB.holds('d')).toBe(true);
      expect(lost.b).toEqual([]);
    } finally {
      keeperA.stop();
      keeperB.stop();
      await Promise.all([base.close(), storageA.close(), storageB.close()]);
    }
  });

  it('keeps a lease alive while the draft is in use, and releases it once it is not', async () => {
    const { base, keeperA, keeperB, storageA, storageB, lost } = await twoServers();
    let inUse = true;
    try {
      expect(await keeperA.claim('d')).toBeNull();
      keeperA.start(() => inUse);
      await sleep(TIMING.ttlMs * 2);
      expect(await keeperB.claim('d')).toBe('server-a http://a');
      inUse = false;
      await sleep(TIMING.renewMs * 3);
      expect(keeperA.holds('d')).toBe(false);
      // Released, not expired: B takes it at once.
      expect(await keeperB.claim('d')).toBeNull();
      expect(lost.a).toEqual([]);
    } finally {
      keeperA.stop();
      keeperB.stop();
      await Promise.all([base.close(), storageA.close(), storageB.close()]);
    }
  });

  it('shares one query between concurrent claims of one draft', async () => {
    const { base, keeperA, keeperB, storageA, storageB } = await twoServers();
    try {
      const claims = await Promise.all([
        keeperA.claim('d'),
        keeperB.claim('d'),
        keeperA.claim('d'),
        keeperB.claim('d'),
      ]);
      const winners = [keeperA.holds('d'), keeperB.holds('d')];
      expect(winners.filter(Boolean)).toHaveLength(1);
      const owner = keeperA.holds('d') ? 'server-a http://a' : 'server-b http://b';
      expect(claims.filter((claim) => claim === null)).toHaveLength(2);
      expect(claims.filter((claim) => claim === owner)).toHaveLength(2);
    } finally {
      await Promise.all([base.close(), storageA.close(), storageB.close()]);
    }
  });
});
