"use client";
// Gives client components the same i18next resources the server renders with.
import { useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { createI18n, type UiLanguage } from "@/lib/i18n";

export function I18nProvider({ lang, children }: { lang: UiLanguage; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
