import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/memory/MemoryStorage';
import { LoginThrottle } from './loginThrottle';
import { hashPassword } from './password';
import { SessionManager, sessionIdOf } from './sessions';
import { signIn } from './signIn';

const PASSWORD = 'a long enough password';
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function setup() {
  const storage = new MemoryStorage();
  await storage.users.create({ id: 'u1', username: 'mx', displayName: 'MX', passwordHash });
  const deps = {
    users: storage.users,
    sessions: new SessionManager(storage),
    throttle: new LoginThrottle({ perAccount: 3, perAddress: 100, windowMs: 60_000 }),
  };
  return { storage, deps };
}

describe('signIn', () => {
  it('opens a session for the right password', async () => {
    const { storage, deps } = await setup();
    const result = await signIn(deps, { username: 'mx', password: PASSWORD }, '10.0.0.1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.user.id).toBe('u1');
    expect(await storage.sessions.byId(sessionIdOf(result.value.token))).toEqual(
      result.value.session,
    );
  });

  it('fails alike for a wrong password, an unknown user and a disabled user', async () => {
    const { storage, deps } = await setup();
    const attempt = (username: string, password: string) =>
      signIn(deps, { username, password }, '10.0.0.1');
    expect(await attempt('mx', 'wrong password!')).toEqual({
      ok: false,
      error: 'invalid_credentials',
    });
    expect(await attempt('nobody', PASSWORD)).toEqual({ ok: false, error: 'invalid_credentials' });
    await storage.users.setDisabled('u1', true);
    expect(await attempt('mx', PASSWORD)).toEqual({ ok: false, error: 'invalid_credentials' });
  });

  it('spends argon2 time on unknown users too', async () => {
    const { deps } = await setup();
    const fastest = async (username: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await signIn(deps, { username, password: 'wrong password!' }, `addr-${username}-${i}`);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    // argon2id with 19 MiB takes several milliseconds on any machine; without the dummy
    // verification an unknown user would be answered in a small fraction of one.
    expect(await fastest('nobody')).toBeGreaterThan(3);
    expect(await fastest('mx')).toBeGreaterThan(3);
  });

  it('throttles an account after too many failures, even with the right password', async () => {
    const { deps } = await setup();
    const fail = () => signIn(deps, { username: 'mx', password: 'wrong password!' }, '10.0.0.1');
    const succeed = () => signIn(deps, { username: 'mx', password: PASSWORD }, '10.0.0.1');
    await fail();
    await fail();
    expect((await succeed()).ok).toBe(true);
    // The success cleared the account's count: two more failures are still under the limit.
    await fail();
    await fail();
    expect((await succeed()).ok).toBe(true);
    await fail();
    await fail();
    await fail();
    expect(await succeed()).toEqual({ ok: false, error: 'too_many_attempts' });
  });
});
