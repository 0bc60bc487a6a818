import { readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../seed/demo';
import { type ApiReply, apiRequest } from './apiClient';
import { type RunningTestServer, signIn } from './testServer';
import {
  demoDocumentId,
  openRawSocket,
  type RawSocket,
  storedDoc,
  syncStep2Frame,
  syncUpdateFrame,
  until,
} from './wsTestClients';

/**
 * Helpers for the lock tests: locking through the real HTTP API, and an attacker that speaks
 * raw Yjs over a real WebSocket, crafting updates on its own copy of the draft.
 */

/** Locks or unlocks a clause as a user (the Chair by default) through the HTTP API. */
export async function setLock(
  server: RunningTestServer,
  clauseId: string,
  locked: boolean,
  reason: string | null = 'Agreed in plenary',
  username = 'chair',
): Promise<ApiReply> {
  const cookie = await signIn(server, username, DEMO_PASSWORD);
  return apiRequest(
    server,
    cookie,
    'PUT',
    `/api/documents/${demoDocumentId(server)}/clauses/${clauseId}/lock`,
    { locked, reason },
  );
}

/** The clause element with this id in a document. */
export function clauseElement(doc: Y.Doc, clauseId: string): Y.XmlElement {
  for (const node of doc.getXmlFragment(DRAFT_FRAGMENT).toArray()) {
    if (node instanceof Y.XmlElement && node.getAttribute('id') === clauseId) return node;
  }
  throw new Error(`Clause ${clauseId} is not in this document.`);
}

/** How many elements carry a clause id (a duplicate would impersonate it). */
export function clauseCount(doc: Y.Doc, clauseId: string): number {
  return doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .filter((node) => node instanceof Y.XmlElement && node.getAttribute('id') === clauseId).length;
}

/**
 * A clause exactly as a replica holds it: element, attributes, text and formatting (XML), and
 * the Yjs ids of its element and text items, so that a delete + re-insert of the same text is
 * told apart.
 */
export function clauseFingerprint(doc: Y.Doc, clauseId: string): string {
  const element = clauseElement(doc, clauseId);
  const ids: string[] = [];
  const walk = (type: Y.AbstractType<unknown>) => {
    for (let item = type._start; item !== null; item = item.right) {
      ids.push(`${item.id.client}:${item.id.clock}${item.deleted ? 'd' : ''}`);
      if (item.content instanceof Y.ContentType) walk(item.content.type as Y.AbstractType<unknown>);
    }
  };
  walk(element as unknown as Y.AbstractType<unknown>);
  const item = element._item;
  return `${item?.id.client}:${item?.id.clock} ${element.toString()} [${ids.join(',')}] x${clauseCount(doc, clauseId)}`;
}

/** Whether a document's meta shows the clause locked. */
export function isLockedIn(doc: Y.Doc, clauseId: string): boolean {
  return (readClauseMeta(doc.getMap('accord'), clauseId)?.lock ?? null) !== null;
}

/** An attacker: a raw socket and its own copy of the draft, whose updates it sends by hand. */
export interface Attacker {
  socket: RawSocket;
  doc: Y.Doc;
  /** Makes a change on the attacker's doc and returns the update it produced (not sent). */
  craft(change: (doc: Y.Doc) => void): Uint8Array;
  send(update: Uint8Array): void;
}

/** Opens a raw socket as a user, with a copy of the draft as SQLite holds it now. */
export async function openAttacker(
  server: RunningTestServer,
  username = 'mx.delegate',
): Promise<Attacker> {
  const socket = await openRawSocket(server, username);
  // Answers the server's step 1 as a stock client does: what follows is "live" traffic (S2).
  socket.ws.send(syncStep2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(await storedDoc(server)));
  return {
    socket,
    doc,
    craft(change) {
      const updates: Uint8Array[] = [];
      const record = (update: Uint8Array) => updates.push(update);
      doc.on('update', record);
      Y.transact(doc, () => change(doc));
      doc.off('update', record);
      return Y.mergeUpdates(updates);
    },
    send(update) {
      socket.ws.send(syncUpdateFrame(update));
    },
  };
}

/** Waits for the server to close a raw socket and returns the code and reason. */
export async function closedWith(socket: RawSocket): Promise<{ code: number; reason: string }> {
  let result: { code: number; reason: string } | undefined;
  void socket.closed.then((closed) => {
    result = closed;
  });
  await until(() => result !== undefined, 'the server closes the attacker');
  return result!;
}
