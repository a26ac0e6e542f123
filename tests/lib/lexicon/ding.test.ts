import { describe, expect, it } from "vitest";
import { parseDingLine, splitTopLevel } from "@/lib/lexicon/ding";

// Real lines of the Ding dictionary (trans-de-en, GPL-2-or-later), the input of scripts/build-lexicon.ts.
const KOMMERZIALISIERUNG =
  "Kommerzialisierung {f}; Vermarktung {f} | Kommerzialisierungen {pl}; Vermarktungen {pl} :: commercialization [eAm.]; commercialisation [Br.] | commercializations; commercialisations";
const INTELLIGENZ =
  "Intelligenz {f}; Auffassungsvermögen {n} [psych.] | die menschliche Intelligenz; die Intelligenz des Menschen | künstliche Intelligenz {f} /KI/ :: intelligence | human intelligence | artificial intelligence /AI/";
const FINDEN =
  "finden; vorfinden; auffinden {vt} | findend; vorfindend; auffindend | gefunden; vorgefunden; aufgefunden | er/sie findet | ich/er/sie fand | er/sie hat/hatte gefunden | ich/er/sie fände | guten Absatz finden :: to find {found; found} | finding | found | he/she finds | I/he/she found | he/she has/had found | I/he/she would find | to find a ready market";
const BEWIRKEN =
  "etw. bewirken {vt} | bewirkend | bewirkt :: to achieve sth.; to accomplish sth. | achieving; accomplishing | achieved; accomplished";

const single = (sub: { terms: { words: string[] }[] }) => sub.terms.filter((t) => t.words.length === 1).map((t) => t.words[0]);

describe("parseDingLine", () => {
  it("pairs the n-th German sub-entry with the n-th English one and strips annotations", () => {
    const e = parseDingLine(KOMMERZIALISIERUNG)!;
    expect(e.de).toHaveLength(2);
    expect(e.en).toHaveLength(2);
    expect(single(e.de[0]!)).toEqual(["Kommerzialisierung", "Vermarktung"]);
    expect(single(e.en[0]!)).toEqual(["commercialization", "commercialisation"]);
    expect(e.de[1]!.terms[0]!.pos).toEqual(["noun"]);
  });

  it("reads abbreviations and keeps multi-word terms as such", () => {
    const e = parseDingLine(INTELLIGENZ)!;
    expect(e.de[2]!.abbreviations).toEqual(["KI"]);
    expect(e.en[2]!.abbreviations).toEqual(["AI"]);
    expect(e.de[2]!.terms[0]!.words).toEqual(["künstliche", "Intelligenz"]);
  });

  it("does not split synonyms inside braces, and drops 'to' and conjugation pronouns", () => {
    const e = parseDingLine(FINDEN)!;
    expect(single(e.en[0]!)).toEqual(["find"]);
    expect(single(e.de[3]!)).toEqual(["findet"]);
    expect(single(e.en[3]!)).toEqual(["finds"]);
    expect(single(e.de[4]!)).toEqual(["fand"]);
    // "er/sie hat/hatte gefunden" is two words after the pronouns: not a single-word term.
    expect(single(e.de[5]!)).toEqual([]);
  });

  it("drops valency placeholders (etw., sth.)", () => {
    const e = parseDingLine(BEWIRKEN)!;
    expect(single(e.de[0]!)).toEqual(["bewirken"]);
    expect(single(e.en[0]!)).toEqual(["achieve", "accomplish"]);
  });

  it("skips comments and blank lines", () => {
    expect(parseDingLine("# Version :: devel 2023-01-30")).toBeNull();
    expect(parseDingLine("")).toBeNull();
  });
});

describe("splitTopLevel", () => {
  it("splits only outside brackets", () => {
    expect(splitTopLevel("to find {found; found}; to locate", "; ")).toEqual(["to find {found; found}", "to locate"]);
  });
});
