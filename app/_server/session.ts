// Session and UI-language glue between Next.js requests and lib/auth + lib/db/sessions.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { can, forbiddenMessage, type Permission } from "@/lib/auth/roles";
import { SESSION_COOKIE, type SessionPayload } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { findSession, openSession, revokeSession } from "@/lib/db/sessions";
import { isUiLanguage, type UiLanguage } from "@/lib/i18n";

export const LANG_COOKIE = "bitext_lang";

/** The open session of this request (one lookup per render), or null. */
export const currentSession = cache(async (): Promise<SessionPayload | null> => {
  const session = await findSession(db(), (await cookies()).get(SESSION_COOKIE)?.value);
  return session && { uid: session.reviewer.id, login: session.reviewer.login, name: session.reviewer.displayName, role: session.reviewer.role, sessionId: session.id };
});

/**
 * For route handlers: the session if its role may do this, else the answer to send
 * (401 without a session, 403 with the role's limits spelled out).
 */
export async function authorize(permission: Permission): Promise<{ session: SessionPayload } | { response: Response }> {
  const session = await currentSession();
  if (!session) return { response: Response.json({ error: "unauthenticated", message: "Not logged in. Log in at /login first." }, { status: 401 }) };
  if (!can(session.role, permission)) return { response: Response.json({ error: "forbidden", message: forbiddenMessage(session.role, permission) }, { status: 403 }) };
  return { session };
}


/** For pages and server actions: the reviewer, or a redirect to the login page. */
export async function requireSession(): Promise<SessionPayload> {
  const session = await currentSession();
  if (!session) redirect("/login");
  return session;
}

/** Served over HTTPS (directly, or behind a proxy that says so in X-Forwarded-Proto): cookies get Secure. */
export async function servedOverHttps(): Promise<boolean> {
  if (process.env.BITEXT_SECURE_COOKIES === "1") return true;
  const proto = (await headers()).get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  return proto === "https";
}

export async function startSession(user: { id: number }): Promise<void> {
  const { token, expiresAt } = await openSession(db(), user.id);
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: "lax", path: "/", expires: expiresAt, secure: await servedOverHttps(),
  });
}

/** Logout: the session row is revoked (copies of the cookie die with it), then the cookie is dropped. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  await revokeSession(db(), jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
}

/** The UI language: the reviewer's choice (cookie), else the browser's preference. */
export async function uiLanguage(): Promise<UiLanguage> {
  const chosen = (await cookies()).get(LANG_COOKIE)?.value;
  if (isUiLanguage(chosen)) return chosen;
  const accept = (await headers()).get("accept-language") ?? "";
  return /^\s*de\b/i.test(accept) ? "de" : "en";
}
