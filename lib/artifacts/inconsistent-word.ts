// One English noun translated by different German nouns across a document: "brick" as Stein in one
// sentence, Ziegel in the next, "sound" as Ton, Klang and Geräusch. Machine translation picks a
// synonym sentence by sentence; a reader then wonders whether two things are meant. The pairing is
// lexical: in each sentence linked to an occurrence of the English noun, the German noun that the
// lexicon gives as its translation (or the English word itself, kept as a loanword). A sentence with
// no such noun (a pronoun, a free translation) or with two different ones says nothing. Renderings
// are the same up to inflection (Ziegel, Ziegeln) and when one is the head of the other (Raum,
// Weltraum; Stein, Ziegelstein). Reported: the renderings used less often than the document's main
// rendering for that noun, which must occur at least twice and more often than any other; not a
// rendering that is the English word itself (a loanword, or untranslated's finding).
import type { Finding } from "../types";
import { loadLexicon } from "../lexicon";
import { stemEnglish, stemGerman } from "../lexicon/stem";
import { isEnglish, isGerman, linkedPairs, makeFinding } from "./finding";
import { STOPWORDS } from "./stopwords";
import { isNarrativeWithDialogue } from "./genre";
import { words, type Token } from "./tokens";
import type { AlignedDocument, Detector } from "./types";

const ID = "inconsistent-word";
const MIN_PLACES = 3;

const fold = (s: string) => s.toLowerCase().replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u").replace(/ß/g, "ss");
const lemma = (w: string) => fold(stemGerman(w.toLowerCase()));

const nounCache = new Map<string, boolean>();
/** An English word whose usual German translations include a noun. */
function englishNoun(word: string): boolean {
  let v = nounCache.get(word);
  if (v === undefined) {
    const lexicon = loadLexicon();
    v = lexicon.enToDe(word).slice(0, 3).some((t) => lexicon.germanInfo?.(t)?.noun ?? false);
    if (nounCache.size > 20_000) nounCache.clear();
    nounCache.set(word, v);
  }
  return v;
}

const readingCache = new Map<string, Set<string>>();
/** English stems a German word translates directly (no compound parts: "Klangwelle" is no rendering of "sound"). */
function directStems(german: string): Set<string> {
  let v = readingCache.get(german);
  if (!v) {
    v = new Set(loadLexicon().deToEn(german).filter((t) => !t.includes(" ")).map(stemEnglish));
    v.add(stemEnglish(german.toLowerCase()));
    if (readingCache.size > 50_000) readingCache.clear();
    readingCache.set(german, v);
  }
  return v;
}

/** Capitalised German words of a sentence; not the first word of the sentence or
 *  of a quotation, whose capital says nothing ("Auch", "Gerade"). */
function germanNouns(text: string): Token[] {
  const out: Token[] = [];
  const ws = words(text);
  for (const [i, w] of ws.entries()) {
    if (i === 0 || /[.!?:;"„“»«‚‘›‹(–—]\s*$/u.test(text.slice(ws[i - 1]!.end, w.start))) continue;
    // Whole words only: a hyphenated term ("KI-Industrie", also split as "KI -Industrie") belongs to the
    // two-word check (inconsistent-term).
    if (text[w.start - 1] === "-" || text[w.end] === "-") continue;
    if (w.text.length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(w.text)) out.push(w);
  }
  return out;
}

/** Same up to inflection the stemmer misses ("System" -> syst, "Systemen" -> system) or one the head of the other (Raum, Weltraum). */
const sameRendering = (a: string, b: string) => a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a);

/** General nouns whose translation depends on the phrase, not on a choice of term: "each time" is
 *  "jedes Mal", "in time" "rechtzeitig"; "space" is Raum, Platz, Weltraum or All. */
const GENERAL_NOUNS = new Set(
  ("time times way ways thing things part parts kind kinds sort lot lots place places point points case cases fact facts " +
    "world life lives day days year years people person end side sides number numbers space spaces area areas form forms " +
    "state states matter matters order level levels line lines hand hands head heads word words term terms course").split(" "),
);

interface Use { target: number; span: [number, number]; text: string; lemma: string }

function check(doc: AlignedDocument): Finding[] {
  if (!isEnglish(doc.sourceLang) || !isGerman(doc.targetLang)) return [];
  // Fiction varies its words on purpose (Buben, Knaben, Jungen for "boys"); terms are fixed in
  // expository and technical text.
  if (isNarrativeWithDialogue(doc.target)) return [];
  // English noun (by stem) -> the places it occurs: the linked target sentences.
  const places = new Map<string, { word: string; targets: number[][] }>();
  for (const p of linkedPairs(doc)) {
    if (!p.source.length || !p.target.length) continue;
    const seen = new Set<string>();
    for (const s of p.source) {
      const text = doc.source[s]!.text;
      for (const w of words(text)) {
        const word = w.text.replace(/['’]s$/, "");
        if (!/^\p{Ll}{4,}$/u.test(word) || STOPWORDS.has(word)) continue;
        const stem = stemEnglish(word);
        if (seen.has(stem)) continue;
        seen.add(stem);
        const entry = places.get(stem) ?? { word, targets: [] };
        entry.targets.push(p.target);
        places.set(stem, entry);
      }
    }
  }
  const nounsOf = new Map<number, Token[]>();
  const out: Finding[] = [];
  for (const [stem, { word, targets }] of places) {
    if (targets.length < MIN_PLACES || GENERAL_NOUNS.has(word) || !englishNoun(word)) continue;
    const uses: Use[] = [];
    for (const ts of targets) {
      const found: Use[] = [];
      for (const t of ts) {
        let nouns = nounsOf.get(t);
        if (!nouns) nounsOf.set(t, (nouns = germanNouns(doc.target[t]!.text)));
        for (const n of nouns) if (directStems(n.text).has(stem)) found.push({ target: t, span: [n.start, n.end], text: n.text, lemma: lemma(n.text) });
      }
      // Two different candidates in one place: which one renders the noun cannot be told.
      if (found.length && found.every((f) => sameRendering(f.lemma, found[0]!.lemma))) uses.push(found[0]!);
    }
    if (uses.length < MIN_PLACES) continue;
    const variants: Array<{ lemma: string; uses: Use[] }> = [];
    for (const u of uses) {
      const v = variants.find((x) => sameRendering(x.lemma, u.lemma));
      if (v) v.uses.push(u);
      else variants.push({ lemma: u.lemma, uses: [u] });
    }
    // Three or more renderings follow the senses of the English word (sound: Klang, Geräusch, Ton,
    // Sound); an inconsistency is a deviation from one rendering.
    if (variants.length !== 2) continue;
    variants.sort((a, b) => b.uses.length - a.uses.length);
    const main = variants[0]!;
    // A norm: the main rendering used at least three times and twice as often as any other. Without
    // one, the renderings follow the senses of the English word (sound: Klang, Geräusch, Ton).
    if (main.uses.length < 3 || main.uses.length < 3 * variants[1]!.uses.length) continue;
    for (const v of variants.slice(1)) {
      // The English word kept ("Songs" beside Lied, "Computing" beside Berechnung): an adopted loanword is a
      // German synonym, a word left in English is untranslated's finding; rated MT: 5 of 14 marked.
      if (stemEnglish(v.uses[0]!.text.toLowerCase()) === stem) continue;
      for (const u of v.uses) {
        out.push(makeFinding({
          detector: ID, category: "Terminology/Inconsistent", severity: "minor", side: "target", sentence: u.target, span: u.span,
          key: "term.inconsistentWord", params: { term: word, rendering: u.text, main: main.uses[0]!.text, count: main.uses.length },
          evidence: { variants: variants.map((x) => `${x.uses[0]!.text} ×${x.uses.length}`) },
        }));
      }
    }
  }
  return out;
}

export const inconsistentWordDetector: Detector = {
  id: ID,
  description: "An English noun repeated in the document but translated by different German nouns (brick → Stein / Ziegel), paired through the alignment and the lexicon.",
  checkAligned: check,
};
