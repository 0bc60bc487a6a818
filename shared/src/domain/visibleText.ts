/**
 * Characters that show nothing: white space, format characters (zero-width space and joiners,
 * direction marks, the byte-order mark…) and the blank letters and symbols some fonts draw as
 * nothing (Hangul fillers, the blank Braille pattern).
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/**
 * Whether a text shows anything at all: a reason or a message made only of invisible
 * characters reads as empty to everyone, so it counts as empty.
 */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}
