// Server-side sessions (the Session table). A cookie is only as good as its row: logout
// revokes the row, a password change or disabling the account revokes all the account's
// rows, and a row past its idle or absolute limit no longer opens anything.
import type { Db, Tx } from "./client";
import { newSessionToken, parseSessionToken, sessionLimits, type SessionLimits } from "../auth/session";

export interface ActiveSession {
  id: number;
  expiresAt: Date;
  reviewer: { id: number; login: string; displayName: string; role: string };
}

/** How stale lastSeenAt may get before a request writes it (a write per request would be wasteful). */
const TOUCH_MS = 60_000;

/** Opens a session for the reviewer; returns the cookie value and when the session ends at the latest. */
export async function openSession(db: Db, reviewerId: number, now = new Date(), limits: SessionLimits = sessionLimits()): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + limits.absoluteMs);
  await db.$transaction([
    // The account's ended sessions are of no further use: drop them while we are here.
    db.session.deleteMany({ where: { reviewerId, OR: [{ revokedAt: { not: null } }, { expiresAt: { lt: now } }] } }),
    db.session.create({ data: { tokenHash, reviewerId, createdAt: now, lastSeenAt: now, expiresAt } }),
  ]);
  return { token, expiresAt };
}

/** The open session a cookie names, or null (malformed, forged, revoked, timed out, account disabled). */
export async function findSession(db: Db, token: string | undefined, now = new Date(), limits: SessionLimits = sessionLimits()): Promise<ActiveSession | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await db.session.findUnique({
    where: { tokenHash: parsed.tokenHash },
    include: { reviewer: { select: { id: true, login: true, displayName: true, passwordHash: true, disabledAt: true, role: true } } },
  });
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > limits.idleMs) return null;
  if (row.reviewer.disabledAt || row.reviewer.passwordHash.startsWith("!")) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_MS) {
    await db.session.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  const { id, login, displayName, role } = row.reviewer;
  return { id: row.id, expiresAt: row.expiresAt, reviewer: { id, login, displayName, role } };
}

/** Logout: the cookie's session stops working, wherever a copy of the cookie is. */
export async function revokeSession(db: Db, token: string | undefined, now = new Date()): Promise<void> {
  const parsed = parseSessionToken(token);
  if (parsed) await db.session.updateMany({ where: { tokenHash: parsed.tokenHash, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every open session of an account (password change, account disabled). Returns how many. */
export async function revokeSessionsOf(db: Db | Tx, reviewerId: number, now = new Date()): Promise<number> {
  const { count } = await db.session.updateMany({ where: { reviewerId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
