import { describe, expect, it } from 'vitest';
import { expectGolden } from '../testing/goldenFile';
import { sampleDraftDoc } from '../testing/sampleDrafts';
import { comparedLabel, compareRevisions, filterComparison } from './compareRevisions';
import { renderCompareHtml } from './renderCompare';
import type { RevisionClause, RevisionContent } from './revisions';
import { revisionContent } from './revisions';
import { formatCountdown, parseZonedDeadline } from './silence';

function clause(
  id: string,
  label: string,
  text: string,
  extra: Partial<RevisionClause> = {},
): RevisionClause {
  return {
    id,
    kind: label.startsWith('PP') ? 'preambular' : 'operative',
    label,
    text,
    pieces: [{ type: 'text', text, bold: false, italic: false }],
    proposer: null,
    brackets: [],
    alternatives: [],
    positions: {},
    lock: null,
    ...extra,
  };
}

const REV1: RevisionContent = {
  title: 'Joint Communiqué',
  clauses: [
    clause('pp-a', 'PP1', 'Recognizing that prosperity is shared,'),
    clause('op-a', 'OP1', 'Commit to promote investment in the region;'),
    clause('op-b', 'OP2', 'Agree to consult [at least ninety days] before new tariffs;', {
      brackets: ['GT'],
      positions: { US: 'agree', MX: 'reserve' },
    }),
    clause('op-c', 'OP3', 'Resolve to expand vocational training;', { proposer: 'SV' }),
    clause('op-d', 'OP4', 'Decide to meet again within six months.'),
  ],
};

const REV2: RevisionContent = {
  title: 'Joint Communiqué',
  clauses: [
    clause('pp-a', 'PP1', 'Recognizing that prosperity is shared,'),
    clause('op-new', 'OP1', 'Welcome a regional investment fund;', { proposer: 'MX' }),
    clause('op-a', 'OP2', 'Commit to promote investment in the region;'),
    clause('op-b', 'OP3', 'Agree to consult at least sixty days before new tariffs;', {
      positions: { US: 'agree', MX: 'agree' },
      alternatives: [
        { id: 'alt-1', text: 'Agree to consult before new tariffs;', delegation: 'CA' },
      ],
    }),
    clause('op-d', 'OP4', 'Decide to meet again within six months.', {
      lock: { delegation: 'CHAIR', reason: null },
    }),
  ],
};

const SIDES = {
  from: { name: 'Rev.1', symbol: 'ACCORD/2025/L.1/Rev.1', at: Date.UTC(2026, 10, 28, 16, 0) },
  to: { name: 'Rev.2', symbol: 'ACCORD/2025/L.1/Rev.2', at: Date.UTC(2026, 10, 29, 14, 5) },
};

const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);

describe('compareRevisions', () => {
  const comparison = compareRevisions(REV1, REV2, SIDES);

  it('classifies by clause id: added, deleted, moved or renumbered, modified', () => {
    expect(comparison.clauses.map((c) => [c.id, c.change, comparedLabel(c)])).toEqual([
      ['pp-a', 'unchanged', 'PP1'],
      ['op-new', 'added', 'OP1 (new)'],
      ['op-a', 'moved', 'OP2, formerly OP1'],
      ['op-b', 'modified', 'OP3, formerly OP2'],
      ['op-c', 'deleted', 'formerly OP3 (deleted)'],
      ['op-d', 'unchanged', 'OP4'],
    ]);
    expect(comparison.counts).toEqual({
      added: 1,
      deleted: 1,
      modified: 1,
      moved: 1,
      unchanged: 2,
    });
  });

  it('lists bracket, alternative, position and lock changes per clause', () => {
    const byId = new Map(comparison.clauses.map((c) => [c.id, c]));
    expect(byId.get('op-b')?.notes).toEqual([
      'Brackets removed (GT): 1',
      'Alternative proposed by CA: “Agree to consult before new tariffs;”',
      'MX: Reserve → Agree',
    ]);
    expect(byId.get('op-d')?.notes).toEqual(['Locked by the Chair']);
  });

  it('matches its golden JSON and HTML', () => {
    expectGolden(golden('compare-rev1-rev2.json'), `${JSON.stringify(comparison, null, 2)}\n`);
    expectGolden(
      golden('compare-rev1-rev2.html'),
      renderCompareHtml(comparison, 'America/New_York'),
    );
  });

  it('writes its notes, labels and boilerplate in Spanish and French (goldens), the text as typed', () => {
    for (const locale of ['es', 'fr'] as const) {
      const translated = compareRevisions(REV1, REV2, SIDES, locale);
      expect(translated.clauses.map((c) => c.redline)).toEqual(
        comparison.clauses.map((c) => c.redline),
      );
      expectGolden(
        golden(`compare-rev1-rev2.${locale}.html`),
        renderCompareHtml(translated, 'America/New_York', locale),
      );
    }
    const spanish = compareRevisions(REV1, REV2, SIDES, 'es');
    const byId = new Map(spanish.clauses.map((c) => [c.id, c]));
    expect(byId.get('op-b')?.notes).toEqual([
      'Corchetes suprimidos (GT): 1',
      'Variante propuesta por CA: «Agree to consult before new tariffs;»',
      'MX: Se reserva → De acuerdo',
    ]);
    expect(comparedLabel(byId.get('op-a')!, 'fr')).toBe('OP2, anciennement OP1');
  });

  it('narrows to the clauses a delegation proposed or holds a position on', () => {
    expect(filterComparison(comparison, 'MX').clauses.map((c) => c.id)).toEqual(['op-new', 'op-b']);
    expect(filterComparison(comparison, 'SV').clauses.map((c) => c.id)).toEqual(['op-c']);
  });

  it('finds nothing to show between a content and itself', () => {
    const same = compareRevisions(REV2, REV2, SIDES);
    expect(same.counts).toEqual({ added: 0, deleted: 0, modified: 0, moved: 0, unchanged: 5 });
    expect(same.clauses.every((c) => c.notes.length === 0)).toBe(true);
  });
});

describe('revisionContent', () => {
  it('reads every clause with an id: label, text, bracket owners, positions, lock', () => {
    const content = revisionContent(sampleDraftDoc(), 'Fallback');
    expect(content.clauses.length).toBeGreaterThan(3);
    expect(new Set(content.clauses.map((c) => c.id)).size).toBe(content.clauses.length);
    expect(content.clauses.some((c) => c.brackets.length > 0)).toBe(true);
    expect(content.clauses[0]?.label).toMatch(/^(PP|OP)1$/);
  });
});

describe('parseZonedDeadline', () => {
  it("reads a wall-clock time on the negotiation's clock, as UTC", () => {
    expect(parseZonedDeadline('2026-12-05T17:00', 'America/New_York')).toEqual({
      ok: true,
      value: Date.UTC(2026, 11, 5, 22, 0),
    });
    expect(parseZonedDeadline('2026-07-05 17:00', 'America/New_York')).toEqual({
      ok: true,
      value: Date.UTC(2026, 6, 5, 21, 0),
    });
    expect(parseZonedDeadline('2026-12-05T17:00', 'UTC')).toEqual({
      ok: true,
      value: Date.UTC(2026, 11, 5, 17, 0),
    });
  });

  it('refuses what is not a date and time', () => {
    expect(parseZonedDeadline('tomorrow', 'UTC').ok).toBe(false);
    expect(parseZonedDeadline('2026-02-30T10:00', 'UTC').ok).toBe(false);
    expect(parseZonedDeadline('2026-12-05T24:30', 'UTC').ok).toBe(false);
  });

  it("says why in the requester's language (W1)", () => {
    expect(parseZonedDeadline('tomorrow', 'America/Mexico_City', 'es')).toEqual({
      ok: false,
      error:
        'Indique el plazo como fecha y hora según el reloj de la negociación (America/Mexico_City), por ejemplo 2026-12-05T17:00.',
    });
    expect(parseZonedDeadline('2026-02-30T10:00', 'UTC', 'fr')).toEqual({
      ok: false,
      error: '2026-02-30T10:00 n’est pas une date et une heure valides.',
    });
    expect(parseZonedDeadline('2026-02-30T10:00', 'UTC')).toEqual({
      ok: false,
      error: '2026-02-30T10:00 is not a real date and time.',
    });
  });

  it('counts down in words', () => {
    expect(formatCountdown(65_000)).toBe('1 min 05 s');
    expect(formatCountdown(-5)).toBe('0 s');
    expect(formatCountdown(3_723_000)).toBe('1 h 02 min 03 s');
    expect(formatCountdown(90_060_000)).toBe('1 d 1 h 01 min');
    expect(formatCountdown(90_060_000, 'es')).toBe('1 d 1 h 01 min');
    expect(formatCountdown(90_060_000, 'fr')).toBe('1 j 1 h 01 min');
  });
});
