import * as Y from 'yjs';
import { attempt } from '../outcome';
import type { ServerKind } from '../servers/childProtocol';
import type { ScaleSettings } from '../settings';
import { accordScale } from './accordScale';
import { buildCommunique, type CommuniqueHistory } from './buildCommunique';
import { hocuspocusScale } from './hocuspocusScale';
import type { ScaleResults } from './scaleTypes';
import {
  type LockedValidationCost,
  measureLockedValidationCost,
  measureValidationCost,
  type ValidationCost,
} from './validationCost';

/** The id of the large draft, on every server. */
export const LARGE_DRAFT_ID = 'bench-communique';

/** Runs the document-scale part: Accord and Hocuspocus on the same history, then validation cost. */
export async function runScale(
  settings: ScaleSettings,
  scripts: Partial<Record<ServerKind, string>>,
  log: (line: string) => void,
): Promise<{ results: ScaleResults; history: CommuniqueHistory }> {
  const buildStart = performance.now();
  const history = buildCommunique(settings);
  const buildMs = performance.now() - buildStart;
  log(
    `scale: ${history.updates.length} edits → ${history.clauses} clauses in ${buildMs.toFixed(0)} ms`,
  );
  warmClientSide(history);
  const copies = Array.from(
    { length: settings.copies },
    (_, index) => `${LARGE_DRAFT_ID}-copy-${index + 1}`,
  );
  const accordScript = scripts.accord;
  const accord = await attempt(async () => {
    if (accordScript === undefined) throw new Error('Accord was not part of this run');
    return accordScale(accordScript, history, LARGE_DRAFT_ID, copies);
  });
  log(`scale: Accord ${accord.ok ? 'done' : `failed: ${accord.error}`}`);
  const hocuspocusScript = scripts.hocuspocus;
  const hocuspocus = await attempt(async () => {
    if (hocuspocusScript === undefined) throw new Error('Hocuspocus was not part of this run');
    return hocuspocusScale(hocuspocusScript, history, LARGE_DRAFT_ID, copies);
  });
  log(`scale: Hocuspocus ${hocuspocus.ok ? 'done' : `failed: ${hocuspocus.error}`}`);
  const validation = await attempt(async () => validationCosts(settings, history));
  log(`scale: validation ${validation.ok ? 'done' : `failed: ${validation.error}`}`);
  const lockedValidation = await attempt(async () => lockedValidationCosts(settings, history));
  log(
    `scale: locked validation ${lockedValidation.ok ? 'done' : `failed: ${lockedValidation.error}`}`,
  );
  return {
    history,
    results: {
      clauses: history.clauses,
      edits: history.updates.length,
      authors: settings.authors,
      buildMs,
      historyBytes: history.updates.reduce((sum, entry) => sum + entry.update.byteLength, 0),
      stateBytes: history.state.byteLength,
      accord,
      hocuspocus,
      validation,
      lockedValidation,
    },
  };
}

/**
 * Every first sync ends with the client applying the whole document: apply it here first, so
 * that the server measured first is not charged for compiling the client's code paths.
 */
function warmClientSide(history: CommuniqueHistory): void {
  for (let round = 0; round < 2; round++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, history.state);
    doc.destroy();
  }
}

/**
 * Validation cost at each size, on documents built the same way (100 edits a clause); the
 * largest reuses the main history. A first pass warms the JIT so the smallest size is not
 * charged for compiling the validator.
 */
async function validationCosts(
  settings: ScaleSettings,
  main: CommuniqueHistory,
): Promise<ValidationCost[]> {
  const historyOf = (clauses: number) =>
    clauses === main.clauses
      ? main
      : buildCommunique({ clauses, edits: clauses * 100, authors: settings.authors });
  const smallest = Math.min(...settings.validationSizes);
  measureValidationCost(historyOf(smallest), settings.validationUpdates);
  return settings.validationSizes.map((clauses) =>
    measureValidationCost(historyOf(clauses), settings.validationUpdates),
  );
}

/** Validation cost with half the clauses locked, next to none, at each size (issue 4). */
async function lockedValidationCosts(
  settings: ScaleSettings,
  main: CommuniqueHistory,
): Promise<LockedValidationCost[]> {
  return settings.validationSizes.map((clauses) =>
    measureLockedValidationCost(
      clauses === main.clauses
        ? main
        : buildCommunique({ clauses, edits: clauses * 100, authors: settings.authors }),
      settings.validationUpdates,
    ),
  );
}
