import { SYNC_PATH } from '@accord/shared/protocol/api';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../seed/demo';
import { LOCKED, UNLOCKED } from '../testing/lockScene';
import { clauseFingerprint, isLockedIn, setLock } from '../testing/lockTestKit';
import { clauseText } from '../testing/testClient';
import { type RunningTestServer, signIn } from '../testing/testServer';
import {
  closeAll,
  demoDocumentId,
  onCleanup,
  openClient,
  sessionWebSocket,
  startServer,
  storedDoc,
  until,
} from '../testing/wsTestClients';

/**
 * A cold load (issue 17 part 3) answers its first sync before it builds the clause plugins'
 * indexes (built on demand, or in the background after that answer) and before it compacts a
 * long log; a compacted draft's first answer is its stored snapshot. Nothing of that may change
 * what is checked: an update that reaches a freshly loaded draft before anything else, before
 * even the client's sync step 1, is checked against indexes built from the draft as loaded.
 * Real server, real SQLite, stock y-websocket clients; the server is restarted on its data
 * folder so that the draft is loaded cold.
 */

afterEach(closeAll);

/**
 * A stock provider on the demo draft whose document starts from `state` (a tab that stayed open
 * while the server restarted) and that makes `edit` the moment its socket opens: y-websocket
 * announces 'connected' before it sends its sync step 1, so the edit is the draft's first frame.
 */
async function typistAtConnect(
  server: RunningTestServer,
  username: string,
  state: Uint8Array,
  edit: (doc: Y.Doc) => void,
): Promise<{ doc: Y.Doc; provider: WebsocketProvider; closes: number[] }> {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const provider = new WebsocketProvider(
    `${server.url.replace(/^http/, 'ws')}${SYNC_PATH}`,
    demoDocumentId(server),
    doc,
    {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: sessionWebSocket(
        cookie,
        server.url,
      ) as unknown as typeof globalThis.WebSocket,
    },
  );
  const closes: number[] = [];
  let edited = false;
  provider.on('status', ({ status }) => {
    if (status !== 'connected' || edited) return;
    edited = true;
    edit(doc);
  });
  provider.on('connection-close', (event) => {
    if (event !== null) closes.push(event.code);
  });
  onCleanup(() => {
    provider.destroy();
    doc.destroy();
  });
  provider.connect();
  return { doc, provider, closes };
}

/** Restarts the server on its data folder: the next connection loads the draft cold. */
async function restarted(first: { server: RunningTestServer; close: () => Promise<void> }) {
  const dataDir = first.server.dataDir;
  await first.close();
  const { server } = await startServer({ dataDir });
  expect(server.sync.isLoaded(demoDocumentId(server))).toBe(false);
  return server;
}

describe('cold load: what the first sync does not wait for is still there for every check', () => {
  it('L2: an edit of a locked clause that is the first frame after a cold load is refused', async () => {
    const first = await startServer();
    expect((await setLock(first.server, LOCKED, true)).status).toBe(200);
    const stored = await storedDoc(first.server);
    const before = clauseFingerprint(stored, LOCKED);
    const server = await restarted(first);

    const typist = await typistAtConnect(
      server,
      'mx.delegate',
      Y.encodeStateAsUpdate(stored),
      (doc) => clauseText(doc, LOCKED).insert(0, 'Reopened: '),
    );
    await until(
      () => typist.closes.includes(CLOSE_CODES.clauseLocked),
      'the typist is closed for the locked clause',
    );
    typist.provider.disconnect();
    await server.sync.settled();
    expect(clauseFingerprint(await storedDoc(server), LOCKED)).toBe(before);
    // Anyone syncing now gets the clause as it was locked.
    const reader = await openClient(server, 'us.delegate');
    expect(clauseFingerprint(reader.doc, LOCKED)).toBe(before);
  });

  it('C3: an edit that is the first frame after a cold load is recorded with the text before it', async () => {
    const first = await startServer();
    const stored = await storedDoc(first.server);
    const textBefore = clauseText(stored, UNLOCKED).toString();
    const server = await restarted(first);

    const typist = await typistAtConnect(
      server,
      'mx.delegate',
      Y.encodeStateAsUpdate(stored),
      (doc) => clauseText(doc, UNLOCKED).insert(0, 'Cold '),
    );
    await until(() => typist.provider.synced, 'the typist synced');
    const documentId = demoDocumentId(server);
    await until(async () => {
      await server.sync.settled();
      return (await server.storage.clauseChanges.latest(documentId, UNLOCKED)) !== undefined;
    }, 'the change is recorded');
    const change = await server.storage.clauseChanges.latest(documentId, UNLOCKED);
    expect(change?.textBefore).toBe(textBefore);
    expect(change?.textAfter).toBe(`Cold ${textBefore}`);
    expect(typist.closes).toEqual([]);
  });

  it('a compacted draft answers an empty client with its whole state, and stays live', async () => {
    const first = await startServer();
    const writer = await openClient(first.server, 'us.delegate');
    clauseText(writer.doc, UNLOCKED).insert(0, 'Compacted ');
    await until(
      async () =>
        clauseText(await storedDoc(first.server), UNLOCKED)
          .toString()
          .startsWith('Compacted '),
      'the edit is stored',
    );
    const whole = await compactedLog(first.server);
    const server = await restarted(first);

    const reader = await openClient(server, 'ca.delegate');
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(whole));
    expect(reader.doc.getXmlFragment('default').toJSON()).toBe(
      whole.getXmlFragment('default').toJSON(),
    );
    // Loaded straight into hibernation (S14): the answer came from the snapshot, no Y.Doc yet.
    const id = demoDocumentId(server);
    expect(server.sync.hibernation(id)).toEqual({ hibernated: true, wakeMs: null });
    const typist = await openClient(server, 'mx.delegate');
    expect(server.sync.hibernation(id)?.hibernated).toBe(true);
    clauseText(typist.doc, UNLOCKED).insert(0, 'Live ');
    await until(
      () => clauseText(reader.doc, UNLOCKED).toString().startsWith('Live Compacted '),
      'the reader hears the next edit',
    );
    // The first edit built the Y.Doc and its plugins.
    expect(server.sync.hibernation(id)?.hibernated).toBe(false);
    expect(server.sync.hibernation(id)?.wakeMs).toEqual(expect.any(Number));
    expect(clauseText(await storedDoc(server), UNLOCKED).toString()).toMatch(/^Live Compacted /);
  });

  it('with hibernation off (ACCORD_QUIET_MS=0) a compacted draft loads awake', async () => {
    const first = await startServer();
    await openClient(first.server, 'us.delegate');
    const dataDir = first.server.dataDir;
    await first.close();
    const { server } = await startServer({
      dataDir,
      syncTuning: { groupCommit: true, coalesceFrames: true, quietMs: 0 },
    });
    const reader = await openClient(server, 'ca.delegate');
    expect(clauseText(reader.doc, UNLOCKED).length).toBeGreaterThan(0);
    expect(server.sync.hibernation(demoDocumentId(server))).toEqual({
      hibernated: false,
      wakeMs: null,
    });
  });

  it('a change before the first sync answer is in that answer (the stored snapshot is not)', async () => {
    const first = await startServer();
    await compactedLog(first.server);
    const server = await restarted(first);
    // An HTTP command loads the draft and writes to it (a server write) before any client.
    expect((await setLock(server, LOCKED, true)).status).toBe(200);
    const reader = await openClient(server, 'ca.delegate');
    expect(isLockedIn(reader.doc, LOCKED)).toBe(true);
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(await storedDoc(server)));
  });
});

/** Compacts the demo draft's log into one snapshot, as an idle unload leaves it; returns it. */
async function compactedLog(server: RunningTestServer): Promise<Y.Doc> {
  await server.sync.settled();
  const documentId = demoDocumentId(server);
  const whole = await storedDoc(server);
  const log = await server.storage.updates.load(documentId);
  await server.storage.updates.compact(
    documentId,
    log.at(-1)?.seq ?? 0,
    Y.encodeStateAsUpdate(whole),
  );
  expect((await server.storage.updates.stats(documentId)).updates).toBe(1);
  return whole;
}
