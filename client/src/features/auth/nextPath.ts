/** Where the sign-in page lives. */
export const LOGIN_PATH = '/login';

/**
 * The path to return to after signing in, from an untrusted `?next=` value: only a path on this
 * origin (so a crafted link cannot bounce a fresh session to another site), never the sign-in
 * page itself; anything else gives the home page.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw === LOGIN_PATH || raw.startsWith(`${LOGIN_PATH}?`) || raw.startsWith(`${LOGIN_PATH}/`)) {
    return '/';
  }
  return raw;
}

/** The sign-in page's address that comes back to `currentPath` afterwards. */
export function loginPathFor(currentPath: string): string {
  const next = safeNextPath(currentPath);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}
