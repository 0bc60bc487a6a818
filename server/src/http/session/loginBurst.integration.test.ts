import { LIMITS } from '@accord/shared/protocol/limits';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type RunningTestServer, startTestServer } from '../../testing/testServer';

/**
 * Issue 13, part 4: a burst of concurrent sign-ins is held to the same limits as guesses sent
 * one after another — per account and per client address — because each attempt takes its
 * slot before the slow password check. Real concurrent HTTP requests against the real server.
 */

const servers: RunningTestServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(): Promise<RunningTestServer> {
  const server = await startTestServer();
  servers.push(server);
  return server;
}

const BURST = 24;

const TOO_MANY = {
  error: {
    code: 'too_many_attempts',
    message: 'Too many failed sign-ins. Please wait and try again later.',
  },
};

function login(
  server: RunningTestServer,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify({ username, password }),
  });
}

/** Fires every request at once; resolves when the first is refused with 429 (or all are in). */
function burst(requests: Promise<Response>[]): {
  statuses: Promise<number[]>;
  firstRefusal: Promise<void>;
} {
  const statuses = Promise.all(requests.map(async (request) => (await request).status));
  const firstRefusal = Promise.race([
    statuses.then(() => {}),
    ...requests.map(
      (request) =>
        new Promise<void>((resolve) => {
          void request.then((response) => {
            if (response.status === 429) resolve();
          });
        }),
    ),
  ]);
  return { statuses, firstRefusal };
}

function count(statuses: number[], status: number): number {
  return statuses.filter((s) => s === status).length;
}

describe('a burst of concurrent sign-ins', () => {
  it('against one account checks no more passwords than the limit, and refuses the right one inside it', async () => {
    const server = await start();
    // Each guess claims another source address: the server does not trust the header, and the
    // account's limit holds whatever the address.
    const guesses = burst(
      Array.from({ length: BURST }, (_, i) =>
        login(server, 'sv.delegate', `wrong-${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` }),
      ),
    );
    await guesses.firstRefusal;
    // The right password, while the burst's guesses are still being checked.
    const right = await login(server, 'sv.delegate', DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(await right.json()).toEqual(TOO_MANY);
    expect(right.headers.get('set-cookie')).toBeNull();
    const statuses = await guesses.statuses;
    expect(count(statuses, 401)).toBe(LIMITS.loginFailuresPerAccount);
    expect(count(statuses, 429)).toBe(BURST - LIMITS.loginFailuresPerAccount);
    // Other accounts from the same address are not locked out by one account's burst.
    expect((await login(server, 'gt.delegate', DEMO_PASSWORD)).status).toBe(200);
  });

  it('spraying many accounts from one address checks no more than the address limit', async () => {
    const server = await start();
    const sprayed = burst(
      Array.from({ length: BURST }, (_, i) => login(server, `guess-${i}`, 'password123')),
    );
    await sprayed.firstRefusal;
    const right = await login(server, 'mx.delegate', DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(await right.json()).toEqual(TOO_MANY);
    const statuses = await sprayed.statuses;
    expect(count(statuses, 401)).toBe(LIMITS.loginFailuresPerAddress);
    expect(count(statuses, 429)).toBe(BURST - LIMITS.loginFailuresPerAddress);
  });

  it("a right password inside a burst signs in but leaves the burst's failures counted", async () => {
    const server = await start();
    const wrong = LIMITS.loginFailuresPerAccount - 1;
    const statuses = await Promise.all(
      [
        ...Array.from({ length: wrong }, (_, i) => login(server, 'ca.delegate', `wrong-${i}`)),
        login(server, 'ca.delegate', DEMO_PASSWORD),
      ].map(async (request) => (await request).status),
    );
    expect(statuses.sort()).toEqual([200, ...Array<number>(wrong).fill(401)]);
    // One slot is left of the account's limit, not the whole limit.
    expect((await login(server, 'ca.delegate', 'one-more-guess')).status).toBe(401);
    const after = await login(server, 'ca.delegate', DEMO_PASSWORD);
    expect(after.status).toBe(429);
  });
});
