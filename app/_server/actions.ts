"use server";
// Server actions shared by every page: language choice and logout.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isUiLanguage } from "@/lib/i18n";
import { endSession, LANG_COOKIE } from "./session";

export async function setLanguage(lang: string): Promise<void> {
  if (isUiLanguage(lang)) (await cookies()).set(LANG_COOKIE, lang, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
}

export async function logout(): Promise<void> {
  await endSession();
  redirect("/login");
}
