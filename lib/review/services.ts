// What the review layer needs from the other stages: re-running the detectors, re-aligning,
// and recognising a finding again after a re-run. Gathered here so lib/db/review.ts has one
// seam to them (tests may pass their own, e.g. a single detector).
import { realign } from "../align";
import { checkAligned, checkMonolingual, findingKey } from "../artifacts";
import type { Finding, Lang, Link, Sentence } from "../types";
import type { Realigner } from "./links";

export interface AlignedInput { sourceLang: Lang; targetLang: Lang; source: Sentence[]; target: Sentence[]; links: Link[] }
export interface MonolingualInput { lang: Lang; sentences: Sentence[] }

export interface ReviewServices {
  checkAligned(doc: AlignedInput): Finding[];
  checkMonolingual(doc: MonolingualInput): Finding[];
  realign(source: string[], target: string[], fixed: Link[], options: { sourceLang: Lang; targetLang: Lang }): Link[];
  /** Identifies "the same finding" across re-runs, so reviewer decisions carry over. */
  findingKey(finding: Finding, sentenceText: string): string;
}

export const defaultServices: ReviewServices = { checkAligned, checkMonolingual, realign, findingKey };

export function realignerOf(services: ReviewServices, langs: { sourceLang: Lang; targetLang: Lang }): Realigner {
  return (source, target, fixed) => services.realign(source, target, fixed, langs);
}
