import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../lib/auth/password";
import { createSessionToken, readSessionToken } from "../../../lib/auth/session";

const user = { id: 7, login: "rita", displayName: "Rita Reviewer" };

describe("session tokens", () => {
  it("reads back what it signed", () => {
    const token = createSessionToken(user, "secret-a");
    expect(readSessionToken(token, "secret-a")).toMatchObject({ uid: 7, login: "rita", name: "Rita Reviewer" });
  });

  it("refuses a token signed with another key, a tampered payload, and an expired token", () => {
    const token = createSessionToken(user, "secret-a");
    expect(readSessionToken(token, "secret-b")).toBeNull();
    const [data, mac] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(data, "base64url").toString()), uid: 1 })).toString("base64url");
    expect(readSessionToken(`${forged}.${mac}`, "secret-a")).toBeNull();
    const old = createSessionToken(user, "secret-a", Date.now() - 30 * 86_400_000);
    expect(readSessionToken(old, "secret-a")).toBeNull();
    expect(readSessionToken("garbage", "secret-a")).toBeNull();
    expect(readSessionToken(undefined, "secret-a")).toBeNull();
  });
});

describe("passwords", () => {
  it("verifies the right password only, with a fresh salt each time", () => {
    const a = hashPassword("correct horse");
    const b = hashPassword("correct horse");
    expect(a).not.toBe(b);
    expect(verifyPassword("correct horse", a)).toBe(true);
    expect(verifyPassword("correct horse!", a)).toBe(false);
    expect(verifyPassword("correct horse", "!disabled")).toBe(false);
  });
});
