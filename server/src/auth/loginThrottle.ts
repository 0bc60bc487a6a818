import { LIMITS } from '@accord/shared/protocol/limits';

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

/** One sign-in attempt that holds a slot of its account and of its address. */
export interface LoginAttempt {
  /** The password was wrong (or the user unknown or disabled): the slot stays, as a failure. */
  failed(): void;
  /**
   * The password was right: the slot is given back. A sign-in made alone also clears the
   * account's earlier failures; one made while other attempts on the account were in flight (a
   * burst) leaves their failures counted.
   */
  succeeded(): void;
}

/** An attempt still being checked, and whether another one on its account overlapped it. */
interface InFlight {
  overlapped: boolean;
}

/** One key's failures in the current window, and the attempts on it still being checked. */
interface KeyState {
  failures: number;
  /** When the first failure of the window was counted. */
  startedAt: number;
  inFlight: Set<InFlight>;
}

/** Past this many tracked keys, idle expired windows are swept so memory stays bounded. */
const SWEEP_THRESHOLD = 10_000;

/**
 * Counts failed sign-ins per account and per client address over a fixed window, in memory
 * (one process). Guessing is throttled per account (a targeted attack) and per address (one
 * client spraying many accounts).
 *
 * An attempt takes its slot BEFORE the slow password check (`begin`) and keeps it as a failure
 * unless the password was right: a concurrent burst is held to the same limit as guesses sent
 * one after another, since attempts still being checked count against the limit (issue 13).
 */
export class LoginThrottle {
  private readonly accounts = new Map<string, KeyState>();
  private readonly addresses = new Map<string, KeyState>();

  constructor(
    private readonly limits: LoginThrottleLimits = DEFAULT_LOGIN_THROTTLE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes a slot of the account and of the address for one attempt, or returns undefined when
   * either has none left (failures in the window plus attempts in flight reach its limit): the
   * password must then not be checked at all.
   */
  begin(username: string, address: string): LoginAttempt | undefined {
    const account = this.state(this.accounts, username);
    const origin = this.state(this.addresses, address);
    if (
      account.failures + account.inFlight.size >= this.limits.perAccount ||
      origin.failures + origin.inFlight.size >= this.limits.perAddress
    ) {
      this.forgetIfIdle(this.accounts, username, account);
      this.forgetIfIdle(this.addresses, address, origin);
      return undefined;
    }
    const attempt: InFlight = { overlapped: account.inFlight.size > 0 };
    for (const other of account.inFlight) other.overlapped = true;
    account.inFlight.add(attempt);
    origin.inFlight.add(attempt);
    let settled = false;
    const settle = (success: boolean) => {
      if (settled) return;
      settled = true;
      const accountNow = this.state(this.accounts, username);
      const originNow = this.state(this.addresses, address);
      accountNow.inFlight.delete(attempt);
      originNow.inFlight.delete(attempt);
      if (!success) {
        this.countFailure(accountNow);
        this.countFailure(originNow);
      } else if (!attempt.overlapped) {
        accountNow.failures = 0;
      }
      this.forgetIfIdle(this.accounts, username, accountNow);
      this.forgetIfIdle(this.addresses, address, originNow);
    };
    return { failed: () => settle(false), succeeded: () => settle(true) };
  }

  /** The key's state, its failures reset if their window has passed. */
  private state(map: Map<string, KeyState>, key: string): KeyState {
    let state = map.get(key);
    if (state === undefined) {
      if (map.size > SWEEP_THRESHOLD) this.sweep(map);
      state = { failures: 0, startedAt: 0, inFlight: new Set() };
      map.set(key, state);
    } else if (state.failures > 0 && this.now() - state.startedAt >= this.limits.windowMs) {
      state.failures = 0;
    }
    return state;
  }

  private countFailure(state: KeyState): void {
    if (state.failures === 0) state.startedAt = this.now();
    state.failures += 1;
  }

  private forgetIfIdle(map: Map<string, KeyState>, key: string, state: KeyState): void {
    if (state.failures === 0 && state.inFlight.size === 0) map.delete(key);
  }

  private sweep(map: Map<string, KeyState>): void {
    for (const [key, state] of map) {
      if (state.inFlight.size === 0 && this.now() - state.startedAt >= this.limits.windowMs) {
        map.delete(key);
      }
    }
  }
}
