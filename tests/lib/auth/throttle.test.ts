// Login throttling on a clock the test moves: the growing wait, its ceiling, and what counts.
import { describe, expect, it } from "vitest";
import { LoginThrottle, Throttle, waitMessage, type ThrottleRules } from "../../../lib/auth/throttle";

const rules: ThrottleRules = { free: 3, firstWaitMs: 1000, maxWaitMs: 8000, forgetMs: 60_000 };

describe("login throttle", () => {
  it("lets the free failures through, then doubles the wait with each failure up to the ceiling", () => {
    const t = new Throttle(rules);
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      now += t.waitFor("rita", now);
      t.fail("rita", now);
      waits.push(t.waitFor("rita", now));
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("does not extend the wait for attempts refused while waiting, and forgets after a quiet spell", () => {
    const t = new Throttle(rules);
    for (let i = 0; i < 3; i++) t.fail("rita", 0);
    expect(t.waitFor("rita", 500)).toBe(500);
    expect(t.waitFor("rita", 1000)).toBe(0);
    t.fail("rita", 1000);
    expect(t.waitFor("rita", 1000)).toBe(2000);
    expect(t.waitFor("rita", 1000 + 60_001 + 2000)).toBe(0);
    t.fail("rita", 70_000);
    expect(t.waitFor("rita", 70_000)).toBe(0);
  });

  it("keys accounts case-insensitively, counts unknown logins alike, and a success clears the account only", () => {
    const t = new LoginThrottle({ ...rules }, { ...rules, free: 5 });
    for (let i = 0; i < 3; i++) t.fail("Rita", "10.0.0.1", 0);
    expect(t.waitFor("rita", "10.0.0.2", 0)).toBe(1000);
    for (let i = 0; i < 3; i++) t.fail("nobody-at-all", "10.0.0.9", 0);
    expect(t.waitFor("nobody-at-all", null, 0)).toBe(1000);
    t.succeed("rita");
    expect(t.waitFor("rita", "10.0.0.2", 0)).toBe(0);
    // The address that guessed three times keeps its count: two more failures reach its limit of five.
    for (let i = 0; i < 2; i++) t.fail(`user${i}`, "10.0.0.1", 0);
    expect(t.waitFor("someone-else", "10.0.0.1", 0)).toBe(1000);
  });

  it("says how long to wait", () => {
    expect(waitMessage(1000)).toMatch(/Wait 1 second, then try again/);
    expect(waitMessage(15 * 60_000)).toMatch(/Wait 15 minutes/);
  });
});
