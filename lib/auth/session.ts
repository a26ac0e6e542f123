// Session cookies: "<id>.<mac>", a random 256-bit id and its HMAC under the installation's
// key, both base64url (43 characters each). The proxy checks the form and the MAC without a
// database round trip; whether the session is still open (logout, password change, disabled
// account, timeouts) is the Session table's business (lib/db/sessions.ts), which stores only
// the id's SHA-256.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SESSION_COOKIE = "bitext_session";

/** Exactly two base64url parts of 32 bytes: anything else (extra ".x" parts, padding, spaces) is not a session. */
const TOKEN = /^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/;

export interface SessionPayload { uid: number; login: string; name: string; role: string; sessionId: number }

export interface SessionLimits { idleMs: number; absoluteMs: number }

/** BITEXT_SESSION_IDLE_HOURS (default 12) without a request ends a session; BITEXT_SESSION_DAYS (default 7) after login it ends anyway. */
export function sessionLimits(env: Record<string, string | undefined> = process.env): SessionLimits {
  const number = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && value.trim() !== "" && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { idleMs: number(env.BITEXT_SESSION_IDLE_HOURS, 12) * 3_600_000, absoluteMs: number(env.BITEXT_SESSION_DAYS, 7) * 86_400_000 };
}

let cachedSecret: string | undefined;

/** BITEXT_SECRET, or a random secret kept in data/session-secret (made on first use). */
export function sessionSecret(): string {
  if (cachedSecret) return cachedSecret;
  const fromEnv = process.env.BITEXT_SECRET?.trim();
  if (fromEnv) return (cachedSecret = fromEnv);
  const file = path.join(process.cwd(), "data", "session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return (cachedSecret = readFileSync(file, "utf8").trim());
}

function sign(data: string, secret: string): string {
  return createHmac("sha256", secret).update(data).digest("base64url");
}

/** What the Session table keys a session by. */
export function tokenHash(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/** A new cookie value and the hash to store for it. */
export function newSessionToken(secret = sessionSecret()): { token: string; tokenHash: string } {
  const id = randomBytes(32).toString("base64url");
  return { token: `${id}.${sign(id, secret)}`, tokenHash: tokenHash(id) };
}

/** The stored hash for a well-formed cookie with a valid MAC, else null. Says nothing about revocation. */
export function parseSessionToken(token: string | undefined, secret = sessionSecret()): { tokenHash: string } | null {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  const [id, mac] = token.split(".");
  const expected = Buffer.from(sign(id, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { tokenHash: tokenHash(id) };
}
