// Signed session tokens for the httpOnly cookie: base64url(JSON payload) + "." + HMAC.
// Stateless, so the proxy can check them without a database round trip.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SESSION_COOKIE = "bitext_session";
export const SESSION_DAYS = 14;

export interface SessionPayload { uid: number; login: string; name: string; exp: number }

let cachedSecret: string | undefined;

/** BITEXT_SECRET, or a random secret kept in data/session-secret (made on first use). */
export function sessionSecret(): string {
  if (cachedSecret) return cachedSecret;
  const fromEnv = process.env.BITEXT_SECRET?.trim();
  if (fromEnv) return (cachedSecret = fromEnv);
  const file = path.join(process.cwd(), "data", "session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return (cachedSecret = readFileSync(file, "utf8").trim());
}

function sign(data: string, secret: string): string {
  return createHmac("sha256", secret).update(data).digest("base64url");
}

export function createSessionToken(user: { id: number; login: string; displayName: string }, secret = sessionSecret(), now = Date.now()): string {
  const payload: SessionPayload = { uid: user.id, login: user.login, name: user.displayName, exp: now + SESSION_DAYS * 86_400_000 };
  const data = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${data}.${sign(data, secret)}`;
}

export function readSessionToken(token: string | undefined, secret = sessionSecret(), now = Date.now()): SessionPayload | null {
  if (!token) return null;
  const [data, mac] = token.split(".");
  if (!data || !mac) return null;
  const expected = Buffer.from(sign(data, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(data, "base64url").toString("utf8")) as SessionPayload;
    return typeof payload.uid === "number" && payload.exp > now ? payload : null;
  } catch {
    return null;
  }
}
