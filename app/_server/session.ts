// Session and UI-language glue between Next.js requests and lib/auth.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { createSessionToken, readSessionToken, SESSION_COOKIE, SESSION_DAYS, type SessionPayload } from "@/lib/auth/session";
import { isUiLanguage, type UiLanguage } from "@/lib/i18n";

export const LANG_COOKIE = "bitext_lang";

export async function currentSession(): Promise<SessionPayload | null> {
  return readSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
}

/** For pages and server actions: the reviewer, or a redirect to the login page. */
export async function requireSession(): Promise<SessionPayload> {
  const session = await currentSession();
  if (!session) redirect("/login");
  return session;
}

export async function startSession(user: { id: number; login: string; displayName: string }): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, createSessionToken(user), {
    httpOnly: true, sameSite: "lax", path: "/", maxAge: SESSION_DAYS * 86_400,
    secure: process.env.BITEXT_SECURE_COOKIES === "1",
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** The UI language: the reviewer's choice (cookie), else the browser's preference. */
export async function uiLanguage(): Promise<UiLanguage> {
  const chosen = (await cookies()).get(LANG_COOKIE)?.value;
  if (isUiLanguage(chosen)) return chosen;
  const accept = (await headers()).get("accept-language") ?? "";
  return /^\s*de\b/i.test(accept) ? "de" : "en";
}
