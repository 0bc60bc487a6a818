import { LockedClauseIndex } from '@accord/server/src/clauses/LockedClauseIndex';
import { validateUpdate } from '@accord/server/src/sync/UpdateValidator';
import * as Y from 'yjs';
import { seededRandom } from '../load/random';
import { type LatencySummary, summarise } from '../load/stats';
import { Typist } from '../load/typist';
import type { CommuniqueHistory } from './buildCommunique';

/** The cost of Accord's update validation at one document size. */
export interface ValidationCost {
  clauses: number;
  /** Microseconds per `validateUpdate` call on a one-keystroke update. */
  micros: LatencySummary;
}

const WARMUP_UPDATES = 300;

/**
 * Times Accord's `validateUpdate` (server/src/sync/UpdateValidator.ts) on `count` one-keystroke
 * updates typed into random clauses of a document built from `history`. Each update is applied
 * to the server document after it is timed, so every one is a fresh, valid change, as on the
 * live path. Only the validator is timed: not decoding frames, storage or broadcast.
 */
export function measureValidationCost(history: CommuniqueHistory, count: number): ValidationCost {
  const server = new Y.Doc();
  Y.applyUpdate(server, history.state);
  const owners = new Map<number, string>(
    history.authorClientIds.map((clientId, index) => [clientId, `author-${index}`]),
  );
  const client = new Y.Doc();
  Y.applyUpdate(client, history.state);
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === null) updates.push(update);
  });
  const typist = new Typist(client, {
    charsPerSecond: 5,
    random: seededRandom(7),
    onTyped: () => undefined,
  });
  for (let index = 0; index < count + WARMUP_UPDATES; index++) typist.keystrokeNow();
  const userId = 'bench-user';
  const context = {
    doc: server,
    userId,
    ownerOf: (clientId: number) => owners.get(clientId),
    // This history has no server-written structs, so the server-owned-state rule checks each
    // struct's owner and never needs the live-struct index.
    hasLiveServerStruct: () => false,
    // No brackets are owned in this history: every delete range is allowed.
    mayDeleteRange: () => true,
    locks: new LockedClauseIndex(),
    lockedRefusal: () => 'locked',
  };
  const samples: number[] = [];
  updates.forEach((update, index) => {
    const start = performance.now();
    const result = validateUpdate(update, context);
    const elapsed = performance.now() - start;
    if (!result.ok) throw new Error(`validation refused a valid update: ${result.error.message}`);
    for (const clientId of result.value.unboundClientIds) owners.set(clientId, userId);
    Y.applyUpdate(server, update);
    if (index >= WARMUP_UPDATES) samples.push(elapsed * 1000);
  });
  client.destroy();
  server.destroy();
  return { clauses: history.clauses, micros: summarise(samples) };
}
