import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLAUSE_META_ROOT,
  type ClauseMeta,
  clauseMetaMap,
  emptyClauseMeta,
  parseClauseMeta,
  readClauseMeta,
} from './clauseMeta';

const meta: ClauseMeta = {
  proposer: { delegation: 'MX', userId: 'u-mx', at: 1 },
  positions: { US: { position: 'agree', textHash: 'h1', userId: 'u-us', at: 2 } },
  cleared: [
    {
      delegation: 'CA',
      position: 'reserve',
      at: 3,
      reason: 'textChanged',
      byDelegation: 'MX',
      byUserId: 'u-mx',
    },
  ],
  textHash: 'h1',
};

describe('parseClauseMeta', () => {
  it('accepts a well-formed entry and an empty one', () => {
    expect(parseClauseMeta(meta)).toEqual({ ok: true, value: meta });
    expect(parseClauseMeta(emptyClauseMeta('h'))).toEqual({
      ok: true,
      value: emptyClauseMeta('h'),
    });
  });

  it('refuses unknown positions, delegations and shapes', () => {
    expect(
      parseClauseMeta({ ...meta, positions: { US: { ...meta.positions.US, position: 'veto' } } })
        .ok,
    ).toBe(false);
    expect(parseClauseMeta({ ...meta, positions: { CHAIR: meta.positions.US } }).ok).toBe(false);
    expect(
      parseClauseMeta({ ...meta, proposer: { delegation: 'XX', userId: 'u', at: 1 } }).ok,
    ).toBe(false);
    expect(parseClauseMeta('meta').ok).toBe(false);
    expect(parseClauseMeta(null).ok).toBe(false);
  });

  it('accepts brackets by delegation and refuses malformed ones', () => {
    const bracketed = { ...meta, brackets: { '7:3': { delegation: 'MX', userId: 'u-mx', at: 4 } } };
    expect(parseClauseMeta(bracketed)).toEqual({ ok: true, value: bracketed });
    expect(
      parseClauseMeta({ ...meta, brackets: { '7:3': { delegation: 'XX', userId: 'u', at: 4 } } })
        .ok,
    ).toBe(false);
    expect(parseClauseMeta({ ...meta, brackets: [] }).ok).toBe(false);
  });
});

describe('readClauseMeta', () => {
  it('reads an entry from the root map named CLAUSE_META_ROOT, null when absent or unreadable', () => {
    const doc = new Y.Doc();
    doc.getMap(CLAUSE_META_ROOT).set('op-1', meta);
    doc.getMap(CLAUSE_META_ROOT).set('op-2', { nonsense: true });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readClauseMeta(clauseMetaMap(copy), 'op-1')).toEqual(meta);
    expect(readClauseMeta(clauseMetaMap(copy), 'op-2')).toBeNull();
    expect(readClauseMeta(clauseMetaMap(copy), 'op-3')).toBeNull();
  });
});
