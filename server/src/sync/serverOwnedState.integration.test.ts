import { clauseMetaMap, emptyClauseMeta, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../seed/demo';
import { apiRequest } from '../testing/apiClient';
import { clauseText } from '../testing/testClient';
import { type RunningTestServer, signIn } from '../testing/testServer';
import {
  closeAll,
  demoDocumentId,
  openClient,
  providerSocket,
  roundTrip,
  startServer,
  storedDoc,
  until,
} from '../testing/wsTestClients';

/**
 * S3 end to end: the clause meta map is written by the server only. Stock
 * providers that write or delete it are closed with `updateRejected` (4422) and nothing of what
 * they sent reaches another client or SQLite; honest clients, whose sync step 2 repeats the
 * server's own deletions, are never refused.
 */

afterEach(closeAll);

async function statePosition(server: RunningTestServer, username: string, clauseId: string) {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  const reply = await apiRequest(
    server,
    cookie,
    'PUT',
    `/api/documents/${demoDocumentId(server)}/clauses/${clauseId}/position`,
    { position: 'agree' },
  );
  expect(reply.status).toBe(200);
}

describe('S3: the clause meta map cannot be forged by a client', () => {
  it('closes a client that writes to it with 4422; nothing reaches others or SQLite', async () => {
    const { server } = await startServer();
    const forger = await openClient(server, 'mx.delegate');
    const witness = await openClient(server, 'us.delegate');
    const stored = (await server.storage.updates.stats(demoDocumentId(server))).updates;
    const forged = emptyClauseMeta('forged');
    forged.positions.US = { position: 'object', textHash: 'forged', userId: 'x', at: 1 };
    forger.doc.getMap('accord').set('op-jobs', forged);
    await until(() => forger.closes.includes(CLOSE_CODES.updateRejected), 'the forger is closed');
    await roundTrip(providerSocket(witness), witness.doc);
    expect(witness.doc.getMap('accord').has('op-jobs')).toBe(false);
    expect(clauseMetaMap(await storedDoc(server)).has('op-jobs')).toBe(false);
    expect((await server.storage.updates.stats(demoDocumentId(server))).updates).toBe(stored);
  });

  it('closes a client that deletes a position the server wrote; the position stays', async () => {
    const { server } = await startServer();
    await statePosition(server, 'us.delegate', 'op-jobs');
    const forger = await openClient(server, 'mx.delegate');
    const witness = await openClient(server, 'ca.delegate');
    expect(forger.doc.getMap('accord').has('op-jobs')).toBe(true);
    forger.doc.getMap('accord').delete('op-jobs');
    await until(() => forger.closes.includes(CLOSE_CODES.updateRejected), 'the forger is closed');
    await roundTrip(providerSocket(witness), witness.doc);
    expect(readClauseMeta(witness.doc.getMap('accord'), 'op-jobs')?.positions.US).toBeDefined();
    expect(
      readClauseMeta(clauseMetaMap(await storedDoc(server)), 'op-jobs')?.positions.US,
    ).toBeDefined();
  });

  it("accepts an honest client whose state repeats the server's own deletions", async () => {
    const { server } = await startServer();
    const first = await openClient(server, 'gt.delegate');
    // Each statement replaces the clause's meta value: the server deletes the previous one.
    await statePosition(server, 'us.delegate', 'op-jobs');
    await statePosition(server, 'ca.delegate', 'op-jobs');
    await until(
      () =>
        Object.keys(readClauseMeta(first.doc.getMap('accord'), 'op-jobs')?.positions ?? {})
          .length === 2,
      'the first client has both positions',
    );
    // A client that comes back with that state sends a step 2 whose delete set has them.
    const returning = await openClient(server, 'gt.delegate', Y.encodeStateAsUpdate(first.doc));
    clauseText(returning.doc, 'op-jobs').insert(0, 'GT: ');
    await until(
      async () =>
        clauseText(await storedDoc(server), 'op-jobs')
          .toString()
          .startsWith('GT: '),
      'the edit is stored',
    );
    expect(returning.closes).toEqual([]);
  });
});
