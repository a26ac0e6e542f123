import { describe, expect, it } from "vitest";
import { loadLexicon } from "@/lib/lexicon";
import { splitGermanCompound } from "@/lib/lexicon/compound";
import { germanParagraphs, words } from "./seed-pair";

const lexicon = loadLexicon();

describe("splitGermanCompound", () => {
  it.each([
    ["Führungsstrang", ["führung", "strang"]],
    ["Überbeugung", ["über", "beugung"]],
    ["Rechenressourcen", ["rechen", "ressourcen"]],
    ["Kapitalinvestitionen", ["kapital", "investitionen"]],
    ["Abhängigkeitsbeziehung", ["abhängigkeit", "beziehung"]],
    ["Entwicklungsrichtung", ["entwicklung", "richtung"]],
    ["Geschäftsinteressen", ["geschäft", "interessen"]],
  ])("splits the seed compound %s at its morpheme boundary", (word, parts) => {
    expect(splitGermanCompound(word, lexicon)[0]).toEqual(parts);
  });

  it("restores truncated first parts: Schul-buch, Schreib-tisch", () => {
    expect(splitGermanCompound("Schulbuch", lexicon)[0]).toEqual(["schule", "buch"]);
    expect(splitGermanCompound("Schreibtisch", lexicon)[0]).toEqual(["schreiben", "tisch"]);
  });

  it("cuts at hyphens: KI-Modellen", () => {
    expect(splitGermanCompound("KI-Modellen", lexicon)).toEqual([["ki", "modellen"]]);
  });

  it.each([
    "Unternehmen", // not unter + nehmen
    "Verbraucher", // not Verb + Raucher
    "Auswirkungen", // not aus + Wirkungen
    "Autonomie", // not Auto + Omi
    "Microsoft", // not micro + oft
    "Bedeutung",
    "Entwicklung",
    "Kontroverse",
    "Intervention",
    "Kommerzialisierung",
    "zweifellos", // -los is a suffix
    "möglicherweise",
    "tiefgreifende",
    "Position",
  ])("does not split the non-compound or lexicalised word %s", (word) => {
    expect(splitGermanCompound(word, lexicon)).toEqual([]);
  });

  it("returns only parts of at least 3 letters that the lexicon knows, in the word's order, for every word of 001", () => {
    const all = [...new Set(germanParagraphs.flatMap(words))];
    let split = 0;
    for (const word of all) {
      const splits = splitGermanCompound(word, lexicon);
      if (splits.length) split++;
      for (const parts of splits) {
        expect(parts.length).toBeGreaterThanOrEqual(2);
        let at = 0;
        const lower = word.toLowerCase();
        for (const part of parts) {
          expect(part.length).toBeGreaterThanOrEqual(3);
          expect(lexicon.hasGerman(part), `${word}: ${part}`).toBe(true);
          // A part appears in the word, up to a restored or removed ending of at most two letters.
          const core = part.slice(0, Math.max(3, part.length - 2));
          const found = lower.indexOf(core, at);
          expect(found, `${word}: ${parts.join("+")}`).toBeGreaterThanOrEqual(at);
          at = found + core.length;
        }
      }
    }
    expect(split).toBeGreaterThan(10);
  });

  it("splits a lowercased nonce compound the same way", () => {
    expect(splitGermanCompound("führungsstrang", lexicon)[0]).toEqual(["führung", "strang"]);
  });
});
