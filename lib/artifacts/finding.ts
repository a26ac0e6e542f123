// Building findings and reading the alignment: the small helpers every detector shares.
import type { Finding } from "../types";
import { calibratedSeverity, findingConfidence } from "./confidence";
import type { AlignedDocument } from "./types";

/**
 * A Finding with its message given as a key and parameters; `score` is the detector's own strength of
 * evidence in [0, 1] where it has one (kept in evidence.score, it picks the calibration band).
 */
export type FindingInput = Omit<Finding, "message" | "confidence"> & { key: string; params?: Record<string, string | number>; score?: number };

export function makeFinding(f: FindingInput): Finding {
  const message = { key: f.key, params: f.params ?? {} };
  const evidence = f.score !== undefined ? { ...f.evidence, score: Math.round(f.score * 1000) / 1000 } : f.evidence;
  const out: Finding = {
    detector: f.detector,
    category: f.category,
    severity: calibratedSeverity({ detector: f.detector, message, severity: f.severity }),
    side: f.side,
    sentence: f.sentence,
    span: f.span,
    message,
    confidence: findingConfidence({ detector: f.detector, message, evidence }),
  };
  if (f.suggestion !== undefined) out.suggestion = f.suggestion;
  if (evidence !== undefined) out.evidence = evidence;
  return out;
}

/** A link with both sides' text, in document order. */
export interface LinkedPair {
  source: number[];
  target: number[];
  sourceText: string;
  targetText: string;
}

export function linkedPairs(doc: AlignedDocument): LinkedPair[] {
  return doc.links.map((l) => ({
    source: l.source,
    target: l.target,
    sourceText: l.source.map((i) => doc.source[i]?.text ?? "").join(" "),
    targetText: l.target.map((i) => doc.target[i]?.text ?? "").join(" "),
  }));
}

/** For each target sentence, the text of the source sentences it is linked to ("" when none). */
export function sourceTextOfTarget(doc: AlignedDocument): string[] {
  const out = doc.target.map(() => "");
  for (const p of linkedPairs(doc)) for (const t of p.target) out[t] = p.sourceText;
  return out;
}

export const isGerman = (lang: string) => lang.toLowerCase().startsWith("de");
export const isEnglish = (lang: string) => lang.toLowerCase().startsWith("en");
