import { describe, expect, it } from 'vitest';
import { PARTY_CODES } from './delegations';
import {
  allPartiesAgree,
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

describe('allPartiesAgree', () => {
  it('holds only when all five agree, not ad referendum', () => {
    expect(allPartiesAgree(positions('agree'))).toBe(true);
    expect(allPartiesAgree(positions('agree', { code: 'SV', position: 'agreeAdRef' }))).toBe(false);
    const four = positions('agree');
    delete four.GT;
    expect(allPartiesAgree(four)).toBe(false);
  });
});

describe('lockReasonRequired', () => {
  it('always for unlocking; for locking unless all five agree', () => {
    expect(lockReasonRequired(false, positions('agree'))).toBe(true);
    expect(lockReasonRequired(true, positions('agree'))).toBe(false);
    expect(lockReasonRequired(true, positions('agree', { code: 'MX', position: 'object' }))).toBe(
      true,
    );
    expect(lockReasonRequired(true, {})).toBe(true);
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
