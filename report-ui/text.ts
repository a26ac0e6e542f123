// The report's words and numbers in one UI language, for the components that render it on the
// web page and in the HTML download alike.
import { findingMessage, t as translate, type UiLanguage } from "../lib/i18n";
import { formatNumber, uiLocale } from "../lib/i18n/format";

export interface ReportText {
  lang: UiLanguage;
  /** A key of the report namespace: `t("score.quality")`. */
  t: (key: string, params?: Record<string, unknown>) => string;
  /** An ISO time as a date and time in UTC, "–" for none. */
  date: (iso: string | null) => string;
  num: (n: number, digits?: number, upTo?: number) => string;
  finding: (message: { key: string; params: Record<string, string | number> }) => string;
  /** A login as the person's display name (the report's `people`), the login itself without one. */
  person: (login: string) => string;
  /** A revision's operation in words; the operation name itself when there is no text for it. */
  operation: (op: string) => string;
}

export function reportText(lang: UiLanguage, people: Record<string, string> = {}): ReportText {
  const locale = uiLocale(lang);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const t = (key: string, params?: Record<string, unknown>) => translate(lang, `report:${key}`, params);
  return {
    lang,
    t,
    date: (iso) => (iso ? `${dateFormat.format(new Date(iso))} UTC` : "–"),
    num: (n, digits = 0, upTo = digits) => formatNumber(lang, n, digits, upTo),
    finding: (message) => findingMessage(lang, message),
    person: (login) => people[login] ?? login,
    operation: (op) => {
      const key = `operations.${op}`;
      const text = t(key);
      return text === key ? op : text;
    },
  };
}
