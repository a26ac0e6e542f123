// Cognates by normalised edit distance: the banded distance equals the textbook one wherever
// it claims to, and the cross-vocabulary search finds differently transliterated names.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignDetailed } from "../../../lib/align";
import { boundedEditDistance, cognates } from "../../../lib/align/cognates";

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

describe("boundedEditDistance", () => {
  it("is the Levenshtein distance when that is within the limit, limit + 1 otherwise", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 12 });
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 8 }), (a, b, limit) => {
      const exact = levenshtein(a, b);
      expect(boundedEditDistance(a, b, limit)).toBe(exact <= limit ? exact : limit + 1);
    }), { numRuns: 2000 });
  });
});

describe("cognates", () => {
  it("pairs names spelt differently in the two languages, both ways", () => {
    const { forward, backward } = cognates(["kangchendzonga", "muztagh", "gletscher"], ["kanchenjunga", "mustagh", "glacier"], 0.3);
    expect(forward.get("kangchendzonga")).toEqual(["kanchenjunga"]);
    expect(forward.get("muztagh")).toEqual(["mustagh"]);
    expect(backward.get("mustagh")).toEqual(["muztagh"]);
    // Too far apart to be taken for the same word.
    expect(forward.has("gletscher")).toBe(false);
  });

  it("leaves out short words and pairs that the 4-letter prefix key already matches", () => {
    const { forward } = cognates(["haus", "expedition"], ["hause", "expeditions"], 0.3);
    expect(forward.size).toBe(0);
  });
});

describe("align with cognateDistance", () => {
  it("lets a differently spelt name count as shared evidence", () => {
    const source = ["Der Kangchendzönga wurde neu vermessen."];
    const target = ["Le Kanchenjunga a été mesuré à nouveau."];
    const similarity = (cognateDistance: number) => alignDetailed(source, target, { sourceLang: "de", targetLang: "fr", cognateDistance })[0].similarity;
    expect(similarity(0.3)).toBeGreaterThan(similarity(0));
  });
});
