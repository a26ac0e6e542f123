import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../lib/auth/password";
import { newSessionToken, parseSessionToken, sessionLimits, tokenHash } from "../../../lib/auth/session";

describe("session cookies", () => {
  it("reads back the hash of what it made, and only under the same key", () => {
    const { token, tokenHash: stored } = newSessionToken("secret-a");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    expect(parseSessionToken(token, "secret-a")).toEqual({ tokenHash: stored });
    expect(stored).toBe(tokenHash(token.split(".")[0]));
    expect(parseSessionToken(token, "secret-b")).toBeNull();
    expect(newSessionToken("secret-a").token).not.toBe(token);
  });

  it("parses strictly: extra parts, padding, spaces, a changed id or MAC are no session", () => {
    const { token } = newSessionToken("secret-a");
    const [id, mac] = token.split(".");
    for (const bad of [
      `${token}.x`, `${token}.`, `x.${token}`, `${token}=`, ` ${token}`, `${token} `, `${id}..${mac}`, `${id}.${mac.slice(0, 42)}`,
      `${id.slice(0, 42)}${id[42] === "A" ? "B" : "A"}.${mac}`, `${id}.${mac.slice(0, 42)}${mac[42] === "A" ? "B" : "A"}`, id, "garbage", "", undefined,
    ]) {
      expect(parseSessionToken(bad, "secret-a"), String(bad)).toBeNull();
    }
  });

  it("takes its timeouts from the environment, with defaults for unusable values", () => {
    expect(sessionLimits({})).toEqual({ idleMs: 12 * 3_600_000, absoluteMs: 7 * 86_400_000 });
    expect(sessionLimits({ BITEXT_SESSION_IDLE_HOURS: "0.5", BITEXT_SESSION_DAYS: "1" })).toEqual({ idleMs: 1_800_000, absoluteMs: 86_400_000 });
    expect(sessionLimits({ BITEXT_SESSION_IDLE_HOURS: "-1", BITEXT_SESSION_DAYS: "soon" })).toEqual(sessionLimits({}));
  });
});

describe("passwords", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse", a)).toBe(true);
    expect(await verifyPassword("correct horse!", a)).toBe(false);
    expect(await verifyPassword("correct horse", "!disabled")).toBe(false);
    expect(await verifyPassword("correct horse", null)).toBe(false);
    expect(await verifyPassword("correct horse", `${a}$extra`)).toBe(false);
  });

  it("hashes off the main thread: during a burst of checks the event loop keeps running", async () => {
    const stored = await hashPassword("correct horse");
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const start = performance.now();
    await Promise.all(Array.from({ length: 24 }, (_, i) => verifyPassword(`guess ${i}`, stored)));
    const total = performance.now() - start;
    clearInterval(timer);
    // scryptSync held the loop for the whole burst; the thread pool leaves it free.
    expect(longest).toBeLessThan(total / 2);
  });
});
