"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginThrottle } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { attemptLogin } from "@/lib/db/login";
import { AccountError, createReviewer, needsFirstAccount } from "@/lib/db/reviewers";
import { firstAccountSchema, loginSchema, safeNext } from "@/lib/validations/auth";
import { startSession } from "../../_server/session";

/** `login` and `displayName` echo what was typed, so a failed attempt does not clear them (never the password). */
export interface LoginState { error?: "failed" | "invalid" | "throttled"; detail?: string; seconds?: number; login?: string; displayName?: string; attempt?: number }

const typed = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, 200) : undefined;
};

const globalForThrottle = globalThis as unknown as { bitextLoginThrottle?: LoginThrottle };
const throttle = (globalForThrottle.bitextLoginThrottle ??= new LoginThrottle());

/**
 * The client's address for per-address throttling: the last X-Forwarded-For entry (the one
 * the nearest proxy, or Next.js itself, wrote). Without a reverse proxy a client can choose
 * it, so the per-account limit is the one that always holds.
 */
async function clientAddress(): Promise<string | null> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",").map((p) => p.trim()).filter(Boolean).at(-1) ?? null;
}

export async function login(_: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse(Object.fromEntries(formData));
  const login = typed(formData, "login");
  const attempt = Date.now();
  if (!parsed.success) return { error: "failed", login, attempt };
  const outcome = await attemptLogin(db(), throttle, { login: parsed.data.login, password: parsed.data.password, address: await clientAddress() });
  if (!outcome.ok) return outcome.reason === "throttled" ? { error: "throttled", detail: outcome.message, seconds: Math.ceil(outcome.waitMs / 1000), login, attempt } : { error: "failed", login, attempt };
  await startSession(outcome.reviewer);
  redirect(safeNext(parsed.data.next));
}

export async function createFirstAccount(_: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = firstAccountSchema.safeParse(Object.fromEntries(formData));
  const kept = { login: typed(formData, "login"), displayName: typed(formData, "displayName") };
  if (!parsed.success) return { error: "invalid", detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), ...kept };
  // Only while no account exists: afterwards accounts come from `bitext user add`.
  if (!(await needsFirstAccount(db()))) return { error: "invalid", detail: "An account exists already. Log in instead.", ...kept };
  try {
    // The first account runs the installation: it is the admin.
    const reviewer = await createReviewer(db(), { ...parsed.data, role: "admin" });
    await startSession(reviewer);
  } catch (err) {
    if (err instanceof AccountError) return { error: "invalid", detail: err.message, ...kept };
    throw err;
  }
  redirect("/");
}
