// What the review layer needs from the other stages: re-running the detectors, re-aligning,
// and recognising a finding again after a re-run. Gathered here so lib/db/review.ts has one
// seam to them (tests may pass their own, e.g. a single detector).
import { realign } from "../align";
import { checkAligned, checkMonolingual, detectors, findingKey } from "../artifacts";
import type { Finding, Lang, Link, Sentence } from "../types";
import type { Realigner } from "./links";

export interface AlignedInput { sourceLang: Lang; targetLang: Lang; source: Sentence[]; target: Sentence[]; links: Link[] }
export interface MonolingualInput { lang: Lang; sentences: Sentence[] }

export interface ReviewServices {
  /** `only`: the detector ids to run (all when absent). */
  checkAligned(doc: AlignedInput, only?: string[]): Finding[];
  checkMonolingual(doc: MonolingualInput, only?: string[]): Finding[];
  /** Every detector id. */
  detectorIds: string[];
  /** Detectors whose findings on a link depend on that link alone: after an edit they need no context. */
  linkLocalDetectors?: string[];
  realign(source: string[], target: string[], fixed: Link[], options: { sourceLang: Lang; targetLang: Lang }): Link[];
  /** Identifies "the same finding" across re-runs, so reviewer decisions carry over. */
  findingKey(finding: Finding, sentenceText: string): string;
}

// Read from each detector's description in lib/artifacts: these compare a sentence with its
// aligned partner (or look at one sentence). The rest (name-casing, omission-addition,
// inconsistent-term, boilerplate, near-duplicate, and any detector added later) compare
// sentences across the document, so they re-run with context.
const LINK_LOCAL = ["suspect-compound", "name-mistranslated", "spacing", "number-mismatch", "untranslated", "split-compound", "missing-article"];

export const defaultServices: ReviewServices = {
  checkAligned, checkMonolingual, realign, findingKey,
  detectorIds: detectors.map((d) => d.id),
  linkLocalDetectors: LINK_LOCAL.filter((id) => detectors.some((d) => d.id === id)),
};

export function realignerOf(services: ReviewServices, langs: { sourceLang: Lang; targetLang: Lang }): Realigner {
  return (source, target, fixed) => services.realign(source, target, fixed, langs);
}
