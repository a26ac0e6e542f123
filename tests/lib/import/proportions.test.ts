// Import warnings the user can override (issue #16), on the seed texts: grossly different sentence
// counts, a single huge line, text pasted beside a file, and sides that look swapped.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkImportInput } from "../../../lib/import";
import { estimateSentences, HUGE_LINE_CHARS } from "../../../lib/import/proportions";
import { segmentText } from "../../../lib/segment";

const EN = readFileSync("fixtures/seeds/000_2f5c058692c94630.txt", "utf8");
const DE = readFileSync("fixtures/seeds/001_1a15638dc6a05010.txt", "utf8");
const bytes = (text: string) => new TextEncoder().encode(text);
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe("import warnings about the shape of the texts", () => {
  it("estimates sentence counts near the segmenter's", () => {
    for (const [text, lang] of [[EN, "en"], [DE, "de"]] as const) {
      const segmented = segmentText(text, lang).length;
      expect(Math.abs(estimateSentences(text) - segmented)).toBeLessThanOrEqual(Math.ceil(segmented * 0.25));
    }
  });

  it("says nothing about a real translation, and warns when one side is a few sentences of the other", () => {
    expect(checkImportInput({ label: "en.txt", lang: "en", text: EN }, { label: "de.txt", lang: "de", text: DE }).warnings).toEqual([]);
    const few = DE.split(/(?<=\.)\s+/).slice(0, 2).join(" ");
    const { warnings } = checkImportInput({ label: "en.txt", lang: "en", text: EN }, { label: "de.txt", lang: "de", text: few });
    expect(codes(warnings)).toEqual(["sentenceCounts"]);
    expect(warnings[0].params.sourceCount).toBeGreaterThan(Number(warnings[0].params.targetCount) * 2);
  });

  it("warns about a single huge line", () => {
    let line = "";
    while (line.length < HUGE_LINE_CHARS) line += `${EN.replace(/\s+/g, " ")} `;
    const { warnings } = checkImportInput({ label: "flat.txt", lang: "en", text: line }, null);
    expect(codes(warnings)).toEqual(["hugeLine"]);
    expect(warnings[0]).toMatchObject({ side: "source", params: { label: "flat.txt" } });
    expect(warnings[0].params.length).toBeGreaterThanOrEqual(HUGE_LINE_CHARS);
  });

  it("warns when a side has pasted text and a file (the file is used)", () => {
    const { warnings, target } = checkImportInput({ label: "en.txt", lang: "en", text: EN }, { label: "de.txt", lang: "de", bytes: bytes(DE), ignoredText: "Ein ganz anderer Text." });
    expect(codes(warnings)).toEqual(["pastedAndFile"]);
    expect(warnings[0].side).toBe("target");
    expect(target).not.toContain("ganz anderer");
  });

  it("warns once that the sides look swapped instead of twice about their languages", () => {
    const { warnings } = checkImportInput({ label: "first.txt", lang: "en", text: DE }, { label: "second.txt", lang: "de", text: EN });
    expect(codes(warnings)).toEqual(["swappedSides"]);
    expect(warnings[0].params).toMatchObject({ sourceLang: "en", targetLang: "de" });
    // Only one side in the wrong language is not a swap.
    expect(codes(checkImportInput({ label: "first.txt", lang: "en", text: DE }, { label: "second.txt", lang: "de", text: DE.replace(/\./g, "!") }).warnings)).toContain("wrongLanguage");
  });
});
