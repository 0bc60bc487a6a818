import { LIMITS } from '@accord/shared/protocol/limits';

/** Failures of one key inside the current window. */
interface FailureWindow {
  count: number;
  startedAt: number;
}

/** How many failures each kind of key may have per window. */
export interface LoginThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

/** The limits of shared/src/protocol/limits.ts. */
export const DEFAULT_LOGIN_THROTTLE_LIMITS: LoginThrottleLimits = {
  perAccount: LIMITS.loginFailuresPerAccount,
  perAddress: LIMITS.loginFailuresPerAddress,
  windowMs: LIMITS.loginFailureWindowMs,
};

/** Past this many tracked keys, expired windows are swept so memory stays bounded. */
const SWEEP_THRESHOLD = 10_000;

/**
 * Counts failed sign-ins per account and per client address over a fixed window, in memory
 * (one process). Guessing is throttled per account (a targeted attack) and per address (one
 * client spraying many accounts).
 */
export class LoginThrottle {
  private readonly accounts = new Map<string, FailureWindow>();
  private readonly addresses = new Map<string, FailureWindow>();

  constructor(
    private readonly limits: LoginThrottleLimits = DEFAULT_LOGIN_THROTTLE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a sign-in for this account from this address may be attempted now. */
  allows(username: string, address: string): boolean {
    return (
      this.count(this.accounts, username) < this.limits.perAccount &&
      this.count(this.addresses, address) < this.limits.perAddress
    );
  }

  /** Records a failed sign-in. */
  recordFailure(username: string, address: string): void {
    this.bump(this.accounts, username);
    this.bump(this.addresses, address);
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  recordSuccess(username: string): void {
    this.accounts.delete(username);
  }

  private count(map: Map<string, FailureWindow>, key: string): number {
    const window = map.get(key);
    if (window === undefined) return 0;
    if (this.now() - window.startedAt >= this.limits.windowMs) {
      map.delete(key);
      return 0;
    }
    return window.count;
  }

  private bump(map: Map<string, FailureWindow>, key: string): void {
    if (map.size > SWEEP_THRESHOLD) this.sweep(map);
    const count = this.count(map, key);
    if (count === 0) map.set(key, { count: 1, startedAt: this.now() });
    else map.set(key, { count: count + 1, startedAt: map.get(key)?.startedAt ?? this.now() });
  }

  private sweep(map: Map<string, FailureWindow>): void {
    for (const [key, window] of map) {
      if (this.now() - window.startedAt >= this.limits.windowMs) map.delete(key);
    }
  }
}
