// A German compound written as two words ("Führungsstrang Kontroverse"): two common nouns side
// by side with nothing between them, which German grammar only allows in a few patterns (titles
// before names, "Ende Mai"). In a pair the English sentence must show the same two words side
// by side ("leadership controversy"), the usual source of the error; in German-only text both
// words must be dictionary nouns.
import type { Finding, Sentence, Side } from "../types";
import { loadLexicon } from "../lexicon";
import { splitGermanCompound } from "../lexicon/compound";
import { EnglishSentence, explain, meaningParts } from "./english-evidence";
import { isGerman, linkedPairs, makeFinding } from "./finding";
import { words, type Token } from "./tokens";
import type { AlignedDocument, Detector, MonolingualDocument } from "./types";

const ID = "split-compound";

/** Words that stand before a name or a date without a hyphen. */
const FREE_LEADERS = new Set(
  ("Herr Frau Herrn Dr Prof Präsident Präsidentin Kanzler Kanzlerin Minister Ministerin Firma Stadt Gemeinde Familie Professor Professorin " +
    "Anfang Ende Mitte Jahr Monat Woche Kapitel Abschnitt Seite Artikel Paragraf Nummer Typ Modell Version Stand Sankt Bundeskanzler").split(" "),
);
/** Polite pronouns are capitalised: "vor Ihrem Haus". */
const PRONOUNS = new Set("Sie Ihr Ihre Ihrem Ihren Ihrer Ihres Ihnen".split(" "));

/** An inflected adjective written with a capital (in a name or nominalised): "Vereinigten", "Jungen", "Nationale". */
function adjectiveForm(word: string): boolean {
  const lexicon = loadLexicon();
  const m = /^(.{3,}?)(?:e|en|em|er|es)$/u.exec(word.toLowerCase());
  if (!m) return false;
  const info = lexicon.germanInfo?.(m[1]!);
  // "Schwarze Löcher", "Künstliche Intelligenz": an adjective (a lower-case Ding row marked adj) that
  // also names a noun ("das Schwarz") is still an adjective when inflected before a noun.
  return Boolean(info && ((!info.noun && info.content) || info.adjective));
}

/** Role nouns stand before a name without a hyphen: "Konzernchef Müller", "Parteisprecherin Lang". */
const ROLE = /(?:chef|chefin|leiter|leiterin|präsident|präsidentin|minister|ministerin|sprecher|sprecherin|direktor|direktorin|vorsitzender?|trainer|trainerin|kanzler|kanzlerin|gründer|gründerin|autor|autorin|kollege|kollegin)$/iu;
/** Numbers take their unit as a second noun: "35 Millionen Euro", "zwei Dutzend Eier". */
const SCALE_WORDS = new Set("Tausend Millionen Million Milliarden Milliarde Billionen Billion Prozent Dutzend Hundert".split(" "));

const MONTHS = new Set("Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(" "));

function isCommonNoun(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const lexicon = loadLexicon();
  const info = lexicon.germanInfo?.(word.toLowerCase());
  if (info) return info.noun;
  if (lexicon.hasGerman(word)) return true;
  return splitGermanCompound(word).length > 0;
}

interface Candidate { sentence: number; first: Token; second: Token }

/** `english`: in a pair, an English first word taken over verbatim ("Premier League Spielen") also counts as a noun. */
function candidates(sentences: Sentence[], indices: number[], english?: EnglishSentence): Candidate[] {
  const out: Candidate[] = [];
  for (const i of indices) {
    const text = sentences[i]!.text;
    const ws = words(text);
    for (let k = 1; k + 1 < ws.length; k++) {
      const [a, b] = [ws[k]!, ws[k + 1]!];
      if (text.slice(a.end, b.start) !== " ") continue;
      // The word after a sentence-internal colon or quote starts a new phrase.
      if (/[.:!?"„“]\s*$/.test(text.slice(ws[k - 1]!.end, a.start))) continue;
      // "gab dem Kind Geld": a dative object before the direct object, two noun phrases.
      if (k >= 1 && /^(?:dem|einem|diesem|jedem|keinem|seinem|ihrem|unserem)$/iu.test(ws[k - 1]!.text)) continue;
      // "des Fremden Stimme": a genitive before its noun.
      if (k >= 1 && /^(?:des|eines)$/iu.test(ws[k - 1]!.text)) continue;
      if (PRONOUNS.has(a.text) || adjectiveForm(a.text) || ROLE.test(a.text) || SCALE_WORDS.has(a.text)) continue;
      if (/\d$/.test(text.slice(0, a.start).trimEnd())) continue;
      if (FREE_LEADERS.has(a.text) || MONTHS.has(b.text) || MONTHS.has(a.text)) continue;
      // A genitive ("Deutschlands Wirtschaft") is written apart.
      if (/s$/.test(a.text) && loadLexicon().hasGerman(a.text.slice(0, -1))) continue;
      const loanword = english !== undefined && /^\p{Lu}\p{Ll}+$/u.test(a.text) && english.tokens.includes(a.text.toLowerCase());
      if ((isCommonNoun(a.text) || loanword) && isCommonNoun(b.text)) out.push({ sentence: i, first: a, second: b });
    }
  }
  return out;
}

function flag(side: Side, c: Candidate, evidence: Record<string, unknown>): Finding {
  const fixed = `${c.first.text}-${c.second.text}`;
  return makeFinding({
    detector: ID, category: "Fluency/Spelling", severity: "minor", side, sentence: c.sentence,
    span: [c.first.start, c.second.end], key: "splitCompound.apart",
    params: { text: `${c.first.text} ${c.second.text}`, fixed, joined: c.first.text + c.second.text.toLowerCase() },
    suggestion: fixed, evidence,
  });
}

/** English word index explaining a German word, trying its compound parts too. */
function englishIndex(word: string, english: EnglishSentence): number[] {
  const readings = [word, ...meaningParts(word)];
  const found = new Set<number>();
  for (const r of readings) {
    const m = explain(r, english);
    if (m) english.tokens.forEach((t, i) => t === m && found.add(i));
  }
  return [...found];
}

function checkPair(doc: AlignedDocument): Finding[] {
  if (!isGerman(doc.targetLang)) return [];
  const out: Finding[] = [];
  for (const pair of linkedPairs(doc)) {
    if (!pair.source.length) continue;
    const english = new EnglishSentence(pair.sourceText);
    for (const c of candidates(doc.target, pair.target, english)) {
      const firstAt = englishIndex(c.first.text, english);
      const secondAt = englishIndex(c.second.text, english);
      const adjacent = firstAt.find((i) => secondAt.includes(i + 1));
      if (adjacent === undefined) continue;
      // Capitalised in English too: a name ("United States", "Muff Potter"), written apart in German as well.
      const englishWords = english.original.slice(adjacent, adjacent + 2);
      if (englishWords.every((w) => /^\p{Lu}/u.test(w))) continue;
      out.push(flag("target", c, { english: `${english.tokens[adjacent]} ${english.tokens[adjacent + 1]}` }));
    }
  }
  return out;
}

function checkGerman(doc: MonolingualDocument): Finding[] {
  if (!isGerman(doc.lang)) return [];
  const lexicon = loadLexicon();
  // Without a source as evidence, both words must be plain dictionary nouns.
  return candidates(doc.sentences, doc.sentences.map((_, i) => i))
    .filter((c) => lexicon.germanInfo?.(c.first.text.toLowerCase())?.noun && lexicon.germanInfo?.(c.second.text.toLowerCase())?.noun)
    .map((c) => flag("source", c, {}));
}

export const splitCompoundDetector: Detector = {
  id: ID,
  description: "German compound written as two words ('Führungsstrang Kontroverse') where German needs one word or a hyphen.",
  checkAligned: checkPair,
  checkMonolingual: checkGerman,
};
