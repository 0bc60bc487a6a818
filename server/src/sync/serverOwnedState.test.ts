import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SERVER_AUTHOR } from '../storage/storage';
import { ServerStructIndex } from './ServerStructIndex';
import { type UpdateValidationContext, validateUpdate } from './UpdateValidator';

const ALICE = 'user-alice';

/**
 * The server-owned-state rules of the validator (S3) with real Yjs documents:
 * a "server" doc whose client id is bound to SERVER_AUTHOR writes the meta map; a client synced
 * with it tries to touch that state.
 */
function setup() {
  const server = new Y.Doc();
  const owners = new Map<number, string>([[server.clientID, SERVER_AUTHOR]]);
  const index = new ServerStructIndex(server);
  index.addClient(server.clientID);
  server.on('update', (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) =>
    index.afterTransaction(tr),
  );
  /** A client synced with the server, whose own updates are collected. */
  const newClient = () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') updates.push(update);
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), 'server');
    return { doc, updates };
  };
  const context: UpdateValidationContext = {
    doc: server,
    userId: ALICE,
    ownerOf: (clientId) => owners.get(clientId),
    hasLiveServerStruct: (clientId, clock, end) => index.hasLiveIn(clientId, clock, end),
    check: () => undefined,
  };
  const check = (update: Uint8Array) => {
    const result = validateUpdate(update, context);
    return result.ok ? 'accepted' : `${result.error.reason}: ${result.error.message}`;
  };
  return { server, newClient, check };
}

describe('validateUpdate and server-owned state (S3)', () => {
  it('accepts edits of the draft fragment', async () => {
    const { newClient, check } = setup();
    const client = newClient();
    client.doc.getXmlFragment(DRAFT_FRAGMENT).insert(0, [new Y.XmlText('Agreed text')]);
    expect(check(client.updates[0]!)).toBe('accepted');
  });

  it('refuses a new struct under any other root, such as the meta map', async () => {
    const { newClient, check } = setup();
    const meta = newClient();
    meta.doc.getMap('accord').set('op-1', { positions: {} });
    expect(check(meta.updates[0]!)).toMatch(/^updateRejected: Only the server may write outside/);
    const other = newClient();
    other.doc.getArray('elsewhere').insert(0, [1]);
    expect(check(other.updates[0]!)).toMatch(/^updateRejected: Only the server may write outside/);
  });

  it('refuses a struct whose parent or origin is a server struct', async () => {
    const { server, newClient, check } = setup();
    const nested = new Y.Text();
    server.getMap('accord').set('notes', nested);
    const first = newClient();
    // Into an empty server type: the parent is written out as the server struct's id.
    (first.doc.getMap('accord').get('notes') as Y.Text).insert(0, 'x');
    expect(Y.decodeUpdate(first.updates[0]!).structs[0]).toHaveProperty(
      'parent.client',
      server.clientID,
    );
    expect(check(first.updates[0]!)).toMatch(/^updateRejected: The update builds on state only/);
    nested.insert(0, 'server text');
    const second = newClient();
    // After server characters: the origin is a server struct.
    const mirror = second.doc.getMap('accord').get('notes') as Y.Text;
    mirror.insert(mirror.length, '!');
    expect(Y.decodeUpdate(second.updates[0]!).structs[0]).toHaveProperty(
      'origin.client',
      server.clientID,
    );
    expect(check(second.updates[0]!)).toMatch(/^updateRejected: The update builds on state only/);
  });

  it('refuses deleting a live server struct, accepts repeating deletions the server made', async () => {
    const { server, newClient, check } = setup();
    server.getMap('accord').set('op-1', { version: 1 });
    server.getMap('accord').set('op-1', { version: 2 });
    server.getMap('accord').set('op-2', { version: 1 });
    const client = newClient();
    client.doc.getMap('accord').delete('op-2');
    expect(check(client.updates[0]!)).toMatch(/^updateRejected: The update deletes state only/);
    // A fresh client's step 2 carries every deletion it knows of: op-1's first value.
    const returning = new Y.Doc();
    Y.applyUpdate(returning, Y.encodeStateAsUpdate(server));
    returning.getXmlFragment(DRAFT_FRAGMENT).insert(0, [new Y.XmlText('hello')]);
    const stepTwo = Y.encodeStateAsUpdate(returning, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(stepTwo).ds.clients.has(server.clientID)).toBe(true);
    expect(check(stepTwo)).toBe('accepted');
  });
});
