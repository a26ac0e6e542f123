// Content lost or invented in translation, seen in the alignment: sentences linked to nothing
// (1-0: omitted, 0-1: added), and links whose length ratio lies far outside this document's own
// ratios. The reference is the document itself (median and median absolute deviation of the
// log length ratio), because the normal ratio depends on the language pair and the translator.
import type { Finding } from "../types";
import { isEnglish, isGerman, linkedPairs, makeFinding, type LinkedPair } from "./finding";
import { contentMismatch } from "./omitted-words";
import type { AlignedDocument, Detector } from "./types";

const ID = "omission-addition";
/** Robust z-score beyond which a ratio is reported, and the least factor that counts as far off. */
const MAX_Z = 4;
const MIN_FACTOR = 1.8;
const MIN_LINKS = 5;
const MIN_CHARS = 20;
/** Content words without a counterpart that a length outlier needs to count (en → de, where the lexicon can tell). */
const MIN_UNPAIRED = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Unlinked sentences on both sides of one gap between two links (a 0-1 beside a 1-0) are most often
 * a pair the aligner could not match ("So imagine you're inside the Big Bang." / "Stellen Sie sich
 * vor, Sie befinden sich im Urknall.": no shared word), not an omission next to an addition. Such a
 * gap is judged as one link, by its length ratio; only a gap with one side empty is a 1-0 or 0-1.
 */
function gaps(pairs: LinkedPair[]): { unlinked: LinkedPair[]; merged: LinkedPair[] } {
  const unlinked: LinkedPair[] = [];
  const merged: LinkedPair[] = [];
  let run: LinkedPair[] = [];
  const flush = () => {
    const src = run.filter((p) => p.source.length && !p.target.length);
    const tgt = run.filter((p) => !p.source.length && p.target.length);
    if (src.length && tgt.length) {
      merged.push({
        source: src.flatMap((p) => p.source), target: tgt.flatMap((p) => p.target),
        sourceText: src.map((p) => p.sourceText).join(" "), targetText: tgt.map((p) => p.targetText).join(" "),
      });
    } else unlinked.push(...src, ...tgt);
    run = [];
  };
  for (const p of pairs) {
    if (p.source.length && p.target.length) flush();
    else run.push(p);
  }
  flush();
  return { unlinked, merged };
}

function check(doc: AlignedDocument): Finding[] {
  const out: Finding[] = [];
  const pairs = linkedPairs(doc);
  const { unlinked, merged } = gaps(pairs);
  for (const p of unlinked) {
    if (p.source.length && !p.target.length) {
      for (const s of p.source) {
        const text = doc.source[s]!.text;
        out.push(makeFinding({
          detector: ID, category: "Accuracy/Omission", severity: "major", side: "source", sentence: s,
          span: [0, text.length], key: "omission.unlinkedSource", params: {},
        }));
      }
    } else if (!p.source.length && p.target.length) {
      for (const t of p.target) {
        const text = doc.target[t]!.text;
        out.push(makeFinding({
          detector: ID, category: "Accuracy/Addition", severity: "major", side: "target", sentence: t,
          span: [0, text.length], key: "addition.unlinkedTarget", params: {},
        }));
      }
    }
  }
  const linked = pairs.filter((p) => p.source.length && p.target.length);
  if (linked.length < MIN_LINKS) return out;
  // The norm is the document's own links; a merged gap is judged against it, never part of it.
  const norm = linked.map((p) => Math.log((p.targetText.length + 1) / (p.sourceText.length + 1)));
  const full = [...linked, ...merged];
  const ratios = full.map((p) => Math.log((p.targetText.length + 1) / (p.sourceText.length + 1)));
  const mid = median(norm);
  const spread = Math.max(1.4826 * median(norm.map((r) => Math.abs(r - mid))), 0.05);
  full.forEach((p, k) => {
    const deviation = ratios[k]! - mid;
    if (Math.abs(deviation) / spread < MAX_Z || Math.abs(deviation) < Math.log(MIN_FACTOR)) return;
    if (Math.min(p.sourceText.length, p.targetText.length) < MIN_CHARS && Math.max(p.sourceText.length, p.targetText.length) < 3 * MIN_CHARS) return;
    const shorter = deviation < 0;
    // Length alone is no evidence where every content word has its counterpart: German compounds and
    // condenses ("Sie sind weitaus energieeffizienter" for *They're far more efficient in terms of
    // energy*), repeats a phrase the English says once. Rated MT: all 3 such findings on No-error segments.
    if (isEnglish(doc.sourceLang) && isGerman(doc.targetLang)) {
      const m = contentMismatch(p.sourceText, p.targetText);
      if ((shorter ? m.unpairedSource : m.unpairedTarget) < MIN_UNPAIRED) return;
    }
    const side = shorter ? "source" : "target";
    const sentence = shorter ? p.source[0]! : p.target[0]!;
    const text = (shorter ? doc.source : doc.target)[sentence]!.text;
    out.push(makeFinding({
      detector: ID, category: shorter ? "Accuracy/Omission" : "Accuracy/Addition", severity: "minor", side, sentence,
      span: [0, text.length], key: shorter ? "omission.shortTarget" : "addition.longTarget",
      params: { ratio: Number(Math.exp(deviation).toFixed(2)), typical: Number(Math.exp(mid).toFixed(2)) },
      evidence: { sourceSentences: p.source, targetSentences: p.target, robustZ: Number((deviation / spread).toFixed(2)) },
    }));
  });
  return out;
}

export const omissionAdditionDetector: Detector = {
  id: ID,
  description: "Sentences linked to nothing (1-0, 0-1) and links whose length ratio lies far outside the document's own distribution.",
  checkAligned: check,
};
