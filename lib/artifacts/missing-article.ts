// A German subject without its article right after the verb: "Letzte Woche erregte
// Führungswechsel … Aufmerksamkeit" (needs "ein Führungswechsel" / "der Führungswechsel").
// Kept narrow on purpose: the sentence must open with a time expression, then a finite verb in
// the singular, then a bare count noun followed by a preposition or article. Abstract and mass
// nouns ("erregte Kritik") are grammatical without an article and are left alone.
import type { Finding, Sentence, Side } from "../types";
import { loadLexicon } from "../lexicon";
import { isGerman, makeFinding } from "./finding";
import { words } from "./tokens";
import type { Detector } from "./types";

const ID = "missing-article";

const TIME_OPENERS = /^(?:(?:letzte|vergangene|nächste|diese|kommende)[nrs]? (?:Woche|Monat|Jahr|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)|gestern|heute|morgen|vorgestern|damals|kürzlich|neulich|zuletzt|am (?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende)|im (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jahr \d{4}|vergangenen Jahr|letzten Jahr))\s+/iu;
/** What follows the bare noun: a preposition or article shows the noun phrase ended there. */
const AFTER = new Set("bei beim in im an am auf aus für mit von vom zu zum zur über unter nach vor um der die das den dem des ein eine einen einem einer große weit viel".split(" "));
/** Nouns used without an article in this position: abstract, mass, plural-only. */
const MASS_NOUNS = new Set(
  ("kritik aufsehen aufmerksamkeit interesse besorgnis empörung unmut widerstand protest streit ärger freude angst hoffnung zustimmung " +
    "beifall applaus unruhe geld wasser zeit hilfe unterstützung regen schnee wind kälte hitze leben bewegung druck kraft energie macht").split(" "),
);

function singularFiniteVerb(word: string): boolean {
  // 3rd person singular present or past of a weak/strong verb: -t/-te, not the plural -en/-ten.
  if (!/^\p{Ll}+$/u.test(word) || /en$/.test(word)) return false;
  const info = loadLexicon().germanInfo?.(word);
  const verbish = info?.verb || loadLexicon().hasGerman(word.replace(/te$/, "en")) || loadLexicon().hasGerman(word.replace(/t$/, "en"));
  return /t(?:e)?$/.test(word) && Boolean(verbish);
}

export function missingArticleFindings(sentences: Sentence[], side: Side): Finding[] {
  const lexicon = loadLexicon();
  const out: Finding[] = [];
  sentences.forEach((s, i) => {
    const opener = TIME_OPENERS.exec(s.text.trimStart());
    if (!opener) return;
    const lead = s.text.length - s.text.trimStart().length;
    const rest = words(s.text).filter((w) => w.start >= lead + opener[0].length);
    const [verb, noun, next] = rest;
    if (!verb || !noun || !next || !singularFiniteVerb(verb.text)) return;
    if (!/^\p{Lu}\p{Ll}+$/u.test(noun.text) || MASS_NOUNS.has(noun.text.toLowerCase())) return;
    const info = lexicon.germanInfo?.(noun.text.toLowerCase());
    if (!info?.noun || !AFTER.has(next.text.toLowerCase())) return;
    out.push(makeFinding({
      detector: ID, category: "Fluency/Grammar", severity: "minor", side, sentence: i,
      span: [noun.start, noun.end], key: "article.missing", params: { verb: verb.text, noun: noun.text },
      evidence: { opener: opener[0].trim() },
    }));
  });
  return out;
}

export const missingArticleDetector: Detector = {
  id: ID,
  description: "German count noun as subject right after the verb with no article ('Letzte Woche erregte Führungswechsel …').",
  checkAligned: (doc) => (isGerman(doc.targetLang) ? missingArticleFindings(doc.target, "target") : []),
  checkMonolingual: (doc) => (isGerman(doc.lang) ? missingArticleFindings(doc.sentences, "source") : []),
};
