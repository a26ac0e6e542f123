// Repeated content: a sentence that says again, almost word for word, what an earlier paragraph
// already said (003 repeats its lead). Compared as sets of lowercased words (Dice coefficient),
// which tolerates the small rewordings a second copy usually has ("came to an end" / "ended").
import type { Finding, Sentence, Side } from "../types";
import { makeFinding } from "./finding";
import { STOPWORDS } from "./stopwords";
import type { Detector } from "./types";

const ID = "near-duplicate";
const MIN_WORDS = 5;
/** A lone repeated sentence must be this long; shorter ones count only as part of a repeated run. */
const LONE_MIN_WORDS = 10;
const THRESHOLD = 0.6;

/** Content words only: formulaic sentences ("The company said on Monday that …") share their function words. */
function wordSet(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 && !STOPWORDS.has(w)));
}

export function dice(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return a.size + b.size ? (2 * common) / (a.size + b.size) : 0;
}

export function nearDuplicateFindings(sentences: Sentence[], side: Side): Finding[] {
  const sets = sentences.map((s) => wordSet(s.text));
  const best = sentences.map((s, i) => {
    let match = -1;
    let score = 0;
    if (sets[i]!.size < MIN_WORDS) return { match, score };
    for (let j = 0; j < i; j++) {
      // Within one paragraph a repeated phrase is style; across paragraphs it is a copy.
      if (sentences[j]!.paragraph === s.paragraph || sets[j]!.size < MIN_WORDS) continue;
      const d = dice(sets[i]!, sets[j]!);
      if (d > score) [match, score] = [j, d];
    }
    return score >= THRESHOLD ? { match, score } : { match: -1, score };
  });
  // Dialogue repeats short lines ("Well, I don't know, Huck."); a copied passage repeats a run of sentences.
  const inRun = (i: number) =>
    [-1, 1].some((d) => best[i + d]?.match !== undefined && best[i + d]!.match >= 0 && best[i + d]!.match === best[i]!.match + d);
  const out: Finding[] = [];
  sentences.forEach((s, i) => {
    const { match, score } = best[i]!;
    if (match < 0 || (sets[i]!.size < LONE_MIN_WORDS && !inRun(i))) return;
    const lead = s.text.length - s.text.trimStart().length;
    out.push(makeFinding({
      detector: ID, category: "Accuracy/Addition", severity: "major", side, sentence: i,
      span: [lead, s.text.trimEnd().length], key: "nearDuplicate.repeated",
      params: { earlier: match + 1, similarity: Math.round(score * 100) },
      suggestion: "", evidence: { earlierSentence: match, similarity: Number(score.toFixed(3)) },
    }));
  });
  return out;
}

export const nearDuplicateDetector: Detector = {
  id: ID,
  description: "A sentence that repeats, almost word for word, a sentence of an earlier paragraph.",
  checkAligned: (doc) => [...nearDuplicateFindings(doc.source, "source"), ...nearDuplicateFindings(doc.target, "target")],
  checkMonolingual: (doc) => nearDuplicateFindings(doc.sentences, "source"),
};
