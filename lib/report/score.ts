// MQM-style scoring (see README.md): severity multipliers, penalty per 1,000 source words,
// pass/fail against a threshold.
import type { Severity } from "../types";
import type { ScoreSummary } from "./types";

export const SEVERITY_MULTIPLIERS: Record<Severity, number> = { neutral: 0, minor: 1, major: 5, critical: 25 };
/** Penalty points per 1,000 source words a document may have and still pass. */
export const DEFAULT_THRESHOLD = 10;

export function score(penalty: number, counted: number, words: number, threshold: number): ScoreSummary {
  // An empty text cannot be judged per word; one word keeps the arithmetic finite.
  const evaluated = Math.max(words, 1);
  const penaltyPer1000 = (penalty * 1000) / evaluated;
  return {
    words, counted, penalty,
    penaltyPer1000: round2(penaltyPer1000),
    qualityScore: round2(100 * (1 - penalty / evaluated)),
    threshold,
    pass: penaltyPer1000 <= threshold,
  };
}

export function validateThreshold(threshold: number): void {
  if (!Number.isFinite(threshold) || threshold < 0) throw new RangeError(`The threshold is penalty points per 1,000 words and must be 0 or more, got ${threshold}.`);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
