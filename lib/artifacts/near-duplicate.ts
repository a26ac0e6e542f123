// Repeated content: a sentence that says again, almost word for word, what an earlier paragraph
// already said (003 repeats its lead). Compared as sets of lowercased words (Dice coefficient),
// which tolerates the small rewordings a second copy usually has ("came to an end" / "ended").
import type { Finding, Sentence, Side } from "../types";
import { makeFinding } from "./finding";
import { STOPWORDS } from "./stopwords";
import type { Detector } from "./types";

const ID = "near-duplicate";
const MIN_WORDS = 5;
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
  const out: Finding[] = [];
  sentences.forEach((s, i) => {
    if (sets[i]!.size < MIN_WORDS) return;
    let best = -1;
    let bestScore = 0;
    for (let j = 0; j < i; j++) {
      // Within one paragraph a repeated phrase is style; across paragraphs it is a copy.
      if (sentences[j]!.paragraph === s.paragraph || sets[j]!.size < MIN_WORDS) continue;
      const score = dice(sets[i]!, sets[j]!);
      if (score > bestScore) [best, bestScore] = [j, score];
    }
    if (best < 0 || bestScore < THRESHOLD) return;
    const lead = s.text.length - s.text.trimStart().length;
    out.push(makeFinding({
      detector: ID, category: "Accuracy/Addition", severity: "major", side, sentence: i,
      span: [lead, s.text.trimEnd().length], key: "nearDuplicate.repeated",
      params: { earlier: best + 1, similarity: Math.round(bestScore * 100) },
      suggestion: "", evidence: { earlierSentence: best, similarity: Number(bestScore.toFixed(3)) },
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
