import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Role } from '@accord/shared/domain/roles';
import { DRAFT_FRAGMENT, NODE_NAMES } from '@accord/shared/domain/schema';
import * as Y from 'yjs';
import { clausePlugins } from '../clauses/clausePlugins';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage';
import type { UpdateLogEntry, UpdateLogStore } from '../storage/storage';
import { SyncServer } from '../sync/SyncServer';
import type { SyncAccess, SyncPrincipal } from '../sync/syncTypes';
import { pump, TestSyncClient } from './testClient';

/**
 * For the queue's tests (SPEC S5, S10): one draft with one clause in a fresh real SQLite
 * database, whose update log is wrapped by a fault injector that makes appends slow (a random
 * few ms, or held at will) and mirrors what was committed, and a sync server over it.
 */

export const CLAUSE = 'op-1';
/** The second clause, with `setup({ secondClause: true })`. */
export const CLAUSE_2 = 'op-2';
/** Undone after each test, last first (the test file runs them in its `afterEach`). */
export const cleanups: (() => Promise<void> | void)[] = [];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real SQLite log, its appends (single and grouped) delayed (and held at will), mirrored
 * once committed.
 */
function slowLog(inner: UpdateLogStore) {
  const mirror = new Y.Doc();
  let gate: Promise<void> | null = null;
  let loads = 0;
  let failNextLoad = false;
  let failNextAppendMany = false;
  /** The size of every group appended with `appendMany`. */
  const appendManyCalls: number[] = [];
  const updates: UpdateLogStore = Object.create(inner, {
    append: {
      value: async (documentId: string, update: Uint8Array, userId: string | null) => {
        await sleep(Math.floor(Math.random() * 5));
        if (gate !== null) await gate;
        const seq = await inner.append(documentId, update, userId);
        Y.applyUpdate(mirror, update);
        return seq;
      },
    },
    appendMany: {
      value: async (documentId: string, entries: readonly UpdateLogEntry[]) => {
        appendManyCalls.push(entries.length);
        await sleep(Math.floor(Math.random() * 5));
        if (gate !== null) await gate;
        if (failNextAppendMany) {
          failNextAppendMany = false;
          throw new Error('disk full');
        }
        const seqs = await inner.appendMany(documentId, entries);
        for (const { update } of entries) Y.applyUpdate(mirror, update);
        return seqs;
      },
    },
    load: {
      value: async (documentId: string) => {
        loads += 1;
        await sleep(10);
        if (failNextLoad) {
          failNextLoad = false;
          throw new Error('database unreachable');
        }
        return inner.load(documentId);
      },
    },
  });
  return {
    updates,
    mirror,
    loads: () => loads,
    failNextLoad: () => {
      failNextLoad = true;
    },
    /** The next `appendMany` (a group commit) throws, storing nothing. */
    failNextAppendMany: () => {
      failNextAppendMany = true;
    },
    appendManyCalls,
    /** Holds every append until the returned function is called. */
    hold: () => {
      let release = () => {};
      gate = new Promise((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return release;
    },
  };
}

/** Whether `doc` already holds everything in `update` (applying it would change nothing). */
export function holds(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let changed = false;
  copy.on('update', () => {
    changed = true;
  });
  Y.applyUpdate(copy, update);
  const complete = copy.store.pendingStructs === null && copy.store.pendingDs === null;
  copy.destroy();
  return !changed && complete;
}

export async function setup(
  options: {
    idleUnloadMs?: number;
    access?: SyncAccess;
    groupCommit?: boolean;
    coalesceFrames?: boolean;
    /** A second clause, `CLAUSE_2`, after the first. */
    secondClause?: boolean;
  } = {},
) {
  const logLines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'accord-queue-'));
  const opened = SqliteStorage.open(dir, { defaultTimeZone: 'UTC' });
  if (!opened.ok) throw new Error(opened.error);
  const storage = opened.value;
  cleanups.push(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await storage.negotiations.create({
    id: 'n1',
    title: 'Talks',
    venue: 'Ottawa',
    startsOn: '2026-12-01',
    timeZone: 'UTC',
  });
  for (const id of ['u-us', 'u-ca', 'u-mx', 'u-chair']) {
    await storage.users.create({ id, username: id, displayName: id, passwordHash: 'unused' });
  }
  await storage.documents.create({ id: 'd1', negotiationId: 'n1', title: 'Draft' });
  const initial = new Y.Doc();
  const clause = new Y.XmlElement(NODE_NAMES.clause);
  clause.setAttribute('id', CLAUSE);
  clause.setAttribute('kind', 'operative');
  clause.insert(0, [new Y.XmlText('Calls upon all parties to negotiate.')]);
  initial.getXmlFragment(DRAFT_FRAGMENT).insert(0, [clause]);
  if (options.secondClause) {
    const second = new Y.XmlElement(NODE_NAMES.clause);
    second.setAttribute('id', CLAUSE_2);
    second.setAttribute('kind', 'operative');
    second.insert(0, [new Y.XmlText('Notes the progress made.')]);
    initial.getXmlFragment(DRAFT_FRAGMENT).insert(1, [second]);
  }
  await storage.updates.append('d1', Y.encodeStateAsUpdate(initial), null);
  const log = slowLog(storage.updates);
  Y.applyUpdate(log.mirror, Y.encodeStateAsUpdate(initial));
  const sync = new SyncServer({
    updates: log.updates,
    documents: storage.documents,
    plugins: clausePlugins({ changes: storage.clauseChanges, now: Date.now }),
    idleUnloadMs: options.idleUnloadMs ?? 60_000,
    ...(options.access ? { access: options.access } : {}),
    ...(options.groupCommit === undefined ? {} : { groupCommit: options.groupCommit }),
    ...(options.coalesceFrames === undefined ? {} : { coalesceFrames: options.coalesceFrames }),
    log: (level, message) => {
      if (level !== 'info' || process.env.QUEUE_TEST_LOG) logLines.push(`${level}: ${message}`);
    },
  });
  cleanups.push(() => sync.shutdown());
  const principal = (userId: string, delegation: DelegationCode, role: Role): SyncPrincipal => ({
    sessionId: `s-${userId}`,
    userId,
    displayName: userId,
    delegation,
    role,
    documentId: 'd1',
    negotiationId: 'n1',
  });
  const connect = async (userId: string, delegation: DelegationCode) => {
    const client = new TestSyncClient(sync, principal(userId, delegation, 'delegate'));
    cleanups.push(() => client.destroy());
    client.sendSyncStep1();
    await pump(client);
    return client;
  };
  const storedDoc = async () => {
    const doc = new Y.Doc();
    for (const { update } of await storage.updates.load('d1')) Y.applyUpdate(doc, update);
    return doc;
  };
  return { sync, log, connect, storedDoc, storage, logLines };
}
