import { describe, expect, it } from 'vitest';
import { PARTY_CODES } from './delegations';
import type { ClausePositions, Position } from './positions';
import {
  clauseAgreed,
  clauseStatus,
  contestingParties,
  countClauses,
  hasBrackets,
  statusWords,
} from './status';

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

  it('is objected when any party objects, reserved when any reserves and none objects', () => {
    const positions = all('agree');
    positions.MX = { position: 'reserve', textHash: 'h', userId: 'u', at: 0 };
    expect(clauseStatus({ locked: false, bracketed: false, positions })).toBe('reserved');
    positions.SV = { position: 'object', textHash: 'h', userId: 'u', at: 0 };
    expect(clauseStatus({ locked: false, bracketed: false, positions })).toBe('objected');
    // Issue 14: an objection and a reservation and nothing else never read "Open".
    const only = { SV: positions.SV, MX: positions.MX };
    expect(clauseStatus({ locked: false, bracketed: false, positions: only })).toBe('objected');
  });

  it('is open while positions are missing and nobody stands against the text', () => {
    const positions = { US: all('agree').US };
    expect(clauseStatus({ locked: false, bracketed: false, positions })).toBe('open');
    expect(clauseStatus({ locked: false, bracketed: false, positions: {} })).toBe('open');
  });

  it('puts a stand against the text before brackets, brackets before agreement, a lock first', () => {
    expect(clauseStatus({ locked: false, bracketed: true, positions: all('agree') })).toBe(
      'bracketed',
    );
    expect(clauseStatus({ locked: false, bracketed: true, positions: all('reserve') })).toBe(
      'reserved',
    );
    expect(clauseStatus({ locked: true, bracketed: true, positions: all('object') })).toBe(
      'locked',
    );
  });
});

describe('statusWords', () => {
  const stated = (position: Position) => ({ position, textHash: 'h', userId: 'u', at: 0 });

  it('names who objects and who reserves, in the parties’ order', () => {
    const positions: ClausePositions = { SV: stated('object'), MX: stated('reserve') };
    expect(statusWords('objected', positions)).toBe('Objection: SV · Reserved: MX');
    expect(statusWords('reserved', { MX: stated('reserve') })).toBe('Reserved: MX');
    expect(
      statusWords('objected', { GT: stated('object'), US: stated('object'), CA: stated('agree') }),
    ).toBe('Objections: US, GT');
    expect(statusWords('reserved', { GT: stated('reserve'), MX: stated('reserve') })).toBe(
      'Reserved: MX, GT',
    );
  });

  it('gives the other statuses their word', () => {
    expect(statusWords('bracketed', { SV: stated('object') })).toBe('Bracketed');
    expect(statusWords('agreedAdRef', {})).toBe('Agreed ad ref.');
    expect(statusWords('locked', { SV: stated('object') })).toBe('Locked');
  });

  it('lists the contesting parties', () => {
    expect(contestingParties({ SV: stated('object'), MX: stated('reserve') })).toEqual({
      objecting: ['SV'],
      reserving: ['MX'],
    });
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
    expect(countClauses(['agreed', 'open', 'agreed', 'bracketed', 'objected'])).toEqual({
      total: 5,
      objected: 1,
      reserved: 0,
      bracketed: 1,
      open: 1,
      agreedAdRef: 0,
      agreed: 2,
      locked: 0,
    });
    expect(countClauses([]).total).toBe(0);
  });
});

describe('clauseAgreed', () => {
  it('holds when all five plainly agree with text that has no brackets and no alternatives', () => {
    expect(clauseAgreed({ text: 'Agreed words.', alternatives: [], positions: all('agree') })).toBe(
      true,
    );
    expect(
      clauseAgreed({ text: 'Agreed words.', alternatives: [], positions: all('agreeAdRef') }),
    ).toBe(false);
  });

  it('does not hold while brackets or alternatives are open, whatever the positions', () => {
    expect(clauseAgreed({ text: 'Words [open.', alternatives: [], positions: all('agree') })).toBe(
      false,
    );
    expect(clauseAgreed({ text: 'Words.', alternatives: [{}], positions: all('agree') })).toBe(
      false,
    );
  });
});
