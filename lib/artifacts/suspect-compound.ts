// Nonce compounds in a German translation: a long word that is not in the dictionary, whose
// parts are dictionary words, but one of whose parts has no counterpart in the aligned English
// sentence ("Führungsstrang" for *leadership*: Führung is there, Strang is not). A spell checker
// accepts such words (they are well-formed), so the check is bilingual. At least one part must
// be explained: if none is, the alignment or a free translation is more likely the cause.
import type { Finding } from "../types";
import { loadLexicon } from "../lexicon";
import { splitGermanCompound } from "../lexicon/compound";
import { germanBaseCandidates } from "../lexicon/inflection";
import { stemEnglish } from "../lexicon/stem";
import { EnglishSentence, explain, englishReadings, translatesWord } from "./english-evidence";
import { STOPWORDS } from "./stopwords";
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

/** The best split's verdict when no split has every part explained; undefined when the word is fine.
 *  Only nouns: invented compounds are noun compounds, and verbs with particles ("hinausfliegen") are not in Ding as such. */
export function judgeCompound(word: string, english: EnglishSentence): Verdict | undefined {
  const lexicon = loadLexicon();
  if (word.length < MIN_LENGTH || !/^\p{Lu}\p{Ll}+$/u.test(word) || lexicon.hasGerman(word)) return undefined;
  // A word kept from the source is a name ("Einstein", "Einsteins"), not an invented compound.
  const key = word.toLowerCase();
  if (english.tokens.includes(key) || (key.endsWith("s") && english.tokens.includes(key.slice(0, -1)))) return undefined;
  // Ding builds longer compounds on some words it does not list alone ("Milchstraße" in
  // "Milchstraßensystem"): such a word, or an inflected form of it, is attested.
  if ([key, ...germanBaseCandidates(key)].some((k) => lexicon.isGermanModifier?.(k))) return undefined;
  const splits = splitGermanCompound(word);
  if (!splits.length) return undefined;
  if (attestedModifierExplains(key, english)) return undefined;
  let verdict: Verdict | undefined;
  for (const parts of splits.slice(0, 5)) {
    const explained: Record<string, string> = {};
    let unexplained: string | undefined;
    for (const p of parts) {
      const m = explain(p, english);
      if (m) explained[p] = m;
      else unexplained ??= p;
    }
    // German "neu-", "wieder-", "rück-" render the English prefix re- ("Neukonfiguration" for reconfiguration).
    if (unexplained && RE_PREFIX.has(unexplained) && parts[0] === unexplained && Object.values(explained).some((e) => /^re\p{L}{4,}/u.test(e))) unexplained = undefined;
    if (!unexplained) return undefined;
    // Only the first part unexplained, the head explained: a specification the translator added
    // ("Holzschlegel" for *mallets*, "Fensterblech" for *ledge*); the head carries the meaning. An
    // invented compound has a head or middle from nowhere ("Führungsstrang", "Überbeugung").
    const onlyModifierUnexplained = parts.length === 2 && unexplained === parts[0] && explained[parts[1]!] !== undefined;
    if (!verdict && !onlyModifierUnexplained && Object.keys(explained).length > 0) verdict = { parts, unexplained, explained };
  }
  return verdict;
}

const RE_PREFIX = new Set(["neu", "wieder", "rück"]);

/** "Milchstraßengalaxie" for *Milky Way galaxy*: a modifier Ding attests as a unit (Milchstraßen-system)
 *  followed by a dictionary noun is read as those two parts; the unit counts as explained when any of
 *  its own parts is ("Milch" = milky), since Ding has no translation of the unit itself. */
function attestedModifierExplains(key: string, english: EnglishSentence): boolean {
  const lexicon = loadLexicon();
  for (let cut = key.length - 4; cut >= 4; cut--) {
    const [modifier, head] = [key.slice(0, cut), key.slice(cut)];
    if (!lexicon.germanInfo?.(head)?.noun || !lexicon.isGermanModifier?.(modifier.replace(/(?:s|n|en|es)$/u, "")) && !lexicon.isGermanModifier?.(modifier)) continue;
    if (!explain(head, english)) continue;
    const inner = splitGermanCompound(modifier)[0] ?? [modifier];
    if (inner.some((p) => explain(p, english))) return true;
  }
  return false;
}

/** A free translation leaves English words that nothing in the German sentence translates: when such
 *  a content word stands right next to the English word of an explained part ("window ledge" for
 *  "Fensterblech"), it is most likely what the unexplained part means. A literal machine translation
 *  leaves nothing over: around "leadership" every word is accounted for, so "Strang" came from nowhere. */
function paraphraseNearby(v: Verdict, english: EnglishSentence, germanText: string, compoundStart: number): boolean {
  const others = words(germanText).filter((g) => g.start !== compoundStart).flatMap((g) => g.text.split("-")).filter(Boolean);
  // Only whole-word anchors: when a part matched inside a longer English word ("over" in
  // "overemphasizing"), that word is the whole counterpart and its neighbours say nothing.
  const whole = Object.entries(v.explained)
    .filter(([part, tok]) => englishReadings(part).some((r) => r === tok || stemEnglish(r) === stemEnglish(tok)))
    .map(([, tok]) => tok);
  const anchors = english.tokens.flatMap((tok, i) => (whole.includes(tok) ? [i] : []));
  for (const i of anchors) {
    for (const j of [i - 2, i - 1, i + 1, i + 2]) {
      const tok = english.tokens[j];
      if (!tok || tok.length < 3 || STOPWORDS.has(tok) || !/^\p{L}+$/u.test(tok) || Object.values(v.explained).includes(tok)) continue;
      if (!others.some((g) => translatesWord(g, tok))) return true;
    }
  }
  return false;
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
          if (!v || paraphraseNearby(v, english, doc.target[t]!.text, w.start)) continue;
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
