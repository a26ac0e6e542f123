// Login throttling: after a few failed logins for an account, or from an address, each
// further attempt has to wait, twice as long after every new failure (up to a ceiling).
// Attempts made while waiting are refused without checking the password, so guessing
// stops paying, and they do not extend the wait (a stranger cannot lock a reviewer out
// for longer than the ceiling). Kept in memory: one server process, reset by a restart.

export interface ThrottleRules {
  /** Failures allowed without waiting: the attempt after the last free failure waits. */
  free: number;
  /** The first wait; each further failure doubles it. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** A key with no failure for this long starts afresh. */
  forgetMs: number;
}

/** Per account: 5 free failures, then 1 s, 2 s, 4 s … up to 15 minutes. */
export const ACCOUNT_RULES: ThrottleRules = { free: 5, firstWaitMs: 1000, maxWaitMs: 15 * 60_000, forgetMs: 24 * 3_600_000 };
/**
 * Per address: more free failures and a short memory, since a whole office may share one
 * address and its typos must not add up over a day; guessing one account stays slow anyway.
 */
export const ADDRESS_RULES: ThrottleRules = { free: 20, firstWaitMs: 1000, maxWaitMs: 15 * 60_000, forgetMs: 15 * 60_000 };

interface Entry { failures: number; last: number; until: number }

export class Throttle {
  private entries = new Map<string, Entry>();
  constructor(private readonly rules: ThrottleRules) {}

  /** Milliseconds the key has to wait before its next attempt (0: go ahead). */
  waitFor(key: string, now = Date.now()): number {
    const entry = this.current(key, now);
    return entry ? Math.max(0, entry.until - now) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.current(key, now) ?? { failures: 0, last: now, until: 0 };
    entry.failures++;
    entry.last = now;
    const over = entry.failures - this.rules.free + 1;
    if (over > 0) entry.until = now + Math.min(this.rules.maxWaitMs, this.rules.firstWaitMs * 2 ** Math.min(over - 1, 30));
    this.entries.set(key, entry);
    if (this.entries.size > 10_000) this.prune(now);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.last > this.rules.forgetMs && now >= entry.until) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(now: number): void {
    for (const key of [...this.entries.keys()]) this.current(key, now);
  }
}

export class LoginThrottle {
  readonly accounts: Throttle;
  readonly addresses: Throttle;
  constructor(account: ThrottleRules = ACCOUNT_RULES, address: ThrottleRules = ADDRESS_RULES) {
    this.accounts = new Throttle(account);
    this.addresses = new Throttle(address);
  }

  /** How long this attempt must wait (0: it may be checked). */
  waitFor(login: string, address: string | null, now = Date.now()): number {
    return Math.max(this.accounts.waitFor(accountKey(login), now), address ? this.addresses.waitFor(address, now) : 0);
  }

  fail(login: string, address: string | null, now = Date.now()): void {
    this.accounts.fail(accountKey(login), now);
    if (address) this.addresses.fail(address, now);
  }

  /** A successful login clears its account's failures; the address keeps its count (it may be guessing other accounts). */
  succeed(login: string): void {
    this.accounts.succeed(accountKey(login));
  }
}

/** Unknown logins are counted like real ones: the throttle must not tell them apart either. */
function accountKey(login: string): string {
  return login.trim().toLowerCase();
}

/** "Try again in …" for a wait in milliseconds. */
export function waitMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const wait = seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed logins for this account or from this address. Wait ${wait}, then try again (each further failure doubles the wait).`;
}
