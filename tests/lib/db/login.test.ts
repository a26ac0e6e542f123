// Logging in against a real database: guessing is throttled per account and per address, and
// the answer takes the same time whether the login exists or not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginThrottle } from "../../../lib/auth/throttle";
import { attemptLogin } from "../../../lib/db/login";
import { createReviewer, setDisabled } from "../../../lib/db/reviewers";
import { createTestDatabase, type TestDatabase } from "../../helpers/database";

describe("login attempts", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await createReviewer(t.db, { login: "rita", displayName: "Rita", password: "correct horse" });
    await createReviewer(t.db, { login: "gone", displayName: "Gone", password: "correct horse" });
    await setDisabled(t.db, "gone", true);
  });
  afterAll(async () => { await t?.drop(); });

  it("100 wrong passwords, then the right one is refused with a clear message until the wait is over", async () => {
    const throttle = new LoginThrottle();
    let now = 1_000_000;
    const clock = () => now;
    const outcomes = [];
    for (let i = 0; i < 100; i++) outcomes.push(await attemptLogin(t.db, throttle, { login: "rita", password: `guess ${i}`, address: "192.0.2.7" }, clock));
    expect(outcomes.filter((o) => !o.ok && o.reason === "failed")).toHaveLength(5);
    expect(outcomes.slice(5).every((o) => !o.ok && o.reason === "throttled")).toBe(true);
    const right = await attemptLogin(t.db, throttle, { login: "rita", password: "correct horse", address: "192.0.2.8" }, clock);
    expect(right).toMatchObject({ ok: false, reason: "throttled", waitMs: 1000 });
    expect(!right.ok && right.reason === "throttled" && right.message).toMatch(/Too many failed logins.*Wait 1 second/);
    now += 1000;
    expect(await attemptLogin(t.db, throttle, { login: "rita", password: "correct horse", address: "192.0.2.8" }, clock)).toMatchObject({ ok: true, reviewer: { login: "rita" } });
  });

  it("throttles an address that tries many accounts", async () => {
    const throttle = new LoginThrottle();
    const clock = () => 5_000;
    for (let i = 0; i < 20; i++) await attemptLogin(t.db, throttle, { login: `name${i}`, password: "x", address: "198.51.100.1" }, clock);
    expect(await attemptLogin(t.db, throttle, { login: "rita", password: "correct horse", address: "198.51.100.1" }, clock)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attemptLogin(t.db, throttle, { login: "rita", password: "correct horse", address: "198.51.100.2" }, clock)).toMatchObject({ ok: true });
  });

  it("takes about as long for an unknown or disabled login as for a wrong password", async () => {
    const throttle = new LoginThrottle({ free: 1e9, firstWaitMs: 0, maxWaitMs: 0, forgetMs: 1 });
    const median = async (login: string) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        const o = await attemptLogin(t.db, throttle, { login, password: "wrong password", address: null });
        times.push(performance.now() - start);
        expect(o.ok).toBe(false);
      }
      return times.sort((a, b) => a - b)[3];
    };
    const existing = await median("rita");
    // Before, an unknown login skipped scrypt: about 50 times faster. Now each costs one scrypt.
    for (const other of ["no-such-login", "gone"]) {
      const ratio = (await median(other)) / existing;
      expect(ratio, other).toBeGreaterThan(0.5);
      expect(ratio, other).toBeLessThan(2);
    }
  });
});
