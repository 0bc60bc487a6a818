import { randomUUID } from 'node:crypto';
import { RedisBus } from '@accord/server/src/cluster/RedisBus';
import { openPgStorage } from '@accord/server/src/storage/postgres/PgStorage';
import { SqliteStorage } from '@accord/server/src/storage/sqlite/SqliteStorage';
import type { Storage } from '@accord/server/src/storage/storage';
import * as Y from 'yjs';
import { type LatencySummary, summarise } from '../load/stats';
import { makeTempDir, removeTempDir } from '../servers/tempDirs';
import { BENCH_DATABASE_URL, BENCH_REDIS_URL, dropSchema, freshSchema } from './postgres';

/** One store's commit times: an append to a draft's log, awaited before the next, as Accord does. */
export interface CommitTimes {
  store: 'SQLite' | 'PostgreSQL' | 'PostgreSQL, fenced';
  append: LatencySummary;
  /** Appends a second one store can commit back to back (1000 / mean). */
  perSecond: number;
}

const DOCUMENT = 'commit-probe';

/**
 * Why Accord on PostgreSQL is slower (issue 19): Accord commits each update before it
 * broadcasts it, one at a time per draft (the draft's queue), so a draft's throughput is one over
 * the commit time. Times `appends` keystroke-sized appends through Accord's own stores, awaited
 * one after the other, on SQLite (a temporary folder) and on PostgreSQL (a fresh schema, dropped
 * after), without and with the lease fence a cluster adds to every write.
 */
export async function probeCommits(appends: number): Promise<CommitTimes[]> {
  const update = keystrokeUpdate();
  const results: CommitTimes[] = [];
  const dir = makeTempDir('accord-bench-commit-');
  try {
    const sqlite = SqliteStorage.open(dir, { defaultTimeZone: 'UTC' });
    if (!sqlite.ok) throw new Error(sqlite.error);
    results.push(await timeAppends('SQLite', sqlite.value, appends, update));
  } finally {
    removeTempDir(dir);
  }
  for (const fenced of [false, true]) {
    const schema = freshSchema('commit');
    try {
      const storage = await openPgStorage(BENCH_DATABASE_URL, {
        schema,
        // A fence that always holds epoch 1, the epoch of a first lease (taken below).
        ...(fenced ? { fence: { epochOf: () => 1 } } : {}),
      });
      const store = fenced ? 'PostgreSQL, fenced' : 'PostgreSQL';
      results.push(
        await timeAppends(store, storage, appends, update, async () => {
          if (fenced) await storage.leases.acquire(DOCUMENT, 'commit-probe', 600_000);
        }),
      );
    } finally {
      await dropSchema(schema);
    }
  }
  return results;
}

async function timeAppends(
  store: CommitTimes['store'],
  storage: Storage,
  appends: number,
  update: Uint8Array,
  prepare: () => Promise<void> = async () => undefined,
): Promise<CommitTimes> {
  try {
    const negotiation = await storage.negotiations.create({
      id: 'commit-probe-negotiation',
      title: 'Commit probe',
      venue: 'loopback',
      startsOn: '2026-01-01',
      timeZone: 'UTC',
    });
    await storage.documents.create({ id: DOCUMENT, negotiationId: negotiation.id, title: 'Probe' });
    await prepare();
    const times: number[] = [];
    const started = performance.now();
    for (let index = 0; index < appends; index++) {
      const before = performance.now();
      await storage.updates.append(DOCUMENT, update, null);
      times.push(performance.now() - before);
    }
    const elapsed = performance.now() - started;
    return { store, append: summarise(times), perSecond: (appends * 1000) / elapsed };
  } finally {
    await storage.close();
  }
}

/** A one-character update, the size of a keystroke. */
function keystrokeUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'a');
  return Y.encodeStateAsUpdate(doc);
}

/**
 * One hop between two servers as Accord makes it: a keystroke-sized frame sent by one
 * `RedisBus` (publish to the other server's inbox) until the other's bus hands it over, one at a
 * time. An edge client's keystroke crosses one hop to the owner, and one back to the edge
 * server's other clients.
 */
export async function probeRedisHops(hops: number): Promise<LatencySummary> {
  let arrived: (() => void) | null = null;
  const log = () => undefined;
  const ignore = () => undefined;
  const receiverId = randomUUID();
  const sender = new RedisBus(
    BENCH_REDIS_URL,
    randomUUID(),
    { message: ignore, lost: ignore, reset: ignore },
    log,
  );
  const receiver = new RedisBus(
    BENCH_REDIS_URL,
    receiverId,
    { message: () => arrived?.(), lost: ignore, reset: ignore },
    log,
  );
  const frame = keystrokeUpdate();
  try {
    await sender.start();
    await receiver.start();
    const times: number[] = [];
    for (let index = 0; index < hops; index++) {
      const before = performance.now();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('a Redis hop took over 5 s')), 5_000);
        arrived = () => {
          clearTimeout(timer);
          resolve();
        };
        sender.send(receiverId, { type: 'in', connId: 'probe', data: frame });
      });
      times.push(performance.now() - before);
    }
    return summarise(times);
  } finally {
    await sender.close();
    await receiver.close();
  }
}
