// German compound splitting against the lexicon's headword vocabulary, after Koehn & Knight (2003):
// enumerate every way to cut the word into known words (allowing linking elements between them), rank
// the cuts by the geometric mean of the parts' frequencies, and keep a word whole when it is itself a
// dictionary word that is commoner than its best cut. Used to look up nonce compounds part by part
// ("Führungsstrang" -> führung + strang) where the whole word has no translation.
import { loadLexicon, normaliseWord, type GermanWordInfo, type Lexicon } from "./index";
import { germanBaseCandidates } from "./inflection";

const MIN_PART = 3;
const MAX_PARTS = 4;
const MAX_SPLITS = 10;
/** Fugenelemente, longest first so that "-es-" is tried before "-s-". */
const LINKS = ["ens", "es", "en", "er", "s", "n", "e", ""] as const;

/** Prepositions and verb particles: they lead compounds (Über-beugung, Nach-teil) but are never a later part. */
const LEADING_PARTICLES = new Set(
  "ab an auf aus bei dar durch ein für gegen her hin hinter mit nach neben ohne über um unter vor weg wider wieder zu zurück zwischen".split(" "),
);
/** Articles, pronouns, conjunctions and suffix-like words: never a part ("zweifel-los", "möglicher-weise"). */
const NEVER_PARTS = new Set(
  ("der die das den dem des ein eine einer eines einem einen er sie es wir ihr ihm ihn ihnen sich mein dein sein unser euer " +
    "und oder aber denn weil dass als wie wenn ob los weise lich bar haft artig sam heit keit ung schaft tum nis").split(" "),
);

interface Part {
  /** The part as the lexicon knows it (lowercased). */
  lemma: string;
  info: GermanWordInfo;
}

function infoOf(lexicon: Lexicon, word: string): GermanWordInfo | undefined {
  if (lexicon.germanInfo) return lexicon.germanInfo(word);
  // A lexicon without frequency information: every known word counts the same.
  return lexicon.hasGerman(word) ? { frequency: 1, noun: true, verb: false, content: true, functionWord: false } : undefined;
}

function usable(lemma: string, info: GermanWordInfo): boolean {
  return !NEVER_PARTS.has(lemma) && !info.functionWord;
}

/** A leading part may be a truncated form: "Schul-buch" (Schule), "Schreib-tisch" (schreiben). */
function modifierLemma(lexicon: Lexicon, text: string, first: boolean): Part | undefined {
  if (LEADING_PARTICLES.has(text)) {
    const info = first ? infoOf(lexicon, text) : undefined;
    return info ? { lemma: text, info: { ...info, functionWord: false } } : undefined;
  }
  const info = infoOf(lexicon, text);
  if (info) return usable(text, info) ? { lemma: text, info } : undefined;
  // Truncation is only believable on a stem of some length: "ent" + e would make "Ente" (duck) of "Entwicklung".
  if (text.length < 4) return undefined;
  const noun = infoOf(lexicon, text + "e");
  if (noun?.noun) return { lemma: text + "e", info: noun };
  for (const infinitive of [text + "en", text + "n"]) {
    const verb = infoOf(lexicon, infinitive);
    if (verb?.verb) return { lemma: infinitive, info: verb };
  }
  return undefined;
}

/** The last part (the head) carries the inflection: "…ressourcen", "…investitionen" are listed, others
 *  may need an ending removed. */
function headLemma(lexicon: Lexicon, text: string, noun: boolean): Part | undefined {
  if (LEADING_PARTICLES.has(text)) return undefined;
  const fits = (lemma: string, info: GermanWordInfo | undefined): info is GermanWordInfo =>
    info !== undefined && usable(lemma, info) && (!noun || info.noun);
  const info = infoOf(lexicon, text);
  if (fits(text, info)) return { lemma: text, info };
  for (const ending of ["en", "n", "s", "es", "e", "er"]) {
    // A three-letter base reached by cutting an ending is too often an accident ("Autonomie" -> "omi").
    if (!text.endsWith(ending) || text.length - ending.length <= MIN_PART) continue;
    const base = text.slice(0, -ending.length);
    const i = infoOf(lexicon, base);
    if (fits(base, i) && i.content) return { lemma: base, info: i };
  }
  return undefined;
}

/** Every cut of word[from..] into known parts (at most maxParts of them). */
interface Job {
  lexicon: Lexicon;
  word: string;
  /** A capitalised word is a noun, so its last part must be one (Microsoft is not micro + oft). */
  noun: boolean;
  memo: Map<string, Part[][]>;
}

function cuts(job: Job, from: number, maxParts: number, first: boolean): Part[][] {
  const { lexicon, word, memo } = job;
  const memoKey = `${from}/${maxParts}/${first}`;
  const hit = memo.get(memoKey);
  if (hit) return hit;
  const out: Part[][] = [];
  const rest = word.slice(from);
  if (rest.length >= MIN_PART) {
    const head = first ? undefined : headLemma(lexicon, rest, job.noun);
    if (head) out.push([head]);
  }
  if (maxParts > 1) {
    for (let end = from + MIN_PART; end <= word.length - MIN_PART; end++) {
      const part = modifierLemma(lexicon, word.slice(from, end), first);
      if (!part) continue;
      for (const link of LINKS) {
        if (!word.startsWith(link, end)) continue;
        const next = end + link.length;
        if (word.length - next < MIN_PART) continue;
        for (const tail of cuts(job, next, maxParts - 1, false)) out.push([part, ...tail]);
      }
    }
  }
  memo.set(memoKey, out);
  return out;
}

/** Log of the geometric mean of the parts' frequencies (Koehn & Knight), minus a price per extra part:
 *  the plain mean lets common short words win ("Geschäfts-intern-essen" over "Geschäfts-interessen"). */
function score(parts: readonly Part[]): number {
  const logSum = parts.reduce((s, p) => s + Math.log(p.info.frequency + 1), 0);
  return logSum / parts.length - 1.5 * (parts.length - 2);
}

/** Ways to split a German word into known German words, with linking elements (-s-, -es-, -n-, -en-, -e-, -er-) and
 *  case folding; each split is a list of parts (lowercased lemmas as found in the lexicon), best-first; [] if none.
 *  "Führungsstrang" -> [["führung","strang"], …]; "Rechenressourcen" -> [["rechen","ressourcen"], …]. Parts ≥ 3 chars. */
export function splitGermanCompound(word: string, lexicon: Lexicon = loadLexicon()): string[][] {
  const key = normaliseWord(word);
  if (key.includes("-")) return splitHyphenated(key, lexicon);
  if (key.length < 2 * MIN_PART) return [];
  const noun = /^\p{Lu}/u.test(word.trim());
  const all = cuts({ lexicon, word: key, noun, memo: new Map() }, 0, MAX_PARTS, true);
  // A dictionary word is split only if it is written as a noun, only into nouns of four letters or more that are clearly more established
  // than the word itself: "Kapitalinvestitionen" is kapital + investitionen, but "Unternehmen" is not
  // unter + nehmen, "Auswirkungen" not aus + wirkungen, "Autonomie" not auto + omi.
  const whole = wholeWordInfo(lexicon, key);
  const candidates = whole
    ? all.filter(
        (parts) =>
          noun &&
          parts.every((p) => p.info.noun && p.lemma.length > MIN_PART) &&
          score(parts) > Math.log(whole.frequency + 1) + 1,
      )
    : all;
  const seen = new Set<string>();
  return candidates
    .map((parts) => ({ parts, s: score(parts) }))
    .sort((a, b) => b.s - a.s || a.parts.length - b.parts.length)
    .map(({ parts }) => parts.map((p) => p.lemma))
    .filter((lemmas) => {
      const id = lemmas.join("+");
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .slice(0, MAX_SPLITS);
}

/** The word itself, as written or as an inflected form of a listed word ("tiefgreifende"). */
function wholeWordInfo(lexicon: Lexicon, key: string): GermanWordInfo | undefined {
  const exact = infoOf(lexicon, key);
  if (exact) return exact;
  if (!lexicon.hasGerman(key)) return undefined;
  for (const base of germanBaseCandidates(key)) {
    const info = infoOf(lexicon, base);
    if (info) return info;
  }
  return { frequency: 1, noun: false, verb: false, content: true, functionWord: false };
}

/** "KI-Modellen": the hyphens are the cuts; each piece must be known (or itself split). */
function splitHyphenated(key: string, lexicon: Lexicon): string[][] {
  const pieces = key.split("-").filter(Boolean);
  if (pieces.length < 2) return [];
  const options = pieces.map((piece) => {
    if (lexicon.hasGerman(piece)) return [[piece]];
    const s = splitGermanCompound(piece, lexicon);
    return s.length ? [s[0]!] : null;
  });
  if (options.some((o) => o === null)) return [];
  return [options.flatMap((o) => o![0]!)];
}
