import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { expect } from 'vitest';
import type * as Y from 'yjs';
import {
  type Attacker,
  clauseElement,
  clauseFingerprint,
  closedWith,
  isLockedIn,
  openAttacker,
  setLock,
} from './lockTestKit';
import type { RunningTestServer } from './testServer';
import {
  type Client,
  demoDocumentId,
  openClient,
  providerSocket,
  recordUpdates,
  roundTrip,
  startServer,
  storedDoc,
  until,
} from './wsTestClients';

/**
 * The scene of the lock attack suite (L2): a real server with OP3 locked by the Chair, an
 * honest witness that sees the lock, and a raw attacker; and what "intact" means afterwards.
 */

/** OP3 of the seeded draft. */
export const LOCKED = 'op-supply-chains';
/** OP4, left unlocked. */
export const UNLOCKED = 'op-jobs';

export interface Scene {
  server: RunningTestServer;
  witness: Client;
  attacker: Attacker;
  before: string;
  unlockedBefore: string;
  seen: Uint8Array[];
  stored: number;
}

export async function lockedScene(): Promise<Scene> {
  const { server } = await startServer();
  expect((await setLock(server, LOCKED, true)).status).toBe(200);
  const witness = await openClient(server, 'us.delegate');
  await until(() => isLockedIn(witness.doc, LOCKED), 'the witness sees the lock');
  const attacker = await openAttacker(server);
  return {
    server,
    witness,
    attacker,
    before: clauseFingerprint(witness.doc, LOCKED),
    unlockedBefore: clauseFingerprint(witness.doc, UNLOCKED),
    seen: recordUpdates(witness.doc),
    stored: (await server.storage.updates.stats(demoDocumentId(server))).updates,
  };
}

/** Every replica and SQLite still hold the clause as it was; nothing was stored or seen. */
export async function expectIntact(scene: Scene): Promise<void> {
  const { server, witness } = scene;
  await roundTrip(providerSocket(witness), witness.doc);
  expect(scene.seen).toEqual([]);
  expect(clauseFingerprint(witness.doc, LOCKED)).toBe(scene.before);
  expect(clauseFingerprint(witness.doc, UNLOCKED)).toBe(scene.unlockedBefore);
  const stored = await storedDoc(server);
  expect(clauseFingerprint(stored, LOCKED)).toBe(scene.before);
  expect(stored.store.pendingStructs).toBeNull();
  expect((await server.storage.updates.stats(demoDocumentId(server))).updates).toBe(scene.stored);
  const fresh = await openClient(server, 'ca.delegate');
  expect(clauseFingerprint(fresh.doc, LOCKED)).toBe(scene.before);
  expect(clauseFingerprint(fresh.doc, UNLOCKED)).toBe(scene.unlockedBefore);
  expect(fresh.doc.store.pendingStructs).toBeNull();
  expect(witness.closes).toEqual([]);
}

/** Sends a crafted change and expects the lock refusal, naming the clause and the Chair. */
export async function expectLockRefusal(scene: Scene, change: (doc: Y.Doc) => void): Promise<void> {
  scene.attacker.send(scene.attacker.craft(change));
  const closed = await closedWith(scene.attacker.socket);
  expect(closed.code).toBe(CLOSE_CODES.clauseLocked);
  expect(closed.reason).toContain('OP3 is locked by the Chair');
  await expectIntact(scene);
}

/**
 * Replaces, inside the transaction that set it, the content of an attribute just written, so
 * that the update carries the value in another content type (what a modified client could send).
 */
export function swapAttributeContent(
  element: Y.XmlElement,
  key: string,
  content: Y.Item['content'],
) {
  const item = element._map.get(key);
  if (item === undefined || item.length !== content.getLength()) throw new Error('No such value.');
  item.content = content;
  expect(element.getAttribute(key)).toBe(LOCKED);
}

export function fragmentIndexOf(doc: Y.Doc, clauseId: string): number {
  return doc.getXmlFragment(DRAFT_FRAGMENT).toArray().indexOf(clauseElement(doc, clauseId));
}
