// One rule for the language codes people type (CLI flags, the import form and API, JSON documents):
// an ISO 639 language of two or three letters, optionally with BCP 47 subtags (pt-BR, zh-Hant,
// sr-Latn-RS). "_" is taken for "-", as many corpus tools write "pt_BR". The pipeline reads the
// language from the first subtag (de-AT gets the German rules), so regional codes need nothing more.

const LANGUAGE_CODE = /^[a-z]{2,3}(?:[-_][a-z0-9]+)*$/i;

/** For messages: what a language code looks like. */
export const LANGUAGE_CODE_EXAMPLES = "en, de or pt-BR";

export function isLanguageCode(value: string): boolean {
  return LANGUAGE_CODE.test(value);
}

/**
 * The code as it is stored: trimmed, "-" between subtags, the language in lower case, a region
 * in upper case and a script in title case ("PT_br" → "pt-BR", "zh-hant" → "zh-Hant").
 * Call it on codes that pass isLanguageCode.
 */
export function normaliseLanguageCode(value: string): string {
  const [language, ...subtags] = value.trim().split(/[-_]/);
  return [
    language.toLowerCase(),
    ...subtags.map((s) => (/^[a-z]{2}$/i.test(s) ? s.toUpperCase() : /^[a-z]{4}$/i.test(s) ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s.toLowerCase())),
  ].join("-");
}
