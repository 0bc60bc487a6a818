import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './loginThrottle';

const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };

describe('LoginThrottle', () => {
  it('throttles an account after its failures, from any address', () => {
    const throttle = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 3; i++) {
      expect(throttle.allows('mx', `10.0.0.${i}`)).toBe(true);
      throttle.recordFailure('mx', `10.0.0.${i}`);
    }
    expect(throttle.allows('mx', '10.0.0.99')).toBe(false);
    expect(throttle.allows('us', '10.0.0.99')).toBe(true);
  });

  it('throttles an address after its failures, for any account', () => {
    const throttle = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}`, '10.0.0.1');
    expect(throttle.allows('someone-else', '10.0.0.1')).toBe(false);
    expect(throttle.allows('someone-else', '10.0.0.2')).toBe(true);
  });

  it('forgets failures once the window has passed', () => {
    let now = 0;
    const throttle = new LoginThrottle(limits, () => now);
    for (let i = 0; i < 3; i++) throttle.recordFailure('mx', '10.0.0.1');
    expect(throttle.allows('mx', '10.0.0.1')).toBe(false);
    now = 60_000;
    expect(throttle.allows('mx', '10.0.0.1')).toBe(true);
  });

  it("clears the account's failures on success, not the address's", () => {
    const throttle = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 2; i++) throttle.recordFailure('mx', '10.0.0.1');
    throttle.recordSuccess('mx');
    for (let i = 0; i < 2; i++) throttle.recordFailure('mx', '10.0.0.1');
    expect(throttle.allows('mx', '10.0.0.1')).toBe(true);
    throttle.recordFailure('mx', '10.0.0.1');
    expect(throttle.allows('mx', '10.0.0.2')).toBe(false);
    expect(throttle.allows('other', '10.0.0.1')).toBe(false);
  });
});
