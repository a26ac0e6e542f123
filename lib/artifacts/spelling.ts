// German spelling errors that machine translation makes, checked with the Ding lexicon (its word
// forms, inflection rules and compound splitter) rather than a general spell checker: MT rarely
// invents letters, and a spell checker's unknown words in real text are mostly names, new
// compounds and English terms. So each rule is narrow and each has the fix:
// - a nominalised adjective after "etwas/nichts/viel/wenig/allerlei" is a noun ("etwas Interessantes");
// - "das" for the conjunction "dass" after a verb ("Ich glaube, das wir …");
// - after a semicolon the sentence goes on: "…; es gibt", not "…; Es gibt" (nouns and names stay);
// - a noun the dictionary does not know (nor its base, parts or derivation), used once, not in the
//   source, with exactly one dictionary noun one letter changed or swapped away ("Empfinflichkeit").
import type { Finding, Sentence, Side } from "../types";
import { loadLexicon } from "../lexicon";
import { splitGermanCompound } from "../lexicon/compound";
import { germanBaseCandidates } from "../lexicon/inflection";
import { isGerman, makeFinding, sourceTextOfTarget } from "./finding";
import { isFiniteVerb } from "./punctuation";
import { words } from "./tokens";
import type { AlignedDocument, Detector } from "./types";

const ID = "spelling";

const QUANTIFIER = "etwas|nichts|viel|wenig|allerlei|genug|mehr";
const INTENSIFIER = "sehr|ganz|so|super|wirklich|besonders|total|völlig|echt|ziemlich|recht|richtig|absolut";
const NOMINALISED = new RegExp(`(?<![\\p{L}])(?:${QUANTIFIER})(?: (?:${INTENSIFIER}))? (\\p{Ll}+es)(?![\\p{L}])`, "gu");
/** With these the adjective stays lower case (amtliche Regel §58: "etwas anderes", "nichts weniger"). */
const STAY_LOWER = new Set("anderes weniges meistes einiges vieles alles jedes manches mehreres eines keines dieses jenes solches welches meines deines seines ihres unseres eures".split(" "));

function nominalisedAdjectives(text: string): Array<{ span: [number, number]; word: string }> {
  const out: Array<{ span: [number, number]; word: string }> = [];
  const lexicon = loadLexicon();
  for (const m of text.matchAll(NOMINALISED)) {
    const word = m[1]!;
    if (STAY_LOWER.has(word)) continue;
    // "etwas neues Material": the adjective belongs to a noun after it.
    const next = text.slice(m.index! + m[0].length).match(/^\s+(\p{L}+)/u)?.[1];
    if (next && /^\p{Lu}/u.test(next)) continue;
    const base = word.slice(0, -2);
    const bases = [base, base.replace(/er$/, ""), base.replace(/st$/, "")];
    if (!bases.some((b) => lexicon.germanInfo?.(b)?.adjective)) continue;
    const at = m.index! + m[0].length - word.length;
    out.push({ span: [at, at + word.length], word });
  }
  return out;
}

/** Function words that a semicolon does not capitalise. "Sie" only when the English has no "you". */
const AFTER_SEMICOLON = new Set(
  // Not "und", "doch", "denn", "jetzt": verse capitalises every line, semicolons or not.
  "es er wir ich du ihr man das dies also deshalb daher trotzdem dabei darum zudem außerdem".split(" "),
);

function afterSemicolon(text: string, english: string): Array<{ span: [number, number]; word: string }> {
  const out: Array<{ span: [number, number]; word: string }> = [];
  for (const m of text.matchAll(/;\s+(\p{Lu}\p{Ll}*)(?![\p{L}])/gu)) {
    const word = m[1]!;
    const lower = word.toLowerCase();
    const polite = word === "Sie" && (!english || /\byou(?:r|rs)?\b/i.test(english));
    if (!(AFTER_SEMICOLON.has(lower) || word === "Sie") || polite) continue;
    const at = m.index! + m[0].length - word.length;
    out.push({ span: [at, at + word.length], word });
  }
  return out;
}

/** "Ich glaube, das wir …": after a verb, "das" with a subject after it opens a content clause, so it is
 *  the conjunction "dass". A relative "das" needs a noun or pronoun before the comma ("das Lied, das wir …",
 *  "etwas, das wir …"); a demonstrative "das" is followed by its verb ("Ich glaube, das ist gut"). */
const DAS_BEFORE_SUBJECT = /(?<![\p{L}])(\p{Ll}+), (das) (?:ich|du|er|sie|es|wir|ihr|man|Sie|der|die|den|dem|ein|eine|einen|unsere?|meine?|diese[rsmn]?)(?![\p{L}])/gu;
const PRONOUN_ANTECEDENTS = new Set("etwas alles nichts vieles weniges einiges manches dasjenige dasselbe jenes dieses eines keines das".split(" "));

function dasForDass(text: string): Array<{ span: [number, number]; word: string }> {
  const out: Array<{ span: [number, number]; word: string }> = [];
  for (const m of text.matchAll(DAS_BEFORE_SUBJECT)) {
    const before = m[1]!;
    if (PRONOUN_ANTECEDENTS.has(before) || !isFiniteVerb(before)) continue;
    // Only a short main clause before the comma ("Ich glaube,", "Der erste ist,") with no noun in it: a
    // relative clause is often moved behind the verb ("… jedes Wort hören, das du sagtest").
    const clause = text.slice(0, m.index! + before.length).split(/[,;:–]/u).pop()!.trim().split(/\s+/u);
    if (clause.length > 4 || clause.some((w, k) => k > 0 && /^\p{Lu}/u.test(w) && w !== "Sie")) continue;
    const at = m.index! + before.length + 2;
    out.push({ span: [at, at + 3], word: "das" });
  }
  return out;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß";

/** Separable verb particles, longest first: Ding lists "sehen" and "ansehen" but not "ansieht", "hinwies". */
const PARTICLES = ("hinein heraus herein hinaus herum herunter hinunter hinauf herauf zurück zusammen weiter wieder voran vorbei vorüber " +
  "entgegen empor fort fest frei hoch los nieder selbst über unter durch um an auf aus ab bei ein mit nach vor weg zu dar hin her").split(" ");

/** Words recur across the documents of a session; bounded so a long run cannot grow it without end. */
const knownCache = new Map<string, boolean>();

function known(word: string): boolean {
  let v = knownCache.get(word);
  if (v === undefined) {
    if (knownCache.size > 50_000) knownCache.clear();
    v = lookUp(word);
    knownCache.set(word, v);
  }
  return v;
}

function lookUp(word: string): boolean {
  // The spelling before 1996 ("Überfluß", "vermißt") is dated, not misspelt; Swiss spelling writes ss for ß ("Mässigkeit").
  const variants = [word];
  if (word.includes("ß")) variants.push(word.replace(/ß/gu, "ss"));
  if (word.includes("ss")) variants.push(word.replace(/ss/gu, "ß"));
  // An English word taken over ("Association" in a club's name).
  return loadLexicon().hasEnglish(word) || variants.some(lookUpForm);
}

function lookUpForm(word: string): boolean {
  const lexicon = loadLexicon();
  if (lexicon.hasGerman(word) || splitGermanCompound(word).length > 0) return true;
  if ([word, ...germanBaseCandidates(word)].some((w) => lexicon.isGermanModifier?.(w))) return true;
  // "Erschaffung" from erschaffen, "Verlorenheit" from verloren, "Eckchen" from Ecke: regular derivations of known words.
  const ung = /^(.{3,})ung(?:en)?$/u.exec(word);
  if (ung && lexicon.hasGerman(ung[1] + "en")) return true;
  const derived = /^(.{3,}?)(?:igkeit|heit|keit|chen|lein|schaft|nis|tum|lich|isch|bar|los|in|innen)(?:en|e|s)?$/u.exec(word);
  if (derived && [derived[1]!, derived[1]! + "e", derived[1]! + "en", derived[1]!.replace(/[äöü]/u, (c) => ({ ä: "a", ö: "o", ü: "u" })[c]!)].some((b) => lexicon.hasGerman(b))) return true;
  for (const p of PARTICLES) {
    if (!word.startsWith(p) || word.length - p.length < 3) continue;
    const rest = word.slice(p.length);
    // "anzusehen": particle, zu, verb.
    if (lexicon.hasGerman(rest) || (rest.startsWith("zu") && rest.length > 4 && lexicon.hasGerman(rest.slice(2)))) return true;
  }
  return false;
}

/** Letter-pair overlap (Dice): "Zylonen" against the English "Cylons" is 0.55. */
function similar(a: string, b: string): number {
  const pairs = (w: string) => {
    const out: string[] = [];
    for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
    return out;
  };
  const pa = pairs(a.toLowerCase());
  const pb = pairs(b.toLowerCase());
  const left = [...pb];
  let common = 0;
  for (const p of pa) {
    const k = left.indexOf(p);
    if (k >= 0) {
      common++;
      left.splice(k, 1);
    }
  }
  return pa.length + pb.length === 0 ? 0 : (2 * common) / (pa.length + pb.length);
}

/** Dictionary words one edit (a letter dropped, added, changed, or two swapped) away from `key`. */
function oneEditAway(key: string): string[] {
  const lexicon = loadLexicon();
  const found = new Set<string>();
  const test = (w: string) => {
    const info = w !== key ? lexicon.germanInfo?.(w) : undefined;
    if (info && info.frequency >= 2) found.add(w);
  };
  // A letter changed or two swapped: a dropped or added letter is as often an inflection or old spelling
  // ("Thee", "Vorkehrungen") as a slip.
  for (let i = 0; i < key.length; i++) {
    if (i + 1 < key.length) test(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
    for (const c of LETTERS) if (c !== key[i]) test(key.slice(0, i) + c + key.slice(i + 1));
  }
  return [...found];
}

function typos(sentences: Sentence[], sourceWords: Set<string>, sources: string[]): Array<{ sentence: number; span: [number, number]; word: string; fixed: string }> {
  const counts = new Map<string, number>();
  const tokens = sentences.map((s) => words(s.text));
  for (const ws of tokens) for (const w of ws) counts.set(w.text.toLowerCase(), (counts.get(w.text.toLowerCase()) ?? 0) + 1);
  const out: Array<{ sentence: number; span: [number, number]; word: string; fixed: string }> = [];
  tokens.forEach((ws, i) => {
    for (const w of ws) {
      // Nouns only, not the first word, 8+ letters: Ding lacks many verb forms ("erwies", "verzog") and
      // old or regional spellings, so a lower-case unknown word is far more often a gap than a slip.
      if (!/^\p{Lu}[a-zäöüß]{7,}$/u.test(w.text) || w.start === 0 || /[.!?:»«"„“]\s*$/u.test(sentences[i]!.text.slice(0, w.start))) continue;
      const key = w.text.toLowerCase();
      // Used twice in the document or taken from the source: deliberate (a name, a term).
      if ((counts.get(key) ?? 0) > 1 || sourceWords.has(key) || known(key)) continue;
      // A name carried over in another spelling ("Cylons" → "Zylonen").
      const names = words(sources[i] ?? "").filter((e, k) => k > 0 && /^\p{Lu}/u.test(e.text));
      if (/^\p{Lu}/u.test(w.text) && names.some((e) => similar(e.text, w.text) >= 0.4)) continue;
      const capital = /^\p{Lu}/u.test(w.text);
      // A noun's slip is another noun, a verb's another non-noun.
      const near = oneEditAway(key).filter((n) => Boolean(loadLexicon().germanInfo?.(n)?.noun) === capital);
      // Exactly one candidate: with several, the word is more likely an unknown word than a slip.
      if (near.length !== 1) continue;
      const fix = near[0]!;
      const fixed = /^\p{Lu}/u.test(w.text) ? fix[0]!.toUpperCase() + fix.slice(1) : fix;
      out.push({ sentence: i, span: [w.start, w.end], word: w.text, fixed });
    }
  });
  return out;
}

export function spellingFindings(sentences: Sentence[], side: Side, sources?: string[]): Finding[] {
  const out: Finding[] = [];
  const sourceWords = new Set((sources ?? []).flatMap((t) => words(t).map((w) => w.text.toLowerCase())));
  sentences.forEach((s, i) => {
    for (const n of nominalisedAdjectives(s.text)) {
      const fixed = n.word[0]!.toUpperCase() + n.word.slice(1);
      out.push(makeFinding({
        detector: ID, category: "Fluency/Spelling", severity: "minor", side, sentence: i, span: n.span,
        key: "spelling.nominalised", params: { word: n.word, fixed }, suggestion: fixed,
      }));
    }
    for (const n of dasForDass(s.text)) {
      out.push(makeFinding({
        detector: ID, category: "Fluency/Spelling", severity: "minor", side, sentence: i, span: n.span,
        key: "spelling.dasDass", params: { word: n.word, fixed: "dass" }, suggestion: "dass",
      }));
    }
    for (const n of afterSemicolon(s.text, sources?.[i] ?? "")) {
      const fixed = n.word.toLowerCase();
      out.push(makeFinding({
        detector: ID, category: "Fluency/Spelling", severity: "minor", side, sentence: i, span: n.span,
        key: "spelling.afterSemicolon", params: { word: n.word, fixed }, suggestion: fixed,
      }));
    }
  });
  for (const t of typos(sentences, sourceWords, sources ?? [])) {
    out.push(makeFinding({
      detector: ID, category: "Fluency/Spelling", severity: "minor", side, sentence: t.sentence, span: t.span,
      key: "spelling.typo", params: { word: t.word, fixed: t.fixed }, suggestion: t.fixed,
    }));
  }
  return out;
}

export const spellingDetector: Detector = {
  id: ID,
  description: "German spelling slips MT makes: nominalised adjectives in lower case ('etwas interessantes'), capitals after a semicolon, one-letter typos of dictionary words.",
  checkAligned: (doc: AlignedDocument) => (isGerman(doc.targetLang) ? spellingFindings(doc.target, "target", sourceTextOfTarget(doc)) : []),
  checkMonolingual: (doc) => (isGerman(doc.lang) ? spellingFindings(doc.sentences, "source") : []),
};
