import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { LIMITS } from '@accord/shared/protocol/limits';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type UpdateValidationContext, validateUpdate } from './UpdateValidator';

const ALICE = 'user-alice';
const BOB = 'user-bob';

/** A client document whose every local change is collected as one update. */
function clientDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') updates.push(update);
  });
  return { doc, updates };
}

function receive(doc: Y.Doc, update: Uint8Array): void {
  Y.applyUpdate(doc, update, 'remote');
}

function context(
  doc: Y.Doc,
  userId = ALICE,
  owners: Map<number, string> = new Map(),
): UpdateValidationContext {
  return {
    doc,
    userId,
    ownerOf: (clientId) => owners.get(clientId),
    hasLiveServerStruct: () => false,
    check: () => undefined,
  };
}

function rejection(result: ReturnType<typeof validateUpdate>): string | undefined {
  return result.ok ? undefined : result.error.reason;
}

describe('validateUpdate accepts', () => {
  it('a new change from an unbound client id, which the sender will own', async () => {
    const server = new Y.Doc();
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    const result = validateUpdate(alice.updates[0]!, context(server));
    expect(result).toEqual({
      ok: true,
      value: { novel: true, unboundClientIds: [alice.doc.clientID] },
    });
  });

  it('a change from a client id already bound to the sender, without binding it again', async () => {
    const server = new Y.Doc();
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    receive(server, alice.updates[0]!);
    alice.doc.getText(DRAFT_FRAGMENT).insert(5, ' world');
    const owners = new Map([[alice.doc.clientID, ALICE]]);
    const result = validateUpdate(alice.updates[1]!, context(server, ALICE, owners));
    expect(result).toEqual({ ok: true, value: { novel: true, unboundClientIds: [] } });
  });

  it('an update the document already holds, as a no-op', async () => {
    const server = new Y.Doc();
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    receive(server, alice.updates[0]!);
    const result = validateUpdate(alice.updates[0]!, context(server, BOB));
    expect(result).toEqual({ ok: true, value: { novel: false, unboundClientIds: [] } });
  });

  it('a deletion of known text as new, and the same deletion again as a no-op', async () => {
    const server = new Y.Doc();
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    receive(server, alice.updates[0]!);
    alice.doc.getText(DRAFT_FRAGMENT).delete(0, 2);
    const deletion = alice.updates[1]!;
    expect(validateUpdate(deletion, context(server, BOB))).toMatchObject({
      ok: true,
      value: { novel: true },
    });
    receive(server, deletion);
    expect(validateUpdate(deletion, context(server, BOB))).toMatchObject({
      ok: true,
      value: { novel: false },
    });
  });

  it('a sync step 2 that builds on another client of the same update', async () => {
    const server = new Y.Doc();
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    const bob = clientDoc();
    receive(bob.doc, alice.updates[0]!);
    bob.doc.getText(DRAFT_FRAGMENT).insert(5, '!');
    const stepTwo = Y.encodeStateAsUpdate(bob.doc, Y.encodeStateVector(server));
    const result = validateUpdate(stepTwo, context(server, BOB));
    expect(result.ok && [...result.value.unboundClientIds].sort()).toEqual(
      [alice.doc.clientID, bob.doc.clientID].sort(),
    );
  });

  it('an update that overlaps what the document already holds', async () => {
    const server = new Y.Doc();
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    alice.doc.getText(DRAFT_FRAGMENT).insert(5, ' world');
    receive(server, alice.updates[0]!);
    const both = Y.mergeUpdates(alice.updates);
    const owners = new Map([[alice.doc.clientID, ALICE]]);
    expect(validateUpdate(both, context(server, ALICE, owners))).toEqual({
      ok: true,
      value: { novel: true, unboundClientIds: [] },
    });
  });

  it('an empty update, as a no-op', async () => {
    const result = validateUpdate(Y.encodeStateAsUpdate(new Y.Doc()), context(new Y.Doc()));
    expect(result).toEqual({ ok: true, value: { novel: false, unboundClientIds: [] } });
  });
});

describe('validateUpdate rejects (S1, S2, S6)', () => {
  it('an update larger than the limit', async () => {
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'x'.repeat(LIMITS.maxUpdateBytes + 1));
    expect(rejection(validateUpdate(alice.updates[0]!, context(new Y.Doc())))).toBe(
      'messageTooLarge',
    );
  });

  it('garbage bytes', async () => {
    const garbage = Uint8Array.of(5, 1, 2);
    expect(rejection(validateUpdate(garbage, context(new Y.Doc())))).toBe('malformedMessage');
    const unknownContent = Uint8Array.of(1, 1, 7, 0, 31, 0, 0);
    expect(rejection(validateUpdate(unknownContent, context(new Y.Doc())))).toBe(
      'malformedMessage',
    );
  });

  it('a change whose earlier changes of the same client the server never saw', async () => {
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    alice.doc.getText(DRAFT_FRAGMENT).insert(5, ' world');
    expect(rejection(validateUpdate(alice.updates[1]!, context(new Y.Doc())))).toBe(
      'missingDependencies',
    );
  });

  it('an update with a gap (skip struct)', async () => {
    const alice = clientDoc();
    for (const word of ['one', 'two', 'three']) alice.doc.getText(DRAFT_FRAGMENT).insert(0, word);
    const withGap = Y.mergeUpdates([alice.updates[0]!, alice.updates[2]!]);
    expect(Y.decodeUpdate(withGap).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    expect(rejection(validateUpdate(withGap, context(new Y.Doc())))).toBe('missingDependencies');
  });

  it('an item whose origin the server never saw', async () => {
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    const bob = clientDoc();
    receive(bob.doc, alice.updates[0]!);
    bob.doc.getText(DRAFT_FRAGMENT).insert(5, '!');
    const item = Y.decodeUpdate(bob.updates[0]!).structs[0];
    expect(item instanceof Y.Item && item.origin?.client).toBe(alice.doc.clientID);
    expect(rejection(validateUpdate(bob.updates[0]!, context(new Y.Doc(), BOB)))).toBe(
      'missingDependencies',
    );
  });

  it('an item whose parent the server never saw', async () => {
    const alice = clientDoc();
    alice.doc.getXmlFragment('default').insert(0, [new Y.XmlElement('clause')]);
    const bob = clientDoc();
    receive(bob.doc, alice.updates[0]!);
    const clause = bob.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    clause.insert(0, [new Y.XmlText('typed into an empty clause')]);
    const item = Y.decodeUpdate(bob.updates[0]!).structs[0];
    expect(item instanceof Y.Item && item.origin === null && item.parent instanceof Y.ID).toBe(
      true,
    );
    expect(rejection(validateUpdate(bob.updates[0]!, context(new Y.Doc(), BOB)))).toBe(
      'missingDependencies',
    );
  });

  it('a deletion of a range the server never saw', async () => {
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    const bob = clientDoc();
    receive(bob.doc, alice.updates[0]!);
    bob.doc.getText(DRAFT_FRAGMENT).delete(0, 3);
    expect(Y.decodeUpdate(bob.updates[0]!).structs).toHaveLength(0);
    expect(rejection(validateUpdate(bob.updates[0]!, context(new Y.Doc(), BOB)))).toBe(
      'missingDependencies',
    );
  });

  it('a client listed twice', async () => {
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'one');
    alice.doc.getText(DRAFT_FRAGMENT).insert(3, 'two');
    // A single-client update with no deletions is: 1, <client list>, 0 (empty delete set).
    const lists = alice.updates.map((update) => update.subarray(1, update.length - 1));
    const twice = Uint8Array.from([2, ...lists[0]!, ...lists[1]!, 0]);
    expect(rejection(validateUpdate(twice, context(new Y.Doc())))).toBe('malformedMessage');
  });

  it('a change by a client id bound to another user', async () => {
    const alice = clientDoc();
    alice.doc.getText(DRAFT_FRAGMENT).insert(0, 'hello');
    const owners = new Map([[alice.doc.clientID, ALICE]]);
    expect(rejection(validateUpdate(alice.updates[0]!, context(new Y.Doc(), BOB, owners)))).toBe(
      'foreignClientId',
    );
  });

  it('a change continuing the client id the server seeded the document with', async () => {
    const seed = new Y.Doc();
    seed.getText(DRAFT_FRAGMENT).insert(0, 'seeded');
    const server = new Y.Doc();
    receive(server, Y.encodeStateAsUpdate(seed));
    const mallory = clientDoc();
    receive(mallory.doc, Y.encodeStateAsUpdate(seed));
    mallory.doc.clientID = seed.clientID;
    mallory.doc.getText(DRAFT_FRAGMENT).insert(6, ' and forged');
    expect(rejection(validateUpdate(mallory.updates[0]!, context(server, BOB)))).toBe(
      'foreignClientId',
    );
  });
});
