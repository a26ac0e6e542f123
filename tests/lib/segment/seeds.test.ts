// The seed articles: the real pair 000/001 and three English texts with headings,
// blank-line paragraphs, site chrome and a Q&A block.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { segmentText, splitParagraphs } from "../../../lib/segment";
import { expectLossless } from "./invariants";

const SEEDS = "fixtures/seeds";
const seed = (prefix: string): string => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(`${SEEDS}/${name}`, "utf8");
};
const LANG: Record<string, string> = { "000": "en", "001": "de", "002": "en", "003": "en", "004": "en" };

const perParagraph = (paragraphs: number[]): number[] =>
  paragraphs.reduce<number[]>((counts, p) => ((counts[p] = (counts[p] ?? 0) + 1), counts), []);

describe("seed articles", () => {
  it.each([
    ["000", "en"],
    ["001", "de"],
  ])("%s (%s) has 15 sentences in 5 paragraphs of 4, 3, 3, 3, 2", (id, lang) => {
    const sentences = segmentText(seed(id), lang);
    expect(sentences).toHaveLength(15);
    expect(perParagraph(sentences.map((s) => s.paragraph))).toEqual([4, 3, 3, 3, 2]);
  });

  it("000 and 001 agree sentence for sentence on where paragraphs start", () => {
    const en = segmentText(seed("000"), "en").map((s) => s.paragraph);
    const de = segmentText(seed("001"), "de").map((s) => s.paragraph);
    expect(de).toEqual(en);
  });

  it.each(Object.keys(LANG))("%s is segmented losslessly, paragraph numbers matching splitParagraphs", (id) => {
    const text = seed(id);
    const sentences = segmentText(text, LANG[id]);
    expectLossless(text, sentences);
    const paragraphs = splitParagraphs(text);
    for (const s of sentences) {
      const p = paragraphs[s.paragraph];
      expect(s.start >= p.start && s.end <= p.end).toBe(true);
    }
    expect(new Set(sentences.map((s) => s.paragraph)).size).toBe(paragraphs.length);
  });

  it("003: blank-line paragraphs, headings and chrome lines are sentences of their own", () => {
    const text = seed("003");
    const paragraphs = splitParagraphs(text);
    expect(paragraphs).toHaveLength(text.split("\n").filter((line) => line.trim() !== "").length);
    const sentences = segmentText(text, "en").map((s) => s.text);
    for (const line of [
      "The Battle between Open Source and Closed Source",
      "The Power Struggle may Impact OpenAI's Business",
      "Wallstreetcn",
      "2023.11.24 02:55",
      "portai",
      "I'm PortAI, I can summarize articles.",
      "The letter states:",
    ]) {
      expect(sentences).toContain(line);
    }
    // The quotation ending in "era... If GPT-X" is two sentences, not one.
    expect(sentences.some((s) => s.endsWith("shaped the previous internet era..."))).toBe(true);
  });

  it("004: numbered headings and Q&A items stay whole, one sentence per heading line", () => {
    const text = seed("004");
    const sentences = segmentText(text, "en");
    const texts = sentences.map((s) => s.text);
    for (const heading of ["1. Title", "2. Introduction", "3. Main Body", "4. Conclusion", "5. Q&A", "6. Related Tags", "Comments", "Post a Comment"]) {
      expect(texts).toContain(heading);
    }
    const headingLines = text.split("\n").filter((line) => /^(\d+\.)+\d* |^\d+\.\d+ /.test(line));
    expect(headingLines.length).toBeGreaterThanOrEqual(10);
    for (const line of headingLines) expect(texts).toContain(line.trim());
    for (const q of texts.filter((t) => /^[QA]\d\./.test(t))) {
      // "Q1. Why …?" must not be cut after its marker.
      expect(q.length).toBeGreaterThan(4);
    }
    expect(texts.filter((t) => /^Q\d\. .+\?$/.test(t))).toHaveLength(5);
    expect(texts.filter((t) => /^A\d\. /.test(t))).toHaveLength(5);
  });
});
