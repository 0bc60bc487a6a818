import { describe, expect, it } from 'vitest';
import { type DiffPart, diffWordCounts, redlineParts, wordDiffParts } from './wordDiff';

function render(parts: readonly DiffPart[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'inserted') return `{+${part.text}+}`;
      if (part.kind === 'deleted') return `[-${part.text}-]`;
      if (part.kind === 'elided') return `…(${part.words})…`;
      return part.text;
    })
    .join('');
}

describe('wordDiffParts', () => {
  it('marks inserted and deleted words', () => {
    const parts = wordDiffParts(
      'Agree to consult [at least ninety days] before tariffs;',
      'Agree to consult at least sixty days before tariffs;',
    );
    expect(parts.some((part) => part.kind === 'inserted' && part.text.includes('sixty'))).toBe(
      true,
    );
    expect(parts.some((part) => part.kind === 'deleted' && part.text.includes('ninety'))).toBe(
      true,
    );
    expect(diffWordCounts(parts)).toEqual({ inserted: 1, deleted: 1 });
  });

  it('keeps the whole text of a short clause around the change', () => {
    expect(render(wordDiffParts('Decide to meet again.', 'Decide to meet again in Ottawa.'))).toBe(
      'Decide to meet again {+in Ottawa+}.',
    );
  });

  it('shortens long unchanged stretches to the words next to the change', () => {
    const lead = Array.from({ length: 30 }, (_, index) => `w${index}`).join(' ');
    const rendered = render(wordDiffParts(`${lead} end.`, `${lead} new end.`));
    expect(rendered.startsWith('…(22)…')).toBe(true);
    expect(rendered).toContain('w29 {+new +}end.');
    expect(rendered).not.toContain('w21 ');
  });

  it('shows a text with no change as it is, and nothing for an empty one', () => {
    expect(wordDiffParts('Same text.', 'Same text.')).toEqual([
      { kind: 'same', text: 'Same text.' },
    ]);
    expect(wordDiffParts('', '')).toEqual([]);
  });

  it('shows a clause written from nothing as one insertion', () => {
    const parts = wordDiffParts('', 'Welcome the offer of Canada.');
    expect(parts).toEqual([{ kind: 'inserted', text: 'Welcome the offer of Canada.' }]);
    expect(diffWordCounts(parts)).toEqual({ inserted: 5, deleted: 0 });
  });
});

describe('redlineParts', () => {
  it('keeps the whole text, so that the redline reads as the clause does', () => {
    const before =
      'Agree to consult one another [at least ninety days] before imposing new tariffs on goods traded within the region, and to favour negotiated solutions;';
    const after =
      'Agree to consult one another sixty days before imposing new tariffs on goods traded within the region, and to favour negotiated solutions;';
    const parts = redlineParts(before, after);
    expect(parts.every((part) => part.kind !== 'elided')).toBe(true);
    expect(render(parts)).toBe(
      'Agree to consult one another [-[at least ninety-]{+sixty+} days[-]-] before imposing new tariffs on goods traded within the region, and to favour negotiated solutions;',
    );
    const rebuilt = (kind: 'inserted' | 'deleted') =>
      parts
        .filter((part) => part.kind === 'same' || part.kind === kind)
        .map((part) => ('text' in part ? part.text : ''))
        .join('');
    expect(rebuilt('deleted')).toBe(before);
    expect(rebuilt('inserted')).toBe(after);
  });
});
