import { describe, expect, it } from 'vitest';
import { PARTY_CODES } from './delegations';
import type { ClausePositions, Position } from './positions';
import { clauseStatus, countClauses, hasBrackets } from './status';

function all(position: Position): ClausePositions {
  return Object.fromEntries(
    PARTY_CODES.map((code) => [code, { position, textHash: 'h', userId: 'u', at: 0 }]),
  );
}

describe('clauseStatus', () => {
  it('is agreed only when all five parties agree', () => {
    expect(clauseStatus({ locked: false, bracketed: false, positions: all('agree') })).toBe(
      'agreed',
    );
    const four = all('agree');
    delete four.GT;
    expect(clauseStatus({ locked: false, bracketed: false, positions: four })).toBe('open');
  });

  it('is agreed ad ref when every party agrees and one only ad referendum', () => {
    const positions = all('agree');
    positions.SV = { position: 'agreeAdRef', textHash: 'h', userId: 'u', at: 0 };
    expect(clauseStatus({ locked: false, bracketed: false, positions })).toBe('agreedAdRef');
  });

  it('is open when anyone reserves or objects', () => {
    const positions = all('agree');
    positions.MX = { position: 'object', textHash: 'h', userId: 'u', at: 0 };
    expect(clauseStatus({ locked: false, bracketed: false, positions })).toBe('open');
  });

  it('puts brackets before agreement, and a lock before everything', () => {
    expect(clauseStatus({ locked: false, bracketed: true, positions: all('agree') })).toBe(
      'bracketed',
    );
    expect(clauseStatus({ locked: true, bracketed: true, positions: {} })).toBe('locked');
  });
});

describe('hasBrackets', () => {
  it('sees an opening or closing square bracket', () => {
    expect(hasBrackets('Agree [ninety days] before')).toBe(true);
    expect(hasBrackets('Agree ninety days before')).toBe(false);
  });
});

describe('countClauses', () => {
  it('counts every status and the total', () => {
    expect(countClauses(['agreed', 'open', 'agreed', 'bracketed'])).toEqual({
      total: 4,
      open: 1,
      bracketed: 1,
      agreedAdRef: 0,
      agreed: 2,
      locked: 0,
    });
    expect(countClauses([]).total).toBe(0);
  });
});
