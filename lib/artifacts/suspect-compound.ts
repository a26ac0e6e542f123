// Nonce compounds in a German translation: a long word that is not in the dictionary, whose
// parts are dictionary words, but one of whose parts has no counterpart in the aligned English
// sentence ("Führungsstrang" for *leadership*: Führung is there, Strang is not). A spell checker
// accepts such words (they are well-formed), so the check is bilingual. At least one part must
// be explained: if none is, the alignment or a free translation is more likely the cause.
import type { Finding } from "../types";
import { loadLexicon } from "../lexicon";
import { splitGermanCompound } from "../lexicon/compound";
import { EnglishSentence, explain, englishReadings } from "./english-evidence";
import { isGerman, linkedPairs, makeFinding } from "./finding";
import { words } from "./tokens";
import type { AlignedDocument, Detector } from "./types";

const ID = "suspect-compound";
const MIN_LENGTH = 8;

interface Verdict {
  parts: string[];
  unexplained: string;
  explained: Record<string, string>;
}

/** The best split's verdict when no split has every part explained; undefined when the word is fine. */
export function judgeCompound(word: string, english: EnglishSentence): Verdict | undefined {
  const lexicon = loadLexicon();
  if (word.length < MIN_LENGTH || !/^\p{L}+$/u.test(word) || lexicon.hasGerman(word)) return undefined;
  const splits = splitGermanCompound(word);
  if (!splits.length) return undefined;
  let verdict: Verdict | undefined;
  for (const parts of splits.slice(0, 5)) {
    const explained: Record<string, string> = {};
    let unexplained: string | undefined;
    for (const p of parts) {
      const m = explain(p, english);
      if (m) explained[p] = m;
      else unexplained ??= p;
    }
    if (!unexplained) return undefined;
    if (!verdict && Object.keys(explained).length > 0) verdict = { parts, unexplained, explained };
  }
  return verdict;
}

function check(doc: AlignedDocument): Finding[] {
  if (!isGerman(doc.targetLang)) return [];
  const out: Finding[] = [];
  for (const pair of linkedPairs(doc)) {
    if (!pair.source.length) continue;
    const english = new EnglishSentence(pair.sourceText);
    for (const t of pair.target) {
      for (const w of words(doc.target[t]!.text)) {
        // Hyphen pieces are words of their own ("KI-Modelltraining").
        let offset = 0;
        for (const piece of w.text.split("-")) {
          const at = w.start + w.text.indexOf(piece, offset);
          offset = at - w.start + piece.length;
          const v = judgeCompound(piece, english);
          if (!v) continue;
          const partAt = piece.toLowerCase().indexOf(v.unexplained);
          out.push(makeFinding({
            detector: ID, category: "Accuracy/Mistranslation", severity: "major", side: "target", sentence: t,
            span: [at, at + piece.length], key: "compound.suspect",
            params: {
              word: piece, part: partAt >= 0 ? piece.slice(partAt, partAt + v.unexplained.length) : v.unexplained,
              readings: englishReadings(v.unexplained).filter((r) => r !== v.unexplained).slice(0, 3).join(", ") || "—",
              split: v.parts.join(" + "),
            },
            evidence: { parts: v.parts, explained: v.explained, unexplained: v.unexplained, sourceSentences: pair.source },
          }));
        }
      }
    }
  }
  return out;
}

export const suspectCompoundDetector: Detector = {
  id: ID,
  description: "German compound not in the dictionary with a part that has no counterpart in the aligned English sentence ('Führungsstrang' for leadership).",
  checkAligned: check,
};
