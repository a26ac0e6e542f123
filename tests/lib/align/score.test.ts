// The scorer on hand-made alignments; expected counts worked out from the definition in
// lib/align/score.ts (Vecalign's score.py), written next to each case.
import { describe, expect, it } from "vitest";
import { precisionCounts, scoreAlignments } from "../../../lib/align/score";
import { formatVecalign, parseVecalign } from "../../../lib/align/vecalign-format";

const L = (text: string) => parseVecalign(text.split(";").join("\n"));

describe("Vecalign strict/lax scores", () => {
  const gold = L("[0]:[0];[1]:[1, 2];[2]:[];[3]:[3]");
  const test = L("[0]:[0];[1]:[1];[]:[2];[2]:[];[3]:[3]");

  it("precision: exact links are strict hits, overlapping ones lax hits, an insertion the gold lacks is a miss", () => {
    // [0]:[0] exact; [1]:[1] overlaps gold [1]:[1,2] (lax only); []:[2] has no source to overlap (miss);
    // [2]:[] is the gold's own deletion (exact); [3]:[3] exact.
    expect(precisionCounts(gold, test)).toEqual({ strictHits: 3, strictMisses: 2, laxHits: 4, laxMisses: 1 });
  });

  it("recall drops one-sided links from both and swaps the roles", () => {
    // Gold two-sided links [0]:[0], [1]:[1,2], [3]:[3] checked against the hypothesis's two-sided
    // links: two exact, [1]:[1,2] overlaps [1]:[1].
    const s = scoreAlignments([{ gold, test }]);
    expect(s.precisionStrict).toBeCloseTo(3 / 5);
    expect(s.precisionLax).toBeCloseTo(4 / 5);
    expect(s.recallStrict).toBeCloseTo(2 / 3);
    expect(s.recallLax).toBeCloseTo(1);
    expect(s.f1Strict).toBeCloseTo((2 * (3 / 5) * (2 / 3)) / (3 / 5 + 2 / 3));
    expect(s.f1Lax).toBeCloseTo((2 * 0.8 * 1) / 1.8);
  });

  it("a deletion counts only when the gold has the same deletion", () => {
    expect(precisionCounts(L("[2]:[3]"), L("[2]:[]"))).toEqual({ strictHits: 0, strictMisses: 1, laxHits: 0, laxMisses: 1 });
    expect(precisionCounts(L("[2]:[]"), L("[2]:[]"))).toEqual({ strictHits: 1, strictMisses: 0, laxHits: 1, laxMisses: 0 });
  });

  it("pools counts over documents instead of averaging per document", () => {
    const perfect = L("[0]:[0];[1]:[1];[2]:[2]");
    const wrong = L("[0]:[1]");
    // Precision: 3 hits in document 1, 1 miss in document 2 -> 3/4 (an average of ratios would give 1/2).
    const s = scoreAlignments([{ gold: perfect, test: perfect }, { gold: L("[0]:[0];[1]:[1]"), test: wrong }]);
    expect(s.precisionStrict).toBeCloseTo(3 / 4);
  });

  it("ignores empty-empty links and duplicates; a gold sentence in no link is simply not scored", () => {
    const g = L("[0]:[0];[2]:[2]"); // sentence 1 of each side is left out, as in Text+Berg
    const t = L("[0]:[0];[1]:[1];[2]:[2];[]:[]");
    const c = precisionCounts(g, [...t, ...t]);
    expect(c).toEqual({ strictHits: 2, strictMisses: 1, laxHits: 2, laxMisses: 1 });
  });

  it("gives 0 for 0/0 and reads confidences in hypothesis files", () => {
    expect(scoreAlignments([{ gold: [], test: [] }]).f1Strict).toBe(0);
    const links = parseVecalign("[0,1]:[0]:0.93\n[]:[1]:0.40\n");
    expect(links).toEqual([{ source: [0, 1], target: [0], confidence: 0.93 }, { source: [], target: [1], confidence: 0.4 }]);
    expect(parseVecalign(formatVecalign(links))).toEqual(links);
    expect(() => parseVecalign("[0]-[1]")).toThrow(/line 1/);
  });
});
