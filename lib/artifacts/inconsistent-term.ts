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


interface Occurrence { term: string; sourceSentence: number; target: number; span: [number, number]; rendering: string; words: string[]; variant: number }

/** Words before a verb: "don't go away" is no term. */
const BEFORE_VERB = new Set("to i you he she we they will would can could must should shall may might not don't didn't doesn't won't let's never".split(" "));

/** Content-word bigrams of a sentence, by stem, with their surface form. */
function bigrams(text: string): Array<{ key: string; surface: string; words: [string, string] }> {
  const ws = words(text).map((w) => w.text);
  const out: Array<{ key: string; surface: string; words: [string, string] }> = [];
  for (let i = 0; i + 1 < ws.length; i++) {
    const [a, b] = [ws[i]!, ws[i + 1]!];
    if (!/^\p{L}{2,}$/u.test(a.replace(/['’]s$/, "")) || !/^\p{L}{3,}$/u.test(b) || /['’]s$/.test(a)) continue;
    if (STOP.has(a.toLowerCase()) || STOP.has(b.toLowerCase())) continue;
    if (i > 0 && BEFORE_VERB.has(ws[i - 1]!.toLowerCase())) continue;
    // Names ("Mr Samsa") are not terms; acronyms and names led by one are ("AI industry", "AI Office").
    const acronym = /^\p{Lu}{2,}$/u.test(a);
    if ((/^\p{Lu}\p{Ll}/u.test(b) && !acronym) || (i > 0 && /^\p{Lu}\p{Ll}/u.test(a))) continue;
    out.push({ key: `${stemEnglish(a.toLowerCase())} ${stemEnglish(b.toLowerCase())}`, surface: `${a} ${b}`, words: [a.toLowerCase(), b.toLowerCase()] });
  }
  return out;
}

/** German tokens (hyphen pieces too) that translate an English word. */
function tokensFor(english: string, tokens: Token[]): Token[] {
  return tokens.filter((t) => translatesWord(t.text, english));
}

function renderingOf(text: string, pair: [string, string]): { span: [number, number]; rendering: string; words: string[] } | undefined {
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
  // German writes nouns with a capital: a term's words must come out as nouns (or acronyms such as
  // KI), which keeps verb and adjective phrases ("go away", "particular reason") out.
  const nouns = tokens.filter((t, i) => /^\p{Lu}/u.test(t.text) && !(i === 0 && t.start === 0));
  const first = tokensFor(pair[0], nouns);
  const second = tokensFor(pair[1], nouns);
  let best: [number, number] | undefined;
  let matched: string[] = [];
  for (const a of first) {
    for (const b of second) {
      const [lo, hi] = a.start <= b.start ? [a, b] : [b, a];
      const between = tokens.filter((t) => t.start > lo.start && t.end < hi.end && t !== lo && t !== hi).length;
      if (between > MAX_GAP && a !== b) continue;
      const span: [number, number] = [Math.min(a.start, b.start), Math.max(a.end, b.end)];
      if (!best || span[1] - span[0] < best[1] - best[0]) [best, matched] = [span, a === b ? [a.text] : [lo.text, hi.text]];
    }
  }
  if (!best) return undefined;
  // The whole hyphen-joined word, also when a detokenisation space splits it ("KI -Start -ups").
  for (let m = /^\s*-[\p{L}\p{N}]+/u.exec(text.slice(best[1])); m; m = /^\s*-[\p{L}\p{N}]+/u.exec(text.slice(best[1]))) best[1] += m[0].length;
  for (let m = /[\p{L}\p{N}]+-\s*$/u.exec(text.slice(0, best[0])); m; m = /[\p{L}\p{N}]+-\s*$/u.exec(text.slice(0, best[0]))) best[0] = m.index;
  return { span: best, rendering: text.slice(best[0], best[1]), words: matched.map((w) => w.toLowerCase().replace(/ß/g, "ss")) };
}

/** Two renderings are the same when their matched German words are, in order: equal up to inflection
 *  ("Herr"/"Herrn"), or one inside a longer compound ("KI-Modell" in "KI-Modelltraining" for "AI model
 *  training"), or the same word split by a detokenisation space ("KI -Start" for "KI-Start-ups"). Words
 *  between them ("Herrn und Frau Samsa") and spacing are other detectors' business. */
function sameRendering(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    const [sx, sy] = [stemGerman(x), stemGerman(y)];
    return x.startsWith(y) || y.startsWith(x) || sx.startsWith(sy) || sy.startsWith(sx);
  });
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
        if (r) occurrences.push({ term: term.surface, sourceSentence: place.s, target: t, ...r, variant: -1 });
      }
    }
    // Shorter renderings first, so a variant is represented by its plainest form.
    const variants: Occurrence[] = [];
    for (const o of [...occurrences].sort((x, y) => x.words.join("").length - y.words.join("").length)) {
      o.variant = variants.findIndex((v) => sameRendering(v.words, o.words));
      if (o.variant < 0) o.variant = variants.push(o) - 1;
    }
    if (variants.length < 2) continue;
    for (const o of occurrences) {
      const others = variants.filter((_, k) => k !== o.variant).map((v) => v.rendering);
      out.push(makeFinding({
        detector: ID, category: "Terminology/Inconsistent", severity: "minor", side: "target", sentence: o.target,
        span: o.span, key: "term.inconsistent", params: { term: o.term, rendering: o.rendering, others: others.join(" / ") },
        evidence: { sourceSentence: o.sourceSentence, variants: variants.map((v) => v.rendering) },
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
