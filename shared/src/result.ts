/**
 * The one result shape of anything that can fail in an expected way (untrusted input, a refused
 * command): the caller must look at `ok` before it can reach the value, and nothing is thrown.
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

/** A success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failure. */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
