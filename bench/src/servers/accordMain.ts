import { join } from 'node:path';
import { parseConfig, parseSyncTuning } from '@accord/server/src/config';
import { startServer } from '@accord/server/src/server';
import { openStorage } from '@accord/server/src/storage/openStorage';
import type { Storage } from '@accord/server/src/storage/storage';
import { PARTY_CODES } from '@accord/shared/domain/delegations';
import { readHistoryFile } from '../scale/historyFile';
import { ACCORD_IMPORT_ENV, AUTHOR_USERNAMES } from './accordImport';
import type { ServerLaunch } from './childProtocol';
import { readSeed, runChild } from './childRuntime';

/** The demo delegate whose password hash the bench users share (same demo password). */
const TEMPLATE_USER = 'us.delegate';

/**
 * Accord's real server (`startServer`) with a fresh data folder, the demo seeded, sign-in,
 * validation and commit-before-broadcast on, as in production. Before it says it is ready it
 * adds what the run needs through the storage API: delegate users, the rooms as documents of
 * the demo negotiation, and (document scale) an imported history.
 */
runChild(async (launch) => {
  const env = process.env;
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ACCORD_DATA_DIR: join(launch.dataDir, 'accord'),
    // Port 0 in an origin stands for the port the server binds.
    ACCORD_ORIGINS: 'http://127.0.0.1:0',
    ACCORD_SEED_DEMO: 'true',
    ACCORD_SECURE_COOKIES: 'false',
    ACCORD_CLIENT_DIR: env[ACCORD_IMPORT_ENV.clientDir] || undefined,
    // Accord over PostgreSQL, alone or with Redis as one of several servers (issue 19): the
    // parent names a fresh schema per run and drops it after.
    ACCORD_DATABASE_URL: env.ACCORD_DATABASE_URL,
    ACCORD_DATABASE_SCHEMA: env.ACCORD_DATABASE_SCHEMA,
    ACCORD_REDIS_URL: env.ACCORD_REDIS_URL,
    ACCORD_LEASE_MS: env.ACCORD_LEASE_MS,
  });
  if (!config.ok) throw new Error(config.error);
  // ACCORD_GROUP_COMMIT / ACCORD_COALESCE_FRAMES: the "accord-ungrouped" runs turn both off.
  const syncTuning = parseSyncTuning(env);
  if (!syncTuning.ok) throw new Error(syncTuning.error);
  const running = await startServer(config.value, { syncTuning: syncTuning.value });
  const url = running.url;
  const storage = running.storage;
  // In a cluster the server's storage refuses draft writes without the draft's lease; the rooms
  // are prepared as the demo is seeded, through an unfenced connection, before any client comes.
  const setup = config.value.cluster === null ? null : await openStorage(config.value);
  if (setup !== null && !setup.ok) throw new Error(setup.error);
  const prepare = setup?.value.storage ?? storage;
  const negotiationId = await demoNegotiationId(prepare);
  const users = await addUsers(prepare, negotiationId, launch.users);
  await addRooms(prepare, negotiationId, launch);
  const imported = await importHistory(prepare, negotiationId);
  if (setup?.ok) await setup.value.storage.close();
  const reported = [...launch.rooms, ...imported.documents];
  return {
    url,
    users,
    report: async () => ({
      importMs: imported.ms,
      logs: Object.fromEntries(
        await Promise.all(reported.map(async (id) => [id, await storage.updates.stats(id)])),
      ),
      // Read without waking anything (ACCORD_QUIET_MS, document scale).
      hibernation: Object.fromEntries(
        reported.flatMap((id) => {
          const state = running.sync.hibernation(id);
          return state === undefined ? [] : [[id, state]];
        }),
      ),
    }),
    close: () => running.close(),
  };
});

async function demoNegotiationId(storage: Storage): Promise<string> {
  const negotiation = (await storage.negotiations.list())[0];
  if (negotiation === undefined) throw new Error('the demo negotiation was not seeded');
  return negotiation.id;
}

/**
 * One distinct delegate per simulated editor of a room (bench.delegate.001…), spread over the
 * five delegations, sharing the demo password (its hash is copied, so no extra argon2 work).
 */
async function addUsers(storage: Storage, negotiationId: string, count: number): Promise<string[]> {
  const template = await storage.users.byUsername(TEMPLATE_USER);
  if (template === undefined) throw new Error(`demo user ${TEMPLATE_USER} is missing`);
  const usernames: string[] = [];
  for (let index = 0; index < count; index++) {
    const number = String(index + 1).padStart(3, '0');
    const username = `bench.delegate.${number}`;
    const user =
      (await storage.users.byUsername(username)) ??
      (await storage.users.create({
        id: `bench-user-${number}`,
        username,
        displayName: `Bench Delegate ${number}`,
        passwordHash: template.passwordHash,
      }));
    await storage.negotiations.setMembership({
      negotiationId,
      userId: user.id,
      delegation: PARTY_CODES[index % PARTY_CODES.length] ?? 'US',
      role: 'delegate',
    });
    usernames.push(username);
  }
  return usernames;
}

/** Each room becomes a draft of the demo negotiation whose log starts with the seed update. */
async function addRooms(
  storage: Storage,
  negotiationId: string,
  launch: ServerLaunch,
): Promise<void> {
  const seed = readSeed(launch);
  for (const room of launch.rooms) {
    if ((await storage.documents.byId(room)) !== undefined) continue;
    await storage.documents.create({ id: room, negotiationId, title: `Bench draft ${room}` });
    if (seed !== null) await storage.updates.append(room, seed, null);
  }
}

/**
 * Appends a generated history through the storage API, one update per edit, each attributed
 * to the demo delegate of its author's delegation and with the author's client id bound to
 * them, as the live sync path would have stored it. Copies get the final state as one update.
 */
async function importHistory(
  storage: Storage,
  negotiationId: string,
): Promise<{ ms: number; documents: string[] }> {
  const file = process.env[ACCORD_IMPORT_ENV.historyFile];
  if (!file) return { ms: 0, documents: [] };
  const documentId = process.env[ACCORD_IMPORT_ENV.document] || undefined;
  const copies = (process.env[ACCORD_IMPORT_ENV.copies] ?? '').split(',').filter(Boolean);
  const history = readHistoryFile(file);
  const authors: string[] = [];
  for (const username of AUTHOR_USERNAMES) {
    const user = await storage.users.byUsername(username);
    if (user === undefined) throw new Error(`demo user ${username} is missing`);
    authors.push(user.id);
  }
  const start = performance.now();
  if (documentId !== undefined && (await storage.documents.byId(documentId)) === undefined) {
    await storage.documents.create({ id: documentId, negotiationId, title: 'Communiqué at scale' });
    for (const [index, clientId] of history.authorClientIds.entries()) {
      await storage.updates.bindClientIds(
        documentId,
        [clientId],
        authors[index % authors.length] ?? '',
      );
    }
    // One append at a time, committed before the next, as the live sync path stores them.
    for (const { author, update } of history.updates) {
      await storage.updates.append(documentId, update, authors[author % authors.length] ?? null);
    }
  }
  for (const copy of copies) {
    if ((await storage.documents.byId(copy)) !== undefined) continue;
    await storage.documents.create({
      id: copy,
      negotiationId,
      title: `Communiqué at scale (${copy})`,
    });
    await storage.updates.append(copy, history.state, null);
  }
  const documents = documentId === undefined ? copies : [documentId, ...copies];
  return { ms: performance.now() - start, documents };
}
