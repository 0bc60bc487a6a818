/**
 * A bracket is a literal '[' … ']' in a clause's text, so that status and exports see it. Who
 * asked for it is recorded by the server against the Yjs id of its opening '[' character, as a
 * key `"<client>:<clock>"` of `ClauseMeta.brackets`.
 */

/** The Yjs id of one character of text. */
export interface CharId {
  client: number;
  clock: number;
}

/** The `ClauseMeta.brackets` key of the character with this Yjs id. */
export function bracketCharKey(id: CharId): string {
  return `${id.client}:${id.clock}`;
}

/** The Yjs id a `ClauseMeta.brackets` key names, or null when the key is not one. */
export function parseBracketCharKey(key: string): CharId | null {
  const match = /^(\d+):(\d+)$/.exec(key);
  if (match === null) return null;
  const client = Number(match[1]);
  const clock = Number(match[2]);
  if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock)) return null;
  return { client, clock };
}

/**
 * The index in `text` of the ']' that closes the '[' at `open`, counting nested pairs, or null
 * when it is never closed. Brackets are pairs: both characters belong to whoever asked for the
 * '[' (the server and the editor decide the pair with this one rule).
 */
export function closingBracketOf(text: string, open: number): number | null {
  if (text[open] !== '[') return null;
  let depth = 0;
  for (let index = open + 1; index < text.length; index++) {
    if (text[index] === '[') depth += 1;
    else if (text[index] === ']') {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return null;
}

/** The index in `text` of the '[' that the ']' at `close` closes, or null when there is none. */
export function openingBracketOf(text: string, close: number): number | null {
  if (text[close] !== ']') return null;
  let depth = 0;
  for (let index = close - 1; index >= 0; index--) {
    if (text[index] === ']') depth += 1;
    else if (text[index] === '[') {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return null;
}

/** How many '[' of `text` are never closed, and how many ']' close nothing (by the pair rule). */
export function unbalancedBrackets(text: string): { unclosed: number; unopened: number } {
  let open = 0;
  let unopened = 0;
  for (const char of text) {
    if (char === '[') open += 1;
    else if (char === ']') {
      if (open > 0) open -= 1;
      else unopened += 1;
    }
  }
  return { unclosed: open, unopened };
}
