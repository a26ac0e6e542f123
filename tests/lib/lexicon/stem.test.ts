import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stemEnglish, stemGerman } from "@/lib/lexicon/stem";

// Reference outputs of the official Snowball stemmers (see fixtures/README.md for provenance).
function reference(name: string): [string, string][] {
  return readFileSync(`tests/lib/lexicon/fixtures/snowball-${name}.tsv`, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split("\t") as [string, string]);
}

describe("stemGerman", () => {
  it("agrees with Snowball's German stemmer on its reference vocabulary", () => {
    const cases = reference("german");
    expect(cases.length).toBeGreaterThan(4000);
    const wrong = cases.filter(([word, stem]) => stemGerman(word) !== stem);
    expect(wrong).toEqual([]);
  });

  it("conflates the inflected forms that the seed translation uses", () => {
    expect(stemGerman("Entwicklungen")).toBe(stemGerman("Entwicklung"));
    expect(stemGerman("Investitionen")).toBe(stemGerman("Investition"));
    expect(stemGerman("Unternehmens")).toBe(stemGerman("Unternehmen"));
  });
});

describe("stemEnglish", () => {
  it("agrees with Porter's stemmer (Snowball's reference output) on its vocabulary", () => {
    const cases = reference("porter");
    expect(cases.length).toBeGreaterThan(4000);
    const wrong = cases.filter(([word, stem]) => stemEnglish(word) !== stem);
    expect(wrong).toEqual([]);
  });

  it("conflates the forms that the seed article uses", () => {
    expect(stemEnglish("investments")).toBe(stemEnglish("investment"));
    expect(stemEnglish("overemphasizing")).toBe(stemEnglish("overemphasize"));
    expect(stemEnglish("companies")).toBe(stemEnglish("company"));
  });
});
