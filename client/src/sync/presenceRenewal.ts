import type { Awareness } from 'y-protocols/awareness';

/**
 * y-protocols renews a page's presence every 15 s from a timer, and every other page forgets a
 * presence not renewed for 30 s. A background tab's timers may run once a minute (Chrome's
 * intensive throttling), so its person would flicker out for everyone; network events are not
 * throttled, so the page also renews on each message from the server (a keepalive every 2 s).
 */
export const RENEW_AFTER_MS = 15_000;

/** Renews the page's own presence if it is older than `RENEW_AFTER_MS`; whether it did. */
export function renewIfStale(awareness: Awareness, now: number): boolean {
  const state = awareness.getLocalState();
  const meta = awareness.meta.get(awareness.clientID);
  if (state === null || meta === undefined || now - meta.lastUpdated < RENEW_AFTER_MS) {
    return false;
  }
  awareness.setLocalState(state);
  return true;
}
