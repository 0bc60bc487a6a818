import { describe, expect, it } from 'vitest';
import { PARTY_CODES } from './delegations';
import {
  LOCK_REASON_MAX_CHARS,
  lockedClauseRefusal,
  lockReasonRequired,
  parseLockReason,
} from './locks';
import type { ClausePositions, Position } from './positions';

function positions(position: Position, except?: { code: string; position: Position }) {
  const result: ClausePositions = {};
  for (const code of PARTY_CODES) {
    result[code] = {
      position: code === except?.code ? except.position : position,
      textHash: 'h',
      userId: code,
      at: 1,
    };
  }
  return result;
}

describe('lockReasonRequired (L3)', () => {
  const clause = (text: string, agreement: ClausePositions, alternatives: unknown[] = []) => ({
    text,
    alternatives,
    positions: agreement,
  });
  it('always for unlocking; for locking unless the clause is agreed', () => {
    expect(lockReasonRequired(false, clause('Agreed text;', positions('agree')))).toBe(true);
    expect(lockReasonRequired(true, clause('Agreed text;', positions('agree')))).toBe(false);
    expect(
      lockReasonRequired(
        true,
        clause('Agreed text;', positions('agree', { code: 'MX', position: 'object' })),
      ),
    ).toBe(true);
    expect(
      lockReasonRequired(
        true,
        clause('Agreed text;', positions('agree', { code: 'SV', position: 'agreeAdRef' })),
      ),
    ).toBe(true);
    expect(lockReasonRequired(true, clause('Agreed text;', {}))).toBe(true);
  });
  it('for locking a clause all five agree with that still has brackets or alternatives', () => {
    expect(
      lockReasonRequired(true, clause('Consult [at least ninety days];', positions('agree'))),
    ).toBe(true);
    expect(
      lockReasonRequired(true, clause('Agreed text;', positions('agree'), [{ id: 'alt' }])),
    ).toBe(true);
  });
});

describe('parseLockReason', () => {
  it('trims, requires text when asked and bounds its length', () => {
    expect(parseLockReason('  agreed in plenary ', true)).toEqual({
      ok: true,
      value: 'agreed in plenary',
    });
    expect(parseLockReason('   ', true).ok).toBe(false);
    // A reason nobody can see is no reason.
    expect(parseLockReason('\u200b\u200d', true).ok).toBe(false);
    expect(parseLockReason('\u200b', false)).toEqual({ ok: true, value: null });
    expect(parseLockReason(undefined, false)).toEqual({ ok: true, value: null });
    expect(parseLockReason('x'.repeat(LOCK_REASON_MAX_CHARS + 1), false).ok).toBe(false);
  });
});

describe('lockedClauseRefusal', () => {
  it('names the clause and who locked it, and fits a WebSocket close reason', () => {
    const message = lockedClauseRefusal('OP10', { delegation: 'CHAIR' });
    expect(message).toContain('OP10 is locked by the Chair');
    expect(message).toContain('other clauses');
    expect(new TextEncoder().encode(message).byteLength).toBeLessThanOrEqual(123);
    expect(
      new TextEncoder().encode(lockedClauseRefusal('PP10', { delegation: 'SV' })).byteLength,
    ).toBeLessThanOrEqual(123);
  });
});
