/** FNV-1a 64-bit offset basis. */
const FNV_OFFSET = 0xcbf29ce484222325n;

/** FNV-1a 64-bit prime. */
const FNV_PRIME = 0x100000001b3n;

/**
 * The UTF-8 bytes of a string, one code point at a time. Written out because `shared` runs in
 * the browser and in Node without assuming either's globals (`TextEncoder`). A lone surrogate
 * is encoded as U+FFFD, as `TextEncoder` does.
 */
function* utf8Bytes(text: string): Generator<number> {
  for (const char of text) {
    let code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) {
      yield code;
    } else if (code < 0x800) {
      yield 0xc0 | (code >> 6);
      yield 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      yield 0xe0 | (code >> 12);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    } else {
      yield 0xf0 | (code >> 18);
      yield 0x80 | ((code >> 12) & 0x3f);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    }
  }
}

/**
 * The hash a stated position is bound to: FNV-1a 64 over the clause's plain text in UTF-8, as
 * 16 lowercase hex digits. Formatting (bold, italic) is not part of the text, so it does not
 * clear positions. Not a cryptographic hash: it only detects that the text changed, and only
 * the server computes the hashes it stores.
 */
export function clauseTextHash(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of utf8Bytes(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * FNV_PRIME);
  }
  return hash.toString(16).padStart(16, '0');
}
