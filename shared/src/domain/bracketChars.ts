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
