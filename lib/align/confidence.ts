// Confidence of a link: a logistic model of "the gold has exactly this link", over what the
// score saw: similarity above chance, length cost, more than two sentences, leak (how well its
// sentences match those of the links beside it: a split point in the wrong place leaves part
// of a sentence matching next door) and shortfall (how little its least-covered sentence is
// covered, where the document's lexicon normally covers most of a sentence: an untranslated or
// added sentence inside the link). Fitted on the dev sets (Text+Berg dev, Tom Sawyer val and
// the MT dev set of bench/mt-edits.ts, 5,143 two-sided links) by
// `npx tsx bench/align.ts --fit-confidence`; one-sided links get the rate at which they were
// right on the first two (52 of 110; on the MT dev set they are right far more often, 0.79
// pooled, but a constant cannot tell which).
// Calibration on the benchmarks: docs/benchmarks.md ("right, conf < 0.5 / ≥ 0.5").
import type { RawLink } from "./search";

export const CONFIDENCE_COEFFICIENTS = { bias: 2.736, similarity: 3.017, length: -0.644, multi: -2.468, leak: -1.849, shortfall: -2.708 };
export const ONE_SIDED_CONFIDENCE = 0.47;

export function confidenceOf(link: Pick<RawLink, "a" | "b" | "sim" | "lengthCost" | "leak" | "shortfall">): number {
  if (link.a === 0 || link.b === 0) return ONE_SIDED_CONFIDENCE;
  const c = CONFIDENCE_COEFFICIENTS;
  const z = c.bias + c.similarity * link.sim + c.length * Math.min(link.lengthCost, 10) + (link.a + link.b > 2 ? c.multi : 0) + c.leak * link.leak + c.shortfall * link.shortfall;
  return 1 / (1 + Math.exp(-z));
}
