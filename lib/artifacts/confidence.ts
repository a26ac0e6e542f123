// How far to trust a finding. A finding's confidence is the share of findings of its kind (detector and
// message) and score band that were right on professionally rated machine translation: the dev talks of
// ../shared/benchmarks/wmt-mqm-ted-ende, counted by `npx tsx bench/mqm.ts --calibrate`, which writes
// calibration.json beside this file. Kinds too rare there fall back to their detector, then to a prior.
// The review page, `bitext check` and the reports hide findings below DEFAULT_MIN_CONFIDENCE unless
// the user lowers it.
import calibration from "./calibration.json";
import type { Finding, Severity } from "../types";

/** A detector's own strength of evidence in [0, 1] (evidence.score), cut into three bands. */
export type ScoreBand = "low" | "mid" | "high" | "none";

export function scoreBand(evidence: Record<string, unknown> | undefined): ScoreBand {
  const s = evidence?.score;
  if (typeof s !== "number" || !Number.isFinite(s)) return "none";
  return s < 1 / 3 ? "low" : s < 2 / 3 ? "mid" : "high";
}

/** What calibration.json holds per kind: findings, how many were right, and the raters' severities of those. */
export interface CalibrationCell {
  n: number;
  right: number;
  major: number;
  minor: number;
}

export interface Calibration {
  /** Where and how it was counted. */
  source: string;
  /** The default threshold chosen on the dev talks (see bench/mqm.ts). */
  minConfidence: number;
  /** Confidence of a kind never seen on rated data (no evidence either way). */
  unmeasured: number;
  /** Keys: "detector", "detector|messageKey" and "detector|messageKey|band". */
  cells: Record<string, CalibrationCell>;
}

const table = calibration as Calibration;

/** Smoothing weight: a kind needs a few findings before its own rate outweighs its detector's. */
const PRIOR_WEIGHT = 4;

export const DEFAULT_MIN_CONFIDENCE: number = table.minConfidence;

export function calibrationKeys(f: Pick<Finding, "detector" | "message" | "evidence">): [string, string, string] {
  const kind = `${f.detector}|${f.message.key}`;
  return [f.detector, kind, `${kind}|${scoreBand(f.evidence)}`];
}

function shrink(cell: CalibrationCell | undefined, prior: number): number {
  if (!cell || cell.n <= 0) return prior;
  return (cell.right + PRIOR_WEIGHT * prior) / (cell.n + PRIOR_WEIGHT);
}

/** The findings of `whole` that are not in `part` (its siblings), or undefined when none are left. */
function without(whole: CalibrationCell | undefined, part: CalibrationCell | undefined): CalibrationCell | undefined {
  if (!whole) return undefined;
  if (!part) return whole;
  const n = whole.n - part.n;
  return n > 0 ? { n, right: whole.right - part.right, major: whole.major - part.major, minor: whole.minor - part.minor } : undefined;
}

/**
 * Calibrated precision of this kind of finding, in [0, 1]. The band's own count is shrunk towards the
 * rate of its sibling bands, which is shrunk towards the detector's other kinds, then the prior: each
 * finding is counted once, so a detector with one kind and one band is not pulled three times by the
 * same few findings.
 */
export function findingConfidence(f: Pick<Finding, "detector" | "message" | "evidence">, cells: Record<string, CalibrationCell> = table.cells): number {
  const [detector, kind, banded] = calibrationKeys(f);
  const kindPrior = shrink(without(cells[detector], cells[kind]), table.unmeasured);
  const bandPrior = shrink(without(cells[kind], cells[banded]), kindPrior);
  return Math.round(shrink(cells[banded], bandPrior) * 1000) / 1000;
}

/**
 * The severity raters gave to the errors this kind of finding hit, where they hit at least a few:
 * MQM raters keep Major for errors that mislead or break the sentence, which a detector cannot tell
 * from one rule alone.
 */
export function calibratedSeverity(f: Pick<Finding, "detector" | "message" | "severity">, cells: Record<string, CalibrationCell> = table.cells): Severity {
  if (f.severity === "critical" || f.severity === "neutral") return f.severity;
  const cell = cells[`${f.detector}|${f.message.key}`];
  if (!cell || cell.major + cell.minor < 5) return f.severity;
  return cell.major > cell.minor ? "major" : "minor";
}

export function isShown(f: Pick<Finding, "confidence">, minConfidence: number = DEFAULT_MIN_CONFIDENCE): boolean {
  return f.confidence >= minConfidence;
}
