// UI and message text in English and German. One i18next resource bundle per namespace
// (lib/i18n/locales/<lang>/<namespace>.json), shared by the web app, the CLI and reports.
import i18next, { type i18n, type TOptions } from "i18next";
import enCommon from "./locales/en/common.json";
import deCommon from "./locales/de/common.json";
import enFindings from "./locales/en/findings.json";
import deFindings from "./locales/de/findings.json";
import enReport from "./locales/en/report.json";
import deReport from "./locales/de/report.json";
import enReview from "./locales/en/review.json";
import deReview from "./locales/de/review.json";

export const UI_LANGUAGES = ["en", "de"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const NAMESPACES = ["common", "findings", "report", "review"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const resources = {
  en: { common: enCommon, findings: enFindings, report: enReport, review: enReview },
  de: { common: deCommon, findings: deFindings, report: deReport, review: deReview },
} as const;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** A fresh, synchronously initialised i18next instance (safe per request on the server). */
export function createI18n(lng: UiLanguage = "en"): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: "en",
    ns: [...NAMESPACES],
    defaultNS: "common",
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const cache = new Map<UiLanguage, i18n>();

/** Translate outside React (CLI, reports, server): `t("de", "findings:compound.message", {...})`. */
export function t(lng: UiLanguage, key: string, params?: TOptions): string {
  let instance = cache.get(lng);
  if (!instance) {
    instance = createI18n(lng);
    cache.set(lng, instance);
  }
  return instance.t(key, params ?? {}) as string;
}

/**
 * A finding's message in the UI language: the one wording the review page, the reports (page, HTML,
 * CSV) and XLIFF notes show. Without a translation for its key (a detector newer than the
 * locales) it reads as the key with its parameters, so nothing is lost.
 */
export function findingMessage(lng: UiLanguage, message: { key: string; params: Record<string, string | number> }): string {
  const text = t(lng, `findings:${message.key}`, message.params);
  if (text !== message.key) return text;
  const params = Object.entries(message.params).map(([k, v]) => `${k}: ${v}`).join(", ");
  return params ? `${message.key} (${params})` : message.key;
}
