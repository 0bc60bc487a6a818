import { LockedClauseIndex } from '@accord/server/src/clauses/LockedClauseIndex';
import { lockedClauseTouched } from '@accord/server/src/clauses/lockedClauseCheck';
import { validateUpdate } from '@accord/server/src/sync/UpdateValidator';
import { seededRandom } from '@accord/shared/testing/seededRandom';
import * as Y from 'yjs';
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
    // No clause is locked and no bracket owned in this history: the plugins' checks pass.
    check: () => undefined,
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

/** Validation cost with and without locked clauses, at one document size. */
export interface LockedValidationCost {
  clauses: number;
  /** Microseconds per call with no clause locked. */
  unlocked: LatencySummary;
  /** Microseconds per call with every other clause locked (keystrokes in the others). */
  locked: LatencySummary;
}

/**
 * Times `validateUpdate` on one-keystroke updates into random clauses of every other clause (the
 * odd ones), first with no clause locked, then with every even clause locked, so that each
 * update's origins are looked up in the locked-clause index. Both runs time the same updates.
 */
export function measureLockedValidationCost(
  history: CommuniqueHistory,
  count: number,
): LockedValidationCost {
  const client = new Y.Doc();
  Y.applyUpdate(client, history.state);
  const clauseElements = () =>
    client
      .getXmlFragment('default')
      .toArray()
      .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
  const free = clauseElements().filter((_element, index) => index % 2 === 1);
  const random = seededRandom(11);
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < count + WARMUP_UPDATES; index++) {
    const text = free[Math.floor(random() * free.length)]?.get(0);
    if (text instanceof Y.XmlText) text.insert(Math.floor(random() * (text.length + 1)), 'x');
  }
  client.destroy();
  const run = (lock: boolean) => {
    const server = new Y.Doc();
    Y.applyUpdate(server, history.state);
    const owners = new Map<number, string>(
      history.authorClientIds.map((clientId, index) => [clientId, `author-${index}`]),
    );
    const locks = new LockedClauseIndex();
    if (lock) {
      const elements = server
        .getXmlFragment('default')
        .toArray()
        .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
      locks.rebuild(
        elements
          .filter((_element, index) => index % 2 === 0)
          .map((element, index) => ({ clauseId: `locked-${index}`, elements: [element] })),
      );
    }
    const context = {
      doc: server,
      userId: 'bench-user',
      ownerOf: (clientId: number) => owners.get(clientId),
      hasLiveServerStruct: () => false,
      // The lock rule's check (`LockRule`), without the refusal's wording.
      check: (decoded: ReturnType<typeof Y.decodeUpdate>) =>
        lockedClauseTouched(decoded, server, locks) === undefined
          ? undefined
          : { reason: 'clauseLocked' as const, message: 'locked' },
    };
    const samples: number[] = [];
    updates.forEach((update, index) => {
      const start = performance.now();
      const result = validateUpdate(update, context);
      const elapsed = performance.now() - start;
      if (!result.ok) throw new Error(`validation refused a valid update: ${result.error.message}`);
      for (const clientId of result.value.unboundClientIds) owners.set(clientId, 'bench-user');
      Y.applyUpdate(server, update);
      if (index >= WARMUP_UPDATES) samples.push(elapsed * 1000);
    });
    server.destroy();
    return summarise(samples);
  };
  // Warm the JIT on both paths before timing either.
  run(true);
  const unlocked = run(false);
  const locked = run(true);
  return { clauses: history.clauses, unlocked, locked };
}
