// "Does this German word (or part) have a counterpart in the English sentence?": the question
// the compound detectors and the term miner ask. Translations come from the lexicon; a match is
// an English word with the same stem, or (for translations of 4+ letters) one that contains it,
// because English spells compounds and prefixes as one word too ("over" in "overemphasizing").
import { loadLexicon } from "../lexicon";
import { splitGermanCompound } from "../lexicon/compound";
import { stemEnglish } from "../lexicon/stem";
import { words } from "./tokens";

export class EnglishSentence {
  readonly tokens: string[];
  /** The tokens as written (same positions as `tokens`). */
  readonly original: string[];
  private readonly tokenStems: string[];
  private readonly stems: Set<string>;

  constructor(text: string) {
    this.original = words(text).flatMap((w) => w.text.replace(/['’]s$/, "").split("-")).filter(Boolean);
    this.tokens = this.original.map((w) => w.toLowerCase());
    this.tokenStems = this.tokens.map((t) => stemEnglish(t));
    this.stems = new Set(this.tokenStems);
  }

  /** The English word that a translation matches, or undefined. */
  match(translation: string): string | undefined {
    const t = translation.toLowerCase();
    if (t.includes(" ")) return undefined;
    const stem = stemEnglish(t);
    const exact = this.tokens.find((w, i) => w === t || this.tokenStems[i] === stem);
    if (exact) return exact;
    if (t.length >= 4) return this.tokens.find((w) => w.length > t.length && (w.startsWith(t) || w.endsWith(t)));
    return undefined;
  }

  hasStem(stem: string): boolean {
    return this.stems.has(stem);
  }
}

/** English readings of a German word or compound part, including the verb-stem reading of a
 *  modifier ("Rechen-" in "Rechenressourcen" is rechnen, compute, not Rechen, rake). */
export function englishReadings(part: string): string[] {
  return memo(readingsCache, part, () => computeReadings(part));
}

/** Lookups repeat across sentences and detectors; the caches are bounded so a long text cannot grow them without end. */
const readingsCache = new Map<string, string[]>();
const partsCache = new Map<string, string[]>();
function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size > 50_000) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v;
}

function computeReadings(part: string): string[] {
  const lexicon = loadLexicon();
  const out = new Set<string>(lexicon.deToEn(part));
  if (/en$/.test(part)) for (const t of lexicon.deToEn(part.replace(/en$/, "nen"))) out.add(t);
  if (!/n$/.test(part)) for (const t of lexicon.deToEn(part + "en")) out.add(t);
  // Cognates and loanwords: "Training", "Computer".
  out.add(part.toLowerCase());
  return [...out];
}

/** The English word explaining a German part, if any. */
export function explain(part: string, english: EnglishSentence): string | undefined {
  for (const reading of englishReadings(part)) {
    const m = english.match(reading);
    if (m) return m;
  }
  return undefined;
}

/** Parts of a German word for looking up its meaning: the splitter's best split, or, for a
 *  dictionary word the splitter keeps whole ("Lieferkette"), the first cut into a modifier with
 *  English readings and a known head (liefer(n) + kette). */
export function meaningParts(word: string): string[] {
  return memo(partsCache, word, () => computeParts(word));
}

function computeParts(word: string): string[] {
  const split = splitGermanCompound(word)[0];
  if (split) return split;
  const lexicon = loadLexicon();
  const w = word.toLowerCase();
  for (let cut = 3; cut <= w.length - 4; cut++) {
    const [modifier, head] = [w.slice(0, cut), w.slice(cut)];
    if (!lexicon.hasGerman(head) || !lexicon.germanInfo?.(head)?.noun) continue;
    if (englishReadings(modifier).length > 1) return [modifier, head];
  }
  return [];
}

interface GermanReadings { all: string[]; stems: Set<string> }
const germanReadingsCache = new Map<string, GermanReadings>();

/** Every English reading of a German word and of its parts, with their stems (computed once per word). */
function readingsOfWord(word: string): GermanReadings {
  return memo(germanReadingsCache, word, () => {
    const all = [...new Set([word, ...meaningParts(word)].flatMap((p) => englishReadings(p)))].filter((r) => !r.includes(" "));
    return { all, stems: new Set(all.map((r) => stemEnglish(r))) };
  });
}

/** Does the German word (whole or by its parts) translate this one English word? Same matching rules as EnglishSentence.match. */
export function translatesWord(german: string, english: string): boolean {
  const r = readingsOfWord(german);
  const e = english.toLowerCase();
  if (r.stems.has(stemEnglish(e))) return true;
  return r.all.some((t) => t === e || (t.length >= 4 && e.length > t.length && (e.startsWith(t) || e.endsWith(t))));
}

/** Stems of every English reading of a German word and its parts (same readings as translatesWord, without its
 *  "inside a longer English word" rule): for checking many English words against one sentence at once. */
export function englishStemsOf(german: string): ReadonlySet<string> {
  return readingsOfWord(german).stems;
}
