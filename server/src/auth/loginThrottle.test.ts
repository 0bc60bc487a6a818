import { describe, expect, it } from 'vitest';
import { type LoginAttempt, LoginThrottle } from './loginThrottle';

const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };

function fail(throttle: LoginThrottle, username: string, address: string): void {
  const attempt = throttle.begin(username, address);
  if (attempt === undefined) throw new Error(`${username} from ${address} was refused.`);
  attempt.failed();
}

describe('LoginThrottle', () => {
  it('throttles an account after its failures, from any address', () => {
    const throttle = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 3; i++) fail(throttle, 'mx', `10.0.0.${i}`);
    expect(throttle.begin('mx', '10.0.0.99')).toBeUndefined();
    expect(throttle.begin('us', '10.0.0.99')).toBeDefined();
  });

  it('throttles an address after its failures, for any account', () => {
    const throttle = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 5; i++) fail(throttle, `user${i}`, '10.0.0.1');
    expect(throttle.begin('someone-else', '10.0.0.1')).toBeUndefined();
    expect(throttle.begin('someone-else', '10.0.0.2')).toBeDefined();
  });

  it('holds attempts still being checked to the same limit as failures (a burst)', () => {
    const throttle = new LoginThrottle(limits, () => 0);
    const burst = Array.from({ length: 24 }, () => throttle.begin('mx', '10.0.0.1'));
    expect(burst.filter((attempt) => attempt !== undefined)).toHaveLength(3);
    const spray = Array.from({ length: 24 }, (_, i) => throttle.begin(`user${i}`, '10.0.0.2'));
    expect(spray.filter((attempt) => attempt !== undefined)).toHaveLength(5);
  });

  it("gives a right password's slot back; inside a burst it leaves the burst's failures counted", () => {
    const throttle = new LoginThrottle(limits, () => 0);
    const [first, second, right] = [0, 1, 2].map(() => throttle.begin('mx', '10.0.0.1')) as [
      LoginAttempt,
      LoginAttempt,
      LoginAttempt,
    ];
    first.failed();
    right.succeeded();
    second.failed();
    // Two failures stay: one slot is left, not three.
    expect(throttle.begin('mx', '10.0.0.2')).toBeDefined();
    expect(throttle.begin('mx', '10.0.0.3')).toBeUndefined();
  });

  it("clears the account's failures on a sign-in made alone, not the address's", () => {
    const throttle = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 2; i++) fail(throttle, 'mx', '10.0.0.1');
    throttle.begin('mx', '10.0.0.1')?.succeeded();
    for (let i = 0; i < 2; i++) fail(throttle, 'mx', '10.0.0.1');
    expect(throttle.begin('mx', '10.0.0.1')).toBeDefined();
    expect(throttle.begin('other', '10.0.0.1')).toBeUndefined();
  });

  it('forgets failures once the window has passed', () => {
    let now = 0;
    const throttle = new LoginThrottle(limits, () => now);
    for (let i = 0; i < 3; i++) fail(throttle, 'mx', '10.0.0.1');
    expect(throttle.begin('mx', '10.0.0.1')).toBeUndefined();
    now = 60_000;
    expect(throttle.begin('mx', '10.0.0.1')).toBeDefined();
  });
});
