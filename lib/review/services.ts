// What the review layer needs from the other stages: re-running the detectors, re-aligning,
// and recognising a finding again after a re-run. Gathered here so lib/db/review.ts has one
// seam to them (and tests can see which implementations an operation used).
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

// Stand-ins until lib/align and lib/artifacts land; replaced by the real stages then.
function diagonalRealign(source: string[], target: string[], fixed: Link[]): Link[] {
  const out: Link[] = [];
  let s = 0;
  let t = 0;
  const fill = (sEnd: number, tEnd: number) => {
    while (s < sEnd && t < tEnd) out.push({ source: [s++], target: [t++], confidence: 0.5 });
    while (s < sEnd) out.push({ source: [s++], target: [], confidence: 0.5 });
    while (t < tEnd) out.push({ source: [], target: [t++], confidence: 0.5 });
  };
  for (const f of [...fixed].sort((a, b) => (a.source[0] ?? a.target[0] ?? 0) - (b.source[0] ?? b.target[0] ?? 0))) {
    fill(f.source.length ? f.source[0] : s, f.target.length ? f.target[0] : t);
    out.push(f);
    s = f.source.length ? f.source[f.source.length - 1] + 1 : s;
    t = f.target.length ? f.target[f.target.length - 1] + 1 : t;
  }
  fill(source.length, target.length);
  return out;
}

export const defaultServices: ReviewServices = {
  checkAligned: () => [],
  checkMonolingual: () => [],
  realign: (source, target, fixed) => diagonalRealign(source, target, fixed),
  findingKey: (f, text) => [f.detector, f.side, f.category, text.slice(f.span[0], f.span[1]), f.suggestion ?? ""].join("\u241f"),
};

export function realignerOf(services: ReviewServices, langs: { sourceLang: Lang; targetLang: Lang }): Realigner {
  return (source, target, fixed) => services.realign(source, target, fixed, langs);
}
