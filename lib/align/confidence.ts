// Confidence of a link: a logistic model of "the gold has exactly this link", over what the
// score saw: similarity above chance, length cost, more than two sentences, and leak (how
// well its sentences match those of the links beside it: a split point in the wrong place
// leaves part of a sentence matching next door). Fitted on the dev sets (Text+Berg dev and
// Tom Sawyer val, 2,617 two-sided links) by `npx tsx bench/align.ts --fit-confidence`;
// one-sided links get the rate at which they were right there (52 of 110).
// Calibration on the benchmarks: docs/benchmarks.md ("right, conf < 0.5 / ≥ 0.5").
import type { RawLink } from "./search";

export const CONFIDENCE_COEFFICIENTS = { bias: 2.867, similarity: 0.908, length: -0.498, multi: -2.172, leak: -2.301 };
export const ONE_SIDED_CONFIDENCE = 0.47;

export function confidenceOf(link: Pick<RawLink, "a" | "b" | "sim" | "lengthCost" | "leak">): number {
  if (link.a === 0 || link.b === 0) return ONE_SIDED_CONFIDENCE;
  const c = CONFIDENCE_COEFFICIENTS;
  const z = c.bias + c.similarity * link.sim + c.length * Math.min(link.lengthCost, 10) + (link.a + link.b > 2 ? c.multi : 0) + c.leak * link.leak;
  return 1 / (1 + Math.exp(-z));
}
