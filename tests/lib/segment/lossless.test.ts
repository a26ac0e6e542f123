// Whatever the input, segmentation must not alter, drop or reorder a character.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { segmentPresegmented, segmentText, splitParagraphs } from "../../../lib/segment";
import { expectLossless } from "./invariants";

// Characters the rules react to, so random strings exercise them rather than plain words.
const tricky = fc.constantFrom(
  ..."aZ Ä.!?…,:;\"'„“”‘’‚«»()[]3 \n\u00a0。！？".split(""),
  "Dr.", "z. B.", "U.S.", "e.g.", "24. ", "...", "1. ", "Q1. ", "https://x.de/a.b ", "a@b.de. ", " The ", " Der ",
);
const trickyText = fc.array(tricky, { maxLength: 80 }).map((parts) => parts.join(""));

describe("lossless segmentation", () => {
  it.each(["en", "de", "fr", "zh", "xx"])("keeps offsets and only whitespace between sentences (%s)", (lang) => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expectLossless(text, segmentText(text, lang));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps arbitrary unicode text lossless", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expectLossless(text, segmentText(text, "en"));
      }),
      { numRuns: 300 },
    );
  });

  it("never lets a sentence cross a line break", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        for (const s of segmentText(text, "de")) expect(s.text).not.toMatch(/\n/);
      }),
    );
  });

  it("splitParagraphs returns the trimmed non-empty lines with their offsets", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
        const paragraphs = splitParagraphs(text);
        expect(paragraphs.map((p) => p.text)).toEqual(lines);
        for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
      }),
    );
  });

  it("a single 1 MB paragraph comes out exactly as the sum of its parts", () => {
    // The one-line fixture cases, joined into one paragraph many times over: segmenting the
    // whole must give what segmenting each case on its own gives (each case ends a sentence).
    const cases = JSON.parse(readFileSync("fixtures/segmentation/en.json", "utf8")) as { text: string }[];
    const parts = cases.map((c) => c.text).filter((t) => !t.includes("\n") && /[.!?]["”’)]?$/.test(t));
    const block = parts.join(" ");
    const blockSentences = parts.flatMap((t) => segmentText(t, "en").map((s) => s.text));
    const copies = Math.ceil(1_000_000 / (block.length + 1));
    const text = Array.from({ length: copies }, () => block).join(" ");
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const sentences = segmentText(text, "en");
    expectLossless(text, sentences);
    expect(sentences.every((s) => s.paragraph === 0)).toBe(true);
    expect(sentences.length).toBe(copies * blockSentences.length);
    expect(sentences.slice(0, blockSentences.length).map((s) => s.text)).toEqual(blockSentences);
    expect(sentences.slice(-blockSentences.length).map((s) => s.text)).toEqual(blockSentences);
  });

  it("a 1 MB paragraph without a single space is one sentence", () => {
    const text = "a.b?c!d…".repeat(125_000);
    const sentences = segmentText(text, "de");
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toMatchObject({ start: 0, end: text.length, paragraph: 0 });
  });

  it("a 1 MB paragraph of bare periods and spaces stays lossless", () => {
    const text = ". ".repeat(500_000) + "Ende.";
    expectLossless(text, segmentText(text, "de"));
  });
});

describe("segmentPresegmented", () => {
  it("takes one sentence per line and starts a paragraph at each blank line", () => {
    const text = "First one.\nSecond one, no stop\n\n  Third.  \n\n\nFourth. Still fourth.\n";
    const sentences = segmentPresegmented(text);
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ["First one.", 0],
      ["Second one, no stop", 0],
      ["Third.", 1],
      ["Fourth. Still fourth.", 2],
    ]);
    expectLossless(text, sentences);
  });

  it("treats a text without blank lines as one paragraph", () => {
    const sentences = segmentPresegmented("A.\nB.\nC.");
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 0]);
  });

  it("ignores leading blank lines and is lossless on any input", () => {
    expect(segmentPresegmented("\n\n  \nA.\n\nB.").map((s) => s.paragraph)).toEqual([0, 1]);
    fc.assert(
      fc.property(trickyText, (text) => {
        const sentences = segmentPresegmented(text);
        expectLossless(text, sentences);
        expect(sentences).toHaveLength(text.split("\n").filter((l) => l.trim() !== "").length);
      }),
    );
  });
});
