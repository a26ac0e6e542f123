// Reviewer accounts.
import type { Db } from "./client";
import { hashPassword, passwordProblem, verifyPassword } from "../auth/password";

export class AccountError extends Error {}

const LOGIN = /^[a-z0-9][a-z0-9._-]{1,39}$/i;

export async function createReviewer(db: Db, input: { login: string; displayName?: string; password: string }) {
  const login = input.login.trim();
  if (!LOGIN.test(login)) throw new AccountError(`"${login}" is not a usable login: use 2–40 letters, digits, dots, dashes or underscores.`);
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountError(problem);
  const existing = await db.reviewer.findUnique({ where: { login } });
  if (existing && existing.passwordHash !== "!disabled") throw new AccountError(`The login "${login}" is taken. Choose another one.`);
  const data = { login, displayName: input.displayName?.trim() || login, passwordHash: hashPassword(input.password) };
  // An account that arrived with an imported document (no password) is taken over.
  return existing ? db.reviewer.update({ where: { id: existing.id }, data }) : db.reviewer.create({ data });
}

export async function authenticate(db: Db, login: string, password: string) {
  const reviewer = await db.reviewer.findUnique({ where: { login: login.trim() } });
  if (!reviewer || reviewer.passwordHash.startsWith("!")) return null;
  return verifyPassword(password, reviewer.passwordHash) ? reviewer : null;
}

/** True until the first account with a password exists (the app then offers to create one). */
export async function needsFirstAccount(db: Db): Promise<boolean> {
  return (await db.reviewer.count({ where: { NOT: { passwordHash: { startsWith: "!" } } } })) === 0;
}
