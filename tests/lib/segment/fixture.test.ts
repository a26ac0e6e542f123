// Exact-match accuracy on the hand-written tricky cases (fixtures/segmentation/*.json):
// a case counts only when the whole sentence list equals the gold list.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { segmentText } from "../../../lib/segment";

interface SegmentationCase {
  id: string;
  text: string;
  sentences: string[];
  note?: string;
}

const load = (lang: string): SegmentationCase[] =>
  JSON.parse(readFileSync(`fixtures/segmentation/${lang}.json`, "utf8")) as SegmentationCase[];

describe.each(["en", "de"])("segmentation fixture (%s)", (lang) => {
  const cases = load(lang);

  it("has at least 60 cases with unique ids whose gold sentences are pieces of the text", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      // The gold must be a partition of the text into trimmed pieces separated by whitespace only.
      let at = 0;
      for (const sentence of c.sentences) {
        const found = c.text.indexOf(sentence, at);
        expect(found, `${c.id}: "${sentence}"`).toBeGreaterThanOrEqual(0);
        expect(c.text.slice(at, found).trim(), c.id).toBe("");
        at = found + sentence.length;
      }
      expect(c.text.slice(at).trim(), c.id).toBe("");
    }
  });

  it("is segmented exactly in at least 98% of the cases", () => {
    const misses = cases
      .map((c) => ({ c, got: segmentText(c.text, lang).map((s) => s.text) }))
      .filter(({ c, got }) => JSON.stringify(got) !== JSON.stringify(c.sentences));
    const accuracy = (cases.length - misses.length) / cases.length;
    console.log(`segmentation ${lang}: ${cases.length - misses.length}/${cases.length} exact (${(accuracy * 100).toFixed(1)}%)`);
    for (const { c, got } of misses) console.log(`  miss ${c.id}: ${JSON.stringify(got)}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });
});
