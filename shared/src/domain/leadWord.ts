/**
 * The length of the lead word of a preambular clause ("Recognizing", "Noting"), which
 * communiqués set in italics, at the start of `text`; 0 when the clause starts blank or with
 * something that is not a word. The editor and every export use this one rule.
 */
export function leadWordLength(text: string): number {
  const match = /^[\p{L}\p{M}'’-]+/u.exec(text);
  return match ? match[0].length : 0;
}
