// One rule for language codes: the CLI flags, the import form's schema and JSON documents all
// take what lib/language-code takes.
import { describe, expect, it } from "vitest";
import { requireLang } from "../../cli/args";
import { isLanguageCode, normaliseLanguageCode } from "../../lib/language-code";
import { importFormSchema } from "../../lib/validations/import";

const GOOD = ["en", "de", "deu", "pt-BR", "pt_BR", "zh-Hant", "sr-Latn-RS", "es-419", "EN"];
const BAD = ["", "e", "english", "english!", "de-", "-de", "de DE", "1e", "en--us"];

describe("language codes", () => {
  it("takes ISO 639 languages with BCP 47 subtags and nothing else", () => {
    for (const code of GOOD) expect(isLanguageCode(code), code).toBe(true);
    for (const code of BAD) expect(isLanguageCode(code), code).toBe(false);
  });

  it("stores them in one spelling", () => {
    expect(["EN", "pt_br", "PT-br", "zh-hant", "sr_latn_rs", "es-419"].map(normaliseLanguageCode)).toEqual(["en", "pt-BR", "pt-BR", "zh-Hant", "sr-Latn-RS", "es-419"]);
  });

  it("is the rule of the CLI's language flags and of the import form", () => {
    expect(requireLang("pt_BR", "--src-lang")).toBe("pt-BR");
    expect(() => requireLang("english!", "--src-lang")).toThrow(/--src-lang needs a language code such as en, de or pt-BR/);
    const form = importFormSchema.parse({ sourceLang: " EN ", targetLang: "pt_br" });
    expect([form.sourceLang, form.targetLang]).toEqual(["en", "pt-BR"]);
    expect(importFormSchema.safeParse({ sourceLang: "english!", targetLang: "de" }).success).toBe(false);
  });
});
