// Confidence of a link: a logistic model of "the gold has exactly this link", over what the
// score saw (similarity above chance, length cost, more than two sentences). Fitted by
// logistic regression on the dev sets (Text+Berg dev and Tom Sawyer val, 2,553 two-sided
// links); one-sided links get the rate at which they were right there (45 of 81).
// Calibration on the benchmarks: docs/benchmarks.md ("right, conf < 0.5 / ≥ 0.5").
import type { RawLink } from "./search";

export const CONFIDENCE_COEFFICIENTS = { bias: 2.583, similarity: 1.056, length: -0.427, multi: -2.652 };
export const ONE_SIDED_CONFIDENCE = 0.56;

export function confidenceOf(link: Pick<RawLink, "a" | "b" | "sim" | "lengthCost">): number {
  if (link.a === 0 || link.b === 0) return ONE_SIDED_CONFIDENCE;
  const c = CONFIDENCE_COEFFICIENTS;
  const z = c.bias + c.similarity * link.sim + c.length * Math.min(link.lengthCost, 10) + (link.a + link.b > 2 ? c.multi : 0);
  return 1 / (1 + Math.exp(-z));
}
