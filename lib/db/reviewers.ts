// Reviewer accounts.
import type { Db } from "./client";
import { hashPassword, passwordProblem, verifyPassword } from "../auth/password";
import { revokeSessionsOf } from "./sessions";
import { textProblem } from "../text-hygiene";
import { isRole, ROLES, type Role } from "../auth/roles";

export class AccountError extends Error {}

const LOGIN = /^[a-z0-9][a-z0-9._-]{1,39}$/i;

export async function createReviewer(db: Db, input: { login: string; displayName?: string; password: string; role?: Role }) {
  const login = input.login.trim();
  if (!LOGIN.test(login)) throw new AccountError(`"${login}" is not a usable login: use 2–40 letters, digits, dots, dashes or underscores.`);
  const problem = passwordProblem(input.password) ?? (input.displayName ? textProblem(input.displayName, "The display name") : null);
  if (problem) throw new AccountError(problem);
  const existing = await db.reviewer.findUnique({ where: { login } });
  if (existing && existing.passwordHash !== "!disabled") throw new AccountError(`The login "${login}" is taken. Choose another one.`);
  if (input.role !== undefined && !isRole(input.role)) throw new AccountError(`"${input.role}" is not a role: use ${ROLES.join(", ")}.`);
  const data = { login, displayName: input.displayName?.trim() || login, passwordHash: await hashPassword(input.password), role: input.role ?? "reviewer" };
  // An account that arrived with an imported document (no password) is taken over.
  return existing ? db.reviewer.update({ where: { id: existing.id }, data }) : db.reviewer.create({ data });
}

/**
 * The account for a login and password, or null. Unknown logins, accounts without a password
 * and disabled accounts cost one scrypt check like any other, so the time taken does not
 * tell an existing login from an unknown one.
 */
export async function authenticate(db: Db, login: string, password: string) {
  const reviewer = await db.reviewer.findUnique({ where: { login: login.trim() } });
  const usable = reviewer && !reviewer.disabledAt ? reviewer.passwordHash : null;
  const matches = await verifyPassword(password, usable);
  return matches && reviewer ? reviewer : null;
}

/** True until the first account with a password exists (the app then offers to create one). */
export async function needsFirstAccount(db: Db): Promise<boolean> {
  return (await db.reviewer.count({ where: { NOT: { passwordHash: { startsWith: "!" } } } })) === 0;
}

async function accountByLogin(db: Db, login: string) {
  const reviewer = await db.reviewer.findUnique({ where: { login: login.trim() } });
  if (!reviewer) throw new AccountError(`There is no account "${login.trim()}". \`bitext user list\` shows the accounts.`);
  return reviewer;
}

/** Sets a new password and ends every session of the account (a stolen cookie stops working too). */
export async function setPassword(db: Db, login: string, password: string): Promise<{ login: string; revoked: number }> {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
  const reviewer = await accountByLogin(db, login);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    await tx.reviewer.update({ where: { id: reviewer.id }, data: { passwordHash } });
    return { login: reviewer.login, revoked: await revokeSessionsOf(tx, reviewer.id) };
  });
}

/** Disables (or re-enables) an account; disabling ends all its sessions. Its work stays attributed to it. */
export async function setDisabled(db: Db, login: string, disabled: boolean): Promise<{ login: string; revoked: number }> {
  const reviewer = await accountByLogin(db, login);
  return db.$transaction(async (tx) => {
    await tx.reviewer.update({ where: { id: reviewer.id }, data: { disabledAt: disabled ? (reviewer.disabledAt ?? new Date()) : null } });
    return { login: reviewer.login, revoked: disabled ? await revokeSessionsOf(tx, reviewer.id) : 0 };
  });
}

export async function setRole(db: Db, login: string, role: string): Promise<{ login: string; role: Role }> {
  if (!isRole(role)) throw new AccountError(`"${role}" is not a role: use ${ROLES.join(", ")}.`);
  const reviewer = await accountByLogin(db, login);
  await db.reviewer.update({ where: { id: reviewer.id }, data: { role } });
  return { login: reviewer.login, role };
}

export async function listReviewers(db: Db) {
  const rows = await db.reviewer.findMany({ orderBy: { login: "asc" }, select: { login: true, displayName: true, passwordHash: true, disabledAt: true, role: true } });
  return rows.map((r) => ({
    login: r.login, displayName: r.displayName, role: r.role,
    status: (r.disabledAt ? "disabled" : r.passwordHash.startsWith("!") ? "no password (imported)" : "active") as "disabled" | "no password (imported)" | "active",
  }));
}

/** Login → display name of every account, for showing who did what. */
export async function displayNames(db: Db): Promise<Record<string, string>> {
  const rows = await db.reviewer.findMany({ select: { login: true, displayName: true } });
  return Object.fromEntries(rows.map((r) => [r.login, r.displayName]));
}

/** One account's login, role and whether it is disabled. */
export async function accountState(db: Db, login: string): Promise<{ login: string; role: string; disabled: boolean }> {
  const r = await db.reviewer.findUnique({ where: { login }, select: { login: true, role: true, disabledAt: true } });
  if (!r) throw new AccountError(`There is no account "${login}".`);
  return { login: r.login, role: r.role, disabled: r.disabledAt !== null };
}
