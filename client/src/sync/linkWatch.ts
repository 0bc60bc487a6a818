/**
 * The server sends every socket a keepalive every 2 s (server/src/sync/Liveness.ts). A socket
 * that has brought nothing for this long is dead though the browser has not noticed (a network
 * that vanished without a reset): the page says it is reconnecting instead of "connected".
 */
export const SERVER_SILENCE_MS = 8_000;

/** How often the page looks at its socket's last message. */
export const LINK_CHECK_MS = 2_000;

/** Whether an open socket has been silent too long to be trusted. */
export function isLinkSilent(connected: boolean, lastMessageAt: number, now: number): boolean {
  return connected && lastMessageAt > 0 && now - lastMessageAt > SERVER_SILENCE_MS;
}
