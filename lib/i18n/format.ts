// Numbers and dates in the UI's language (Intl): "0,96" and "8. Dez. 2026" in German, "0.96" and
// "8 Dec 2026" in English. The one place that maps a UI language to its locale.
import { isUiLanguage, type UiLanguage } from "./index";

const LOCALES: Record<UiLanguage, string> = { en: "en-GB", de: "de-DE" };

/** The Intl locale of a UI language (English for anything else, as the UI falls back to English). */
export function uiLocale(lang: string): string {
  return isUiLanguage(lang) ? LOCALES[lang] : LOCALES.en;
}

/** `digits` decimals always, up to `upTo` when the number has them (0.3 → "0,3", 0.25 → "0,25" with upTo 2). */
export function formatNumber(lang: string, n: number, digits = 0, upTo = digits): string {
  return n.toLocaleString(uiLocale(lang), { minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, upTo) });
}

export function formatDateTime(lang: string, iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return new Date(iso).toLocaleString(uiLocale(lang), options);
}
