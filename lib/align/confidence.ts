// Confidence of a link: a logistic function of what the score saw (lexical similarity,
// length cost, link type). Coefficients fitted on Text+Berg dev (see README.md).
import type { RawLink } from "./search";

export const CONFIDENCE_COEFFICIENTS = { bias: -1.0, sim: 6.0, length: -0.5, multi: -0.5, skip: 0.0 };

export function confidenceOf(link: Pick<RawLink, "a" | "b" | "sim" | "lengthCost">): number {
  const c = CONFIDENCE_COEFFICIENTS;
  const skip = link.a === 0 || link.b === 0;
  const z = skip ? c.skip : c.bias + c.sim * link.sim + c.length * Math.min(link.lengthCost, 10) + (link.a + link.b > 2 ? c.multi : 0);
  return 1 / (1 + Math.exp(-z));
}
