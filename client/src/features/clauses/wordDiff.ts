import { diffWords } from 'diff';

/** One run of a word diff: kept, inserted or deleted text, or kept text left out for length. */
export type DiffPart =
  | { kind: 'same' | 'inserted' | 'deleted'; text: string }
  | { kind: 'elided'; words: number };

/** Unchanged runs longer than this many words are shortened around the change. */
const CONTEXT_WORDS = 8;

function words(text: string): string[] {
  return text.split(/(\s+)/).filter((token) => token !== '');
}

/** Words in a text; brackets and punctuation on their own are not words. */
function wordCount(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * Shortens a long unchanged run to the words next to the changes: the end of a leading run,
 * the start of a trailing one, both ends of a run between two changes.
 */
function elide(text: string, keepStart: boolean, keepEnd: boolean): DiffPart[] {
  const tokens = words(text);
  const wordIndexes = tokens.flatMap((token, index) => (/\S/.test(token) ? [index] : []));
  const budget = (keepStart ? CONTEXT_WORDS : 0) + (keepEnd ? CONTEXT_WORDS : 0);
  if (wordIndexes.length <= budget + CONTEXT_WORDS / 2) return [{ kind: 'same', text }];
  const headEnd = keepStart ? (wordIndexes[CONTEXT_WORDS] ?? tokens.length) : 0;
  const tailStart = keepEnd
    ? (wordIndexes[wordIndexes.length - CONTEXT_WORDS] ?? 0)
    : tokens.length;
  const parts: DiffPart[] = [];
  if (headEnd > 0) parts.push({ kind: 'same', text: tokens.slice(0, headEnd).join('') });
  parts.push({ kind: 'elided', words: wordCount(tokens.slice(headEnd, tailStart).join('')) });
  if (tailStart < tokens.length) {
    parts.push({ kind: 'same', text: tokens.slice(tailStart).join('') });
  }
  return parts;
}

/**
 * The change from `before` to `after` word by word (the `diff` package's `diffWords`), for the
 * clause history. Long unchanged stretches are cut to the words around each change, so that an
 * entry shows what changed rather than the whole clause again.
 */
export function wordDiffParts(before: string, after: string): DiffPart[] {
  const changes = diffWords(before, after);
  if (changes.every((change) => !change.added && !change.removed)) {
    return after === '' ? [] : [{ kind: 'same', text: after }];
  }
  const parts: DiffPart[] = [];
  changes.forEach((change, index) => {
    if (change.added) parts.push({ kind: 'inserted', text: change.value });
    else if (change.removed) parts.push({ kind: 'deleted', text: change.value });
    else parts.push(...elide(change.value, index > 0, index < changes.length - 1));
  });
  return parts;
}

/**
 * A redline of `after` against `before`, word by word and whole (nothing left out): what a
 * moderator reads before a wording replaces a clause.
 */
export function redlineParts(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same',
    text: change.value,
  }));
}

/** How many words a diff inserts and deletes ("+3 −1"); a bracket alone is no word. */
export function diffWordCounts(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.kind === 'inserted') inserted += wordCount(part.text);
    if (part.kind === 'deleted') deleted += wordCount(part.text);
  }
  return { inserted, deleted };
}
