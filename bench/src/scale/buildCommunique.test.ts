import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clausesOf } from '../load/draftModel';
import { buildCommunique } from './buildCommunique';
import { readHistoryFile, writeHistoryFile } from './historyFile';

describe('buildCommunique', () => {
  const history = buildCommunique({ clauses: 20, edits: 2_000, authors: 5 });

  it('makes the asked number of clauses from the asked number of edits, one update each', () => {
    expect(history.clauses).toBe(20);
    expect(history.updates).toHaveLength(2_000);
    const authors = new Set(history.updates.map((entry) => entry.author));
    expect(authors).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it('replays, update by update, into exactly its final state', () => {
    const doc = new Y.Doc();
    for (const { update } of history.updates) Y.applyUpdate(doc, update);
    expect(clausesOf(doc)).toHaveLength(20);
    const final = new Y.Doc();
    Y.applyUpdate(final, history.state);
    expect(doc.getXmlFragment('default').toString()).toBe(
      final.getXmlFragment('default').toString(),
    );
    expect(doc.store.pendingStructs).toBeNull();
  });

  it('survives a round trip through a history file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-bench-history-'));
    try {
      const file = join(dir, 'history.bin');
      writeHistoryFile(file, history);
      const read = readHistoryFile(file);
      expect(read.authorClientIds).toEqual(history.authorClientIds);
      expect(read.state).toEqual(history.state);
      expect(read.updates).toEqual(history.updates);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
