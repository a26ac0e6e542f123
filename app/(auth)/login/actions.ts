"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { AccountError, authenticate, createReviewer, needsFirstAccount } from "@/lib/db/reviewers";
import { firstAccountSchema, loginSchema, safeNext } from "@/lib/validations/auth";
import { startSession } from "../../_server/session";

export interface LoginState { error?: "failed" | "invalid"; detail?: string }

export async function login(_: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "failed" };
  const reviewer = await authenticate(db(), parsed.data.login, parsed.data.password);
  if (!reviewer) return { error: "failed" };
  await startSession(reviewer);
  redirect(safeNext(parsed.data.next));
}

export async function createFirstAccount(_: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = firstAccountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "invalid", detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  // Only while no account exists: afterwards accounts come from `bitext user add`.
  if (!(await needsFirstAccount(db()))) return { error: "invalid", detail: "An account exists already. Log in instead." };
  try {
    const reviewer = await createReviewer(db(), parsed.data);
    await startSession(reviewer);
  } catch (err) {
    if (err instanceof AccountError) return { error: "invalid", detail: err.message };
    throw err;
  }
  redirect("/");
}
