// Password hashing with scrypt from node:crypto (no native dependency to build). The async
// scrypt runs on libuv's thread pool: a burst of logins no longer freezes the server, whose
// one JavaScript thread scryptSync used to hold for ~50 ms per attempt.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const N = 16384, R = 8, P = 1, KEYLEN = 32;

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

/** A stored hash no password matches, with the usual cost: checking against it takes as long as a real check. */
const NOBODY = `scrypt$${N}$${R}$${P}$${randomBytes(16).toString("base64url")}$${randomBytes(KEYLEN).toString("base64url")}`;

/**
 * True when the password matches. A hash that is not a usable scrypt hash (an account with
 * no password, "!disabled") is checked against NOBODY instead, so the answer takes the same
 * time and says nothing about which accounts exist or have a password.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const usable = stored !== null && /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/.test(stored);
  const [, , , , salt, hash] = (usable ? stored : NOBODY).split("$");
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), expected.length, { N, r: R, p: P });
  return timingSafeEqual(actual, expected) && usable;
}

/** The rules a new password must meet, as a message for the user (null = fine). */
export function passwordProblem(password: string): string | null {
  return password.length < 8 ? "The password needs at least 8 characters." : null;
}
