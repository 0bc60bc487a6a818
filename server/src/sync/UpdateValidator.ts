import { LIMITS } from '@accord/shared/protocol/limits';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { DecodedUpdate } from './DocumentPlugin';
import { deletesSomethingNew, deletionWalkBudget } from './deleteSetNovelty';
import { checkServerOwnedState, type ServerOwnedStateContext } from './serverOwnedState';
import { dependenciesOf } from './structDependencies';
import type { SyncRejection, SyncResult } from './syncTypes';

/** What the validator needs to know about the document and the sender. */
export interface UpdateValidationContext extends ServerOwnedStateContext {
  /** The server's document; read only (its state vector and struct store), never cloned. */
  doc: Y.Doc;
  /** The user who sent the update. */
  userId: string;
  /** The user (or `SERVER_AUTHOR`) a Yjs client id is bound to, if any (S6). */
  ownerOf(clientId: number): string | undefined;
  /**
   * The document plugins' rules (`DocumentPlugin.check`: locks, brackets), run once the update
   * is known to decode and integrate fully and to leave server-owned state alone: a refusal, or
   * undefined to let it through.
   */
  check(decoded: DecodedUpdate): SyncRejection | undefined;
}

/** A valid update, and what committing it involves. */
export interface ValidatedUpdate {
  /** False when the document already holds everything in it: nothing to store or broadcast. */
  novel: boolean;
  /** Client ids that author new structs and are bound to nobody yet: bind them to the sender. */
  unboundClientIds: number[];
}

type Struct = DecodedUpdate['structs'][number];

/** The structs of one client in an update, in clock order, and how many were walked. */
interface ClientStructs {
  structs: (Y.Item | Y.GC)[];
  next: number;
}

function reject(
  reason: SyncRejection['reason'],
  message: string,
): { ok: false; error: SyncRejection } {
  return { ok: false, error: { reason, message } };
}

/**
 * Checks one untrusted Yjs update (v1) before it is applied, stored or broadcast (S2): size
 * (S1), decoding, no missing dependencies (S2: nothing may stay pending in the server's
 * document, which would then diverge from the log forever), nothing touching server-owned state
 * (S3, `checkServerOwnedState`), the document plugins' rules (`context.check`: locks L2, brackets
 * B2), and client ids bound to the sender (S6).
 * Costs O(update size): it reads the document's state per client and, to spot no-op updates,
 * at most a bounded number of the document's structs.
 */
export function validateUpdate(
  update: Uint8Array,
  context: UpdateValidationContext,
): SyncResult<ValidatedUpdate> {
  if (update.byteLength > LIMITS.maxUpdateBytes) {
    return reject('messageTooLarge', `Update exceeds ${LIMITS.maxUpdateBytes} bytes.`);
  }
  let decoded: DecodedUpdate;
  let listedClients: number;
  try {
    // A v1 update starts with the number of client lists that follow.
    listedClients = decoding.readVarUint(decoding.createDecoder(update));
    decoded = Y.decodeUpdate(update);
  } catch {
    return reject('malformedMessage', 'Update could not be decoded.');
  }
  const grouped = groupByClient(decoded.structs, listedClients);
  if (!grouped.ok) return grouped;
  const store = context.doc.store;
  const stateBefore = (clientId: number) => Y.getState(store, clientId);
  const extended = integrationFrontier(grouped.value, stateBefore);
  if (!extended.ok) return extended;
  const frontier = extended.value;
  for (const [clientId, ranges] of decoded.ds.clients) {
    const known = frontier.get(clientId) ?? stateBefore(clientId);
    for (const range of ranges) {
      if (range.clock + range.len > known) {
        return reject('missingDependencies', 'Update deletes content the server has never seen.');
      }
    }
  }
  const serverOwned = checkServerOwnedState(decoded, stateBefore, context);
  if (!serverOwned.ok) return serverOwned;
  const refusal = context.check(decoded);
  if (refusal !== undefined) return { ok: false, error: refusal };
  const authors = checkAuthors(grouped.value, stateBefore, context);
  if (!authors.ok) return authors;
  const novel =
    authors.value.authorsNewStructs ||
    deletesSomethingNew(context.doc, decoded.ds, deletionWalkBudget(update));
  return { ok: true, value: { novel, unboundClientIds: authors.value.unbound } };
}

/**
 * Groups structs by client, refusing Skip structs (gaps) and a client listed twice or with no
 * structs: Yjs keeps only the last list of a client, so an earlier one would be stored but never
 * applied, and the later one would stay pending.
 */
function groupByClient(
  structs: readonly Struct[],
  listedClients: number,
): SyncResult<Map<number, ClientStructs>> {
  const groups = new Map<number, ClientStructs>();
  let previous: Struct | undefined;
  for (const struct of structs) {
    if (struct instanceof Y.Skip) {
      return reject('missingDependencies', 'Update has a gap (skip struct).');
    }
    const clientId = struct.id.client;
    const group = groups.get(clientId);
    if (group === undefined) {
      groups.set(clientId, { structs: [struct], next: 0 });
    } else if (
      previous !== undefined &&
      previous.id.client === clientId &&
      previous.id.clock + previous.length === struct.id.clock
    ) {
      group.structs.push(struct);
    } else {
      return reject('malformedMessage', 'Update lists a client twice.');
    }
    previous = struct;
  }
  if (groups.size !== listedClients) {
    return reject('malformedMessage', 'Update lists a client twice or with no changes.');
  }
  return { ok: true, value: groups };
}

/**
 * Replays, without integrating anything, the order in which Yjs would integrate the update's
 * structs (a stack of waiting clients, as in Yjs' `integrateStructs`), and refuses the update as
 * soon as a struct would be left pending: a gap before a client's first struct, a dependency
 * neither in the document nor in the update, a dependency on a later struct of its own client,
 * or a dependency cycle between clients. Each struct is integrated or rejected once: O(update).
 * Returns each client's state after the update (the "extended state vector").
 */
function integrationFrontier(
  groups: Map<number, ClientStructs>,
  stateBefore: (clientId: number) => number,
): SyncResult<Map<number, number>> {
  const frontier = new Map<number, number>();
  const stateOf = (clientId: number) => frontier.get(clientId) ?? stateBefore(clientId);
  for (const start of groups.keys()) {
    const stack: number[] = [start];
    const waiting = new Set<number>(stack);
    while (stack.length > 0) {
      const clientId = stack[stack.length - 1]!;
      const group = groups.get(clientId)!;
      const struct = group.structs[group.next];
      if (struct === undefined) {
        stack.pop();
        waiting.delete(clientId);
        continue;
      }
      if (struct.id.clock > stateOf(clientId)) {
        return reject('missingDependencies', 'Update skips changes the server has never seen.');
      }
      const blocker = dependenciesOf(struct).find((id) =>
        id.client === clientId ? id.clock >= struct.id.clock : id.clock >= stateOf(id.client),
      );
      if (blocker === undefined) {
        frontier.set(clientId, Math.max(stateOf(clientId), struct.id.clock + struct.length));
        group.next += 1;
        if (stack.length > 1) {
          // Back to the struct that was waiting for this one.
          stack.pop();
          waiting.delete(clientId);
        }
        continue;
      }
      const supplier = groups.get(blocker.client);
      if (
        blocker.client === clientId ||
        supplier === undefined ||
        supplier.next >= supplier.structs.length ||
        waiting.has(blocker.client)
      ) {
        return reject(
          'missingDependencies',
          'Update depends on changes the server has never seen.',
        );
      }
      stack.push(blocker.client);
      waiting.add(blocker.client);
    }
  }
  return { ok: true, value: frontier };
}

/**
 * Every client id that authors new structs must be bound to the sender, or to nobody yet. A
 * struct the document already holds may come from anyone: a client's sync step 2 can race with
 * an update it just received from another user. A client id that already has structs in the
 * document but no owner was written by the server itself (the seed), so no user may take it.
 */
function checkAuthors(
  groups: Map<number, ClientStructs>,
  stateBefore: (clientId: number) => number,
  context: UpdateValidationContext,
): SyncResult<{ authorsNewStructs: boolean; unbound: number[] }> {
  const unbound: number[] = [];
  let authorsNewStructs = false;
  for (const [clientId, group] of groups) {
    const last = group.structs[group.structs.length - 1]!;
    const state = stateBefore(clientId);
    if (last.id.clock + last.length <= state) continue;
    authorsNewStructs = true;
    const owner = context.ownerOf(clientId);
    if (owner === context.userId) continue;
    if (owner !== undefined || state > 0) {
      return reject('foreignClientId', `Client id ${clientId} belongs to another author.`);
    }
    unbound.push(clientId);
  }
  return { ok: true, value: { authorsNewStructs, unbound } };
}
