// The reader addressed in two ways in one document: "Sie" in most sentences, "du" or "ihr" in a few.
// English "you" does not say which; machine translation decides sentence by sentence and mixes them.
// Only sentences whose English has "you"/"your" count (the pronoun then addresses someone), and no
// sentence with quotation marks, and no text with dialogue at all (characters address each other
// differently, as in novels).
// Forms: formal Sie (capital "Sie" inside a sentence, "Ihnen", capital "Ihr-" inside a sentence),
// informal singular (du, dich, dir, dein-) and informal plural (euch, euer, eur-); lower-case "ihr"
// is left out, it is also "her" and "their". Reported: every word of a form used clearly less than
// the document's main form (at most half as often), when the main form is used at least twice as
// often as all the others together.
import type { Finding } from "../types";
import { isEnglish, isGerman, makeFinding, sourceTextOfTarget } from "./finding";
import { isNarrativeWithDialogue, QUOTATION } from "./genre";
import { words } from "./tokens";
import type { AlignedDocument, Detector } from "./types";

const ID = "address-form";
type Form = "formal" | "informal" | "informalPlural";

const YOU = /\byou(?:r|rs|rself|rselves)?\b/i;
const QUOTES = QUOTATION;
const SENTENCE_BREAK = /[.!?:;–—-]\s*$/u;

function formOf(word: string, insideSentence: boolean): Form | undefined {
  const w = word.toLowerCase();
  if (/^(?:du|dich|dir|dein|deine[mnrs]?)$/.test(w)) return "informal";
  if (/^(?:euch|euer|eure[mnrs]?)$/.test(w)) return "informalPlural";
  if (word === "Ihnen" && insideSentence) return "formal";
  if (insideSentence && /^(?:Sie|Ihr|Ihre[mnrs]?)$/.test(word)) return "formal";
  return undefined;
}

function check(doc: AlignedDocument): Finding[] {
  if (!isEnglish(doc.sourceLang) || !isGerman(doc.targetLang)) return [];
  // A narrative with dialogue addresses several people, each in their own way: a mix of forms is
  // expected there, not an error.
  if (isNarrativeWithDialogue(doc.target)) return [];
  const sources = sourceTextOfTarget(doc);
  const uses: Array<{ form: Form; sentence: number; span: [number, number]; text: string }> = [];
  doc.target.forEach((s, t) => {
    if (!YOU.test(sources[t] ?? "") || QUOTES.test(s.text) || QUOTES.test(sources[t] ?? "")) return;
    const ws = words(s.text);
    ws.forEach((w, i) => {
      const inside = i > 0 && !SENTENCE_BREAK.test(s.text.slice(ws[i - 1]!.end, w.start));
      const form = formOf(w.text, inside);
      if (form) uses.push({ form, sentence: t, span: [w.start, w.end], text: w.text });
    });
  });
  const counts = new Map<Form, number>();
  for (const u of uses) counts.set(u.form, (counts.get(u.form) ?? 0) + 1);
  if (counts.size < 2) return [];
  const [main, mainCount] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  // A norm: the main form at least twice as frequent as all others together. A document that says
  // Sie 10 times, du 8 and ihr once has none (rated MT: 1 of 6 such findings marked).
  if (mainCount < 2 * (uses.length - mainCount)) return [];
  const out: Finding[] = [];
  for (const u of uses) {
    if (u.form === main || counts.get(u.form)! * 2 > mainCount) continue;
    out.push(makeFinding({
      detector: ID, category: "Style/Awkward", severity: "minor", side: "target", sentence: u.sentence, span: u.span,
      key: `address.${u.form}`, params: { word: u.text, main: main === "formal" ? "Sie" : main === "informal" ? "du" : "ihr", count: mainCount },
      evidence: Object.fromEntries(counts),
    }));
  }
  return out;
}

export const addressFormDetector: Detector = {
  id: ID,
  description: "The reader addressed with Sie in most of the document but with du/ihr in a few sentences (or the other way round).",
  checkAligned: check,
};
