// English words left inside a German sentence: the usual form of "untranslated" in machine
// translation (whole sentences are rare). A target word is English left in when it is copied from
// its aligned source sentence (same word, case aside), is an English word and not a German one per
// the lexicon, and is not a loanword German has adopted. Ding lists adopted loanwords as words
// ("Team", "Software", "online") or as the first part of German compounds ("Soundkarte",
// "Audiodatei"), so both count as accepted.
//
// What gets reported (a run is a stretch of copied words adjacent in both sentences):
//  - a run with a word written lower case in the German sentence ("watching closely", "are"):
//    German writes an adopted English noun with a capital, so a lower-case English word was copied as
//    English text — this covers a short sentence left entirely in English;
//  - an English noun or capitalised term ("Bricks", "Computing", "Machine Learning") only when the
//    document itself translates that source word elsewhere, at least twice as often as it keeps it:
//    then it is no adopted term but a word the system failed to translate;
//  - an imperial unit abbreviation copied with its number ("8 ft").
// Names are left alone: words capitalised inside the English sentence, and acronyms.
import { loadLexicon, type Lexicon } from "../lexicon";
import { splitGermanCompound } from "../lexicon/compound";
import { stemEnglish } from "../lexicon/stem";
import { translatesWord } from "./english-evidence";
import { englishNameTokens } from "./names";
import { words, type Token } from "./tokens";

/** A copied English stretch of one target sentence. */
export interface EnglishRun {
  span: [number, number];
  text: string;
  /** The English words of the run (lower case). */
  english: string[];
  /** An English word of the run is written lower case in the German sentence. */
  lowerCase: boolean;
  tokens: Token[];
}

/** German function words that Ding does not list as headwords (it files them under phrases). */
const GERMAN_FUNCTION_WORDS = new Set(
  ("her hin hier da dort wo wie was wer so ja nein doch mal nun denn also bald fast gar eben halt schon noch nur auch " +
    "an am in im um zu bis ab aus bei mit nach seit von vor für gegen ohne durch über unter neben hinter zwischen " +
    "der die das den dem des ein eine einen einem einer eines er sie es wir ihr ich du man sein ihm ihn uns euch " +
    "mir mich dir dich sich und oder aber weil wenn dass ob als bis will kann muss darf soll mag war hat ist sind " +
    "so also oft bald gut rot weg fort heim drum dran drin rum rein raus").split(" "),
);

const acceptedCache = new Map<string, boolean>();

/** Is the word German, or an English word German has adopted (Ding knows it alone or as a compound's first part)? */
function germanOrAdopted(lexicon: Lexicon, word: string): boolean {
  const w = word.toLowerCase();
  let v = acceptedCache.get(w);
  if (v !== undefined) return v;
  v = GERMAN_FUNCTION_WORDS.has(w) || lexicon.hasGerman(word) || lexicon.hasGerman(w) || inflectedGermanAdjective(lexicon, w) || splitGermanCompound(word).length > 0 || adoptedAsModifier(lexicon, w);
  if (acceptedCache.size > 20_000) acceptedCache.clear();
  acceptedCache.set(w, v);
  return v;
}

/** "plausible" (plausibel), "dunkle" (dunkel), "teure" (teuer): German drops the e of -el/-er before an ending. */
function inflectedGermanAdjective(lexicon: Lexicon, w: string): boolean {
  const m = /^(.*[^aeiouäöü])([lr])(e|en|er|es|em)$/u.exec(w);
  return m !== null && lexicon.hasGerman(`${m[1]}e${m[2]}`);
}

/** "sound" in Soundkarte, "audio" in Audiodatei: Ding has a compound of the word and one of a few common
 *  German heads (the lexicon offers no prefix search; these heads cover the technical loanwords tried). */
function adoptedAsModifier(lexicon: Lexicon, w: string): boolean {
  const forms = [w, w.replace(/s$/, "")].filter((f, i, a) => f.length >= 3 && a.indexOf(f) === i);
  const heads = ["karte", "datei", "system", "technik", "gerät", "qualität", "anlage", "bereich"];
  for (const f of forms) {
    for (const h of heads) if (lexicon.hasGerman(f + h) || lexicon.hasGerman(`${f}-${h}`)) return true;
  }
  return false;
}

/** English abbreviations of imperial units, which German does not use ("in" is left out: a German word). */
const IMPERIAL = /\d\s?(ft|yd|yds|mi|lbs?|oz|mph|sq)\b/g;

/** The imperial abbreviations of a target sentence copied from its source with their number ("8 ft." for 8 ft.):
 *  English left in the text (Accuracy/Untranslated, as raters mark it), reported here; unit-locale leaves them alone. */
export function copiedImperialAbbreviations(target: string, source: string): RegExpMatchArray[] {
  return [...target.matchAll(IMPERIAL)].filter((m) => new RegExp(`\\d\\s?${m[1]}\\b`).test(source));
}

const LETTERS = /^\p{L}+(?:['’]\p{L}+)?$/u;

/** Words of a source sentence (lower case) with the pairs of adjacent words, and the names in it. */
interface SourceWords { set: Set<string>; pairs: Set<string>; names: Set<string> }

function sourceWords(text: string): SourceWords {
  const ws = words(text).map((w) => w.text.toLowerCase());
  // Names: capitalised inside the sentence (titles such as "Mrs" included, which names.ts leaves out).
  const names = new Set(englishNameTokens(text).map((t) => t.text.toLowerCase()));
  words(text).forEach((t, i) => {
    if (i > 0 && /^\p{Lu}/u.test(t.text) && !/[.!?:"“‘»«—–-]\s*$/u.test(text.slice(0, t.start))) names.add(t.text.toLowerCase());
  });
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < ws.length; i++) pairs.add(`${ws[i]} ${ws[i + 1]}`);
  return { set: new Set(ws), pairs, names };
}

/** Copied stretches of the target sentence that contain an English (not German, not adopted) word. */
export function copiedEnglishRuns(targetText: string, sourceText: string): EnglishRun[] {
  const lexicon = loadLexicon();
  const src = sourceWords(sourceText);
  const tokens = words(targetText);
  const copied = tokens.map((t) => {
    const w = t.text.toLowerCase();
    // A word cut short with an apostrophe ("find'", "hätt'") is colloquial German.
    if (/^['’]/u.test(targetText.slice(t.end))) return false;
    return LETTERS.test(t.text) && src.set.has(w) && !src.names.has(w) && !/^\p{Lu}{2,}$/u.test(t.text);
  });
  const out: EnglishRun[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!copied[i]) { i++; continue; }
    let j = i;
    while (
      j + 1 < tokens.length && copied[j + 1] && /^\s+$/.test(targetText.slice(tokens[j]!.end, tokens[j + 1]!.start)) &&
      src.pairs.has(`${tokens[j]!.text.toLowerCase()} ${tokens[j + 1]!.text.toLowerCase()}`)
    ) j++;
    const run = tokens.slice(i, j + 1);
    const english = run.filter((t) => t.text.length >= 3 && lexicon.hasEnglish(t.text.toLowerCase()) && !germanOrAdopted(lexicon, t.text));
    if (english.length) {
      // Trim German-looking words at the edges ("die", "in"): the span is the English stretch.
      const first = run.findIndex((t) => english.includes(t));
      const last = run.length - 1 - [...run].reverse().findIndex((t) => english.includes(t));
      const core = run.slice(first, last + 1);
      const start = core[0]!.start;
      const end = core[core.length - 1]!.end;
      // German writes an adopted noun with a capital: a lower-case English word was copied as English text.
      const lowerCase = english.some((t) => /^\p{Ll}/u.test(t.text));
      out.push({ span: [start, end], text: targetText.slice(start, end), english: english.map((t) => t.text.toLowerCase()), lowerCase, tokens: core });
    }
    i = j + 1;
  }
  return out;
}

export interface EnglishLeftFinding { target: number; run: EnglishRun; reason: "lowerCase" | "translatedElsewhere" | "imperialUnit" }

/**
 * English left in the target sentences. `pairs` gives, for each target sentence, the text of its
 * aligned source sentence(s) (undefined when unlinked).
 */
export function findEnglishLeft(targets: string[], sources: Array<string | undefined>, fiction = false): EnglishLeftFinding[] {
  const runs = targets.map((t, i) => (sources[i] ? copiedEnglishRuns(t, sources[i]!) : []));
  // How the document treats each English word elsewhere: sentences whose source has it, how many of
  // those keep it in the target, and how many translate it with a word the lexicon gives for it.
  const usage = new Map<string, { inSource: number; kept: number; translated: number }>();
  const needed = new Map(runs.flat().flatMap((r) => r.english.map((w) => [stemEnglish(w), w] as const)));
  if (needed.size) {
    targets.forEach((t, i) => {
      const s = sources[i];
      if (!s) return;
      const sw = new Set(words(s).map((w) => stemEnglish(w.text.toLowerCase())));
      const targetWords = words(t);
      const tw = new Set(targetWords.map((w) => stemEnglish(w.text.toLowerCase())));
      for (const [stem, english] of needed) {
        if (!sw.has(stem)) continue;
        const u = usage.get(stem) ?? { inSource: 0, kept: 0, translated: 0 };
        u.inSource++;
        if (tw.has(stem)) u.kept++;
        else if (targetWords.some((g) => /^\p{Lu}/u.test(g.text) && translatesWord(g.text, english))) u.translated++;
        usage.set(stem, u);
      }
    });
  }
  const out: EnglishLeftFinding[] = [];
  runs.forEach((rs, target) => {
    for (const r of rs) {
      if (r.lowerCase) {
        out.push({ target, run: r, reason: "lowerCase" });
        continue;
      }
      // A capitalised English noun (or term): only inside the sentence (where German capitals mean a
      // noun), and only when the document keeps it at most twice and translates it (per the lexicon) at
      // least twice as often: then it is no adopted term but a word the system failed to translate.
      // Fiction keeps foreign words for colour ("die Ladies", "Croquet"): not this rule's business there.
      if (fiction || r.span[0] === 0 || /[.!?:"“‘»«„›‹—–-]\s*$/u.test(targets[target]!.slice(0, r.span[0]))) continue;
      const translatedElsewhere = r.english.some((w) => {
        const u = usage.get(stemEnglish(w));
        return u !== undefined && u.kept <= 2 && u.translated >= 2 * u.kept;
      });
      if (translatedElsewhere) out.push({ target, run: r, reason: "translatedElsewhere" });
    }
    // Imperial units copied with their number ("8 ft.", "12 mph"): German writes Fuß, Meilen, … or converts.
    const source = sources[target];
    if (!source) return;
    const units = copiedImperialAbbreviations(targets[target]!, source);
    if (!units.length) return;
    // One finding for the sentence, from the first unit to the last ("8 ft., 12 ft"); unit-locale reports none.
    const start = units[0]!.index! + units[0]![0].indexOf(units[0]![1]!);
    const last = units[units.length - 1]!;
    const end = last.index! + last[0].length;
    const text = targets[target]!.slice(start, end);
    out.push({ target, run: { span: [start, end], text, english: units.map((m) => m[1]!), lowerCase: true, tokens: [] }, reason: "imperialUnit" });
  });
  return out;
}
