// Target sentences that were not translated: identical to their source, or written in the
// source language. Language identification is eld restricted to the pair's two languages
// (99.3% on sentences in the measurements of notes/nlp.md); sentences too short to judge, or made
// only of names and numbers, are left alone.
import { eld } from "eld/medium";
import type { Finding } from "../types";
import { findEnglishLeft } from "./english-left";
import { isNarrativeWithDialogue } from "./genre";
import { linkedPairs, makeFinding, sourceTextOfTarget } from "./finding";
import { words } from "./tokens";
import type { AlignedDocument, Detector } from "./types";

const ID = "untranslated";
const MIN_WORDS = 4;
const MIN_LETTERS = 25;

type Identifier = { detect(text: string): { language: string; getScores(): Record<string, number> } };
const identifiers = new Map<string, Identifier>();

/** One eld instance per language pair: the subset is per instance, and other users of eld keep theirs. */
function identifierFor(a: string, b: string): Identifier {
  const key = [a, b].sort().join("+");
  let id = identifiers.get(key);
  if (!id) {
    const instance = eld.newInstance();
    instance.setLanguageSubset([a, b]);
    id = instance;
    identifiers.set(key, id);
  }
  return id;
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s\p{P}]+/gu, " ").trim();

/** Enough ordinary words to be a sentence in some language, not a list of names, codes and numbers. */
function judgeable(text: string): boolean {
  const ws = words(text).filter((w) => /^\p{Ll}/u.test(w.text));
  return ws.length >= MIN_WORDS && (text.match(/\p{L}/gu)?.length ?? 0) >= MIN_LETTERS;
}

function check(doc: AlignedDocument): Finding[] {
  const base = (l: string) => l.toLowerCase().slice(0, 2);
  const [src, tgt] = [base(doc.sourceLang), base(doc.targetLang)];
  if (src === tgt) return [];
  const identifier = identifierFor(src, tgt);
  const out: Finding[] = [];
  const flagged = new Set<number>();
  for (const pair of linkedPairs(doc)) {
    if (!pair.source.length || !pair.target.length) continue;
    if (normalise(pair.sourceText) === normalise(pair.targetText) && judgeable(pair.targetText)) {
      for (const t of pair.target) {
        flagged.add(t);
        const text = doc.target[t]!.text;
        out.push(makeFinding({
          detector: ID, category: "Accuracy/Untranslated", severity: "major", side: "target", sentence: t,
          span: [0, text.length], key: "untranslated.identical", params: {}, evidence: { sourceSentences: pair.source },
        }));
      }
    }
  }
  doc.target.forEach((s, t) => {
    if (flagged.has(t) || !judgeable(s.text)) return;
    const result = identifier.detect(s.text);
    if (result.language !== src) return;
    const scores = result.getScores();
    // A clear margin: mixed sentences (German with English terms) score close to each other.
    if ((scores[src] ?? 0) < 1.2 * (scores[tgt] ?? 0)) return;
    flagged.add(t);
    out.push(makeFinding({
      detector: ID, category: "Accuracy/Untranslated", severity: "major", side: "target", sentence: t,
      span: [0, s.text.length], key: "untranslated.sourceLanguage", params: { language: src },
      evidence: { scores },
    }));
  });
  // English words and phrases left inside a German sentence (english-left.ts): the form that
  // untranslated text mostly takes in machine translation, and short sentences eld cannot judge.
  if (src === "en" && tgt === "de") {
    const sources = sourceTextOfTarget(doc).map((s) => s || undefined);
    for (const f of findEnglishLeft(doc.target.map((s) => s.text), sources, isNarrativeWithDialogue(doc.target))) {
      if (flagged.has(f.target)) continue;
      out.push(makeFinding({
        detector: ID, category: "Accuracy/Untranslated", severity: f.run.english.length > 1 || f.reason === "lowerCase" ? "major" : "minor", side: "target", sentence: f.target,
        span: f.run.span, key: "untranslated.englishWords", params: { words: f.run.text },
        evidence: { reason: f.reason },
      }));
    }
  }
  return out;
}

export const untranslatedDetector: Detector = {
  id: ID,
  description: "Target sentence identical to its source or written in the source language (eld, restricted to the pair's languages).",
  checkAligned: check,
};
