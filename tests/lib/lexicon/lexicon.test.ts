import { describe, expect, it } from "vitest";
import { loadLexicon } from "@/lib/lexicon";
import { splitGermanCompound } from "@/lib/lexicon/compound";
import { stemGerman } from "@/lib/lexicon/stem";
import { englishContentWords, englishParagraphs, germanParagraphs, words } from "./seed-pair";

const lexicon = loadLexicon();

describe("loadLexicon", () => {
  it("is cached per process", () => {
    expect(loadLexicon()).toBe(lexicon);
  });
});

describe("word pairs from the seed translation", () => {
  it("Führung <-> leadership, in both directions", () => {
    expect(lexicon.deToEn("Führung")).toContain("leadership");
    expect(lexicon.enToDe("leadership")).toContain("führung");
  });

  it("Kommerzialisierung <-> commercialization (and the British spelling)", () => {
    expect(lexicon.deToEn("Kommerzialisierung")).toEqual(expect.arrayContaining(["commercialization", "commercialisation"]));
    expect(lexicon.enToDe("commercialization")).toContain("kommerzialisierung");
    expect(lexicon.enToDe("commercialisation")).toContain("kommerzialisierung");
  });

  it("finds inflected forms and ignores case and surrounding punctuation", () => {
    expect(lexicon.deToEn("Investitionen")).toContain("investments");
    expect(lexicon.deToEn("FÜHRUNG,")).toEqual(lexicon.deToEn("Führung"));
    expect(lexicon.enToDe("Investments")).toContain("investitionen");
    expect(lexicon.enToDe("regained")).not.toHaveLength(0);
  });

  it("puts the primary sense first", () => {
    expect(lexicon.deToEn("Führung")[0]).toBe("leadership");
    expect(lexicon.enToDe("invested")[0]).toBe("investiert");
    expect(lexicon.enToDe("development")[0]).toBe("entwicklung");
  });

  it("pairs abbreviations: KI <-> AI", () => {
    expect(lexicon.deToEn("KI")).toContain("ai");
    expect(lexicon.enToDe("AI")).toContain("ki");
  });

  it("does not know the nonce compounds of the machine translation as words", () => {
    for (const nonce of ["Führungsstrang", "Überbeugung"]) {
      expect(lexicon.hasGerman(nonce)).toBe(false);
      expect(lexicon.deToEn(nonce)).toEqual([]);
    }
    expect(lexicon.hasGerman("Kommerzialisierung")).toBe(true);
    expect(lexicon.hasEnglish("overemphasizing")).toBe(true);
    expect(lexicon.hasEnglish("Ultraman")).toBe(false);
  });
});

describe("coverage of the seed pair (000 English, 001 German)", () => {
  it("translates at least 93% of the English content words of 000 (shared/notes/nlp.md measured 96%)", () => {
    const content = englishParagraphs.flatMap(englishContentWords);
    expect(content.length).toBeGreaterThan(200);
    const translated = content.filter((w) => lexicon.enToDe(w).length > 0);
    expect(translated.length / content.length).toBeGreaterThanOrEqual(0.93);
  });

  it("translates at least 90% of the German words of 001, directly or part by part", () => {
    const all = germanParagraphs.flatMap(words).filter((w) => w.length > 2);
    const translated = all.filter(
      (w) =>
        lexicon.deToEn(w).length > 0 ||
        splitGermanCompound(w, lexicon).some((parts) => parts.every((p) => lexicon.deToEn(p).length > 0)),
    );
    expect(translated.length / all.length).toBeGreaterThanOrEqual(0.9);
  });

  // The use the aligner makes of the lexicon: the translations of an English paragraph's words should be
  // found in its own German paragraph far more often than in a neighbouring one.
  function translationHitRate(en: string, de: string): number {
    const germanWords = words(de).map((w) => w.toLowerCase());
    const stems = new Set(germanWords.map(stemGerman));
    for (const w of germanWords) for (const p of splitGermanCompound(w, lexicon)[0] ?? []) stems.add(stemGerman(p));
    let known = 0;
    let hits = 0;
    for (const w of englishContentWords(en)) {
      const translations = lexicon.enToDe(w);
      if (!translations.length) continue;
      known++;
      if (translations.some((t) => stems.has(stemGerman(t)))) hits++;
    }
    return hits / known;
  }

  it("finds more translations in the aligned paragraph than in any other", () => {
    const n = englishParagraphs.length;
    expect(germanParagraphs).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      const rates = germanParagraphs.map((de) => translationHitRate(englishParagraphs[i]!, de));
      const best = rates.indexOf(Math.max(...rates));
      expect(best, `English paragraph ${i}: ${rates.map((r) => r.toFixed(2)).join(" ")}`).toBe(i);
      expect(rates[i]).toBeGreaterThan(0.6);
    }
  });
});
