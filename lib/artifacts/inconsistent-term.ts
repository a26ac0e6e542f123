// The same source term translated in different ways within one document ("leadership
// controversy" -> "Führungsstrang Kontroverse" and "Kontroverse zur Führung"). Terms are mined
// from the document itself: two-word English noun phrases that occur in at least two linked
// sentences. Each occurrence's rendering is the shortest stretch of the aligned German sentence
// that covers a word for each English word (found through the lexicon, compound parts included).
import type { Finding } from "../types";
import { stemEnglish, stemGerman } from "../lexicon/stem";
import { translatesWord } from "./english-evidence";
import { isEnglish, isGerman, linkedPairs, makeFinding } from "./finding";
import { STOPWORDS as STOP } from "./stopwords";
import { words, type Token } from "./tokens";
import type { AlignedDocument, Detector } from "./types";

const ID = "inconsistent-term";
/** Words between the two German words of a rendering ("Kontroverse zur Führung"). */
const MAX_GAP = 2;


interface Occurrence { term: string; sourceSentence: number; target: number; span: [number, number]; rendering: string; key: string }

/** Content-word bigrams of a sentence, by stem, with their surface form. */
function bigrams(text: string): Array<{ key: string; surface: string; words: [string, string] }> {
  const ws = words(text).map((w) => w.text);
  const out: Array<{ key: string; surface: string; words: [string, string] }> = [];
  for (let i = 0; i + 1 < ws.length; i++) {
    const [a, b] = [ws[i]!, ws[i + 1]!];
    if (!/^\p{L}{2,}$/u.test(a.replace(/['’]s$/, "")) || !/^\p{L}{3,}$/u.test(b) || /['’]s$/.test(a)) continue;
    if (STOP.has(a.toLowerCase()) || STOP.has(b.toLowerCase())) continue;
    out.push({ key: `${stemEnglish(a.toLowerCase())} ${stemEnglish(b.toLowerCase())}`, surface: `${a} ${b}`, words: [a.toLowerCase(), b.toLowerCase()] });
  }
  return out;
}

/** German tokens (hyphen pieces too) that translate an English word. */
function tokensFor(english: string, tokens: Token[]): Token[] {
  return tokens.filter((t) => translatesWord(t.text, english));
}

function renderingOf(text: string, pair: [string, string]): { span: [number, number]; rendering: string } | undefined {
  const tokens = words(text).flatMap((w) => {
    // "KI -Modellen" and "KI-Modellen" are one rendering; split so each piece can match.
    const pieces: Token[] = [];
    let offset = 0;
    for (const p of w.text.split("-")) {
      const at = w.text.indexOf(p, offset);
      if (p) pieces.push({ text: p, start: w.start + at, end: w.start + at + p.length });
      offset = at + p.length;
    }
    return pieces;
  });
  const first = tokensFor(pair[0], tokens);
  const second = tokensFor(pair[1], tokens);
  let best: [number, number] | undefined;
  for (const a of first) {
    for (const b of second) {
      const [lo, hi] = a.start <= b.start ? [a, b] : [b, a];
      const between = tokens.filter((t) => t.start > lo.start && t.end < hi.end && t !== lo && t !== hi).length;
      if (between > MAX_GAP && a !== b) continue;
      const span: [number, number] = [Math.min(a.start, b.start), Math.max(a.end, b.end)];
      if (!best || span[1] - span[0] < best[1] - best[0]) best = span;
    }
  }
  if (!best) return undefined;
  // The whole hyphen-joined word, also when a detokenisation space splits it ("KI -Start -ups").
  for (let m = /^\s*-[\p{L}\p{N}]+/u.exec(text.slice(best[1])); m; m = /^\s*-[\p{L}\p{N}]+/u.exec(text.slice(best[1]))) best[1] += m[0].length;
  for (let m = /[\p{L}\p{N}]+-\s*$/u.exec(text.slice(0, best[0])); m; m = /[\p{L}\p{N}]+-\s*$/u.exec(text.slice(0, best[0]))) best[0] = m.index;
  return { span: best, rendering: text.slice(best[0], best[1]) };
}

/** Renderings compare by word stems, without spacing or hyphen differences (those are other detectors' business):
 *  "KI -Start -ups" and "KI-Startups" are one rendering. */
function renderingKey(rendering: string): string {
  return rendering.toLowerCase().replace(/\s*-\s*/g, "").split(/\s+/).map((w) => stemGerman(w.replace(/[^\p{L}\p{N}]/gu, ""))).join(" ");
}

/** A rendering inside a longer compound ("KI-Modell" in "KI-Modelltraining" for "AI model training") is the same rendering. */
function groupKeys(keys: string[]): Map<string, string> {
  const sorted = [...new Set(keys)].sort((a, b) => a.length - b.length);
  const group = new Map<string, string>();
  for (const k of sorted) group.set(k, sorted.find((g) => k.startsWith(g)) ?? k);
  return group;
}

function check(doc: AlignedDocument): Finding[] {
  if (!isEnglish(doc.sourceLang) || !isGerman(doc.targetLang)) return [];
  const bySource = new Map<string, { surface: string; words: [string, string]; places: Array<{ s: number; targets: number[] }> }>();
  for (const p of linkedPairs(doc)) {
    if (!p.source.length || !p.target.length) continue;
    for (const s of p.source) {
      for (const b of bigrams(doc.source[s]!.text)) {
        const entry = bySource.get(b.key) ?? { surface: b.surface, words: b.words, places: [] };
        if (!entry.places.some((x) => x.s === s)) entry.places.push({ s, targets: p.target });
        bySource.set(b.key, entry);
      }
    }
  }
  const out: Finding[] = [];
  for (const [, term] of bySource) {
    if (term.places.length < 2) continue;
    const occurrences: Occurrence[] = [];
    for (const place of term.places) {
      for (const t of place.targets) {
        const r = renderingOf(doc.target[t]!.text, term.words);
        if (r) occurrences.push({ term: term.surface, sourceSentence: place.s, target: t, ...r, key: renderingKey(r.rendering) });
      }
    }
    const group = groupKeys(occurrences.map((o) => o.key));
    for (const o of occurrences) o.key = group.get(o.key)!;
    const variants = new Map<string, string>();
    for (const o of occurrences) if (!variants.has(o.key)) variants.set(o.key, o.rendering);
    if (variants.size < 2) continue;
    for (const o of occurrences) {
      const others = [...variants].filter(([k]) => k !== o.key).map(([, r]) => r);
      out.push(makeFinding({
        detector: ID, category: "Terminology/Inconsistent", severity: "minor", side: "target", sentence: o.target,
        span: o.span, key: "term.inconsistent", params: { term: o.term, rendering: o.rendering, others: others.join(" / ") },
        evidence: { sourceSentence: o.sourceSentence, variants: [...variants.values()] },
      }));
    }
  }
  return out;
}

export const inconsistentTermDetector: Detector = {
  id: ID,
  description: "A two-word source term repeated in the document but rendered differently in the translation, mined from the alignment.",
  checkAligned: check,
};
