// German punctuation rules that machine translation breaks, each narrow enough to be right when it
// fires (LanguageTool's German comma and quote rules were the model):
// - a comma after a sentence-initial adverb or prepositional phrase before the verb, copied from
//   English ("Glücklicherweise, sind wir …", "In diesem Fall, wackeln sie …"): German's verb-second
//   order makes the opener part of the clause, so no comma;
// - no comma before a subordinate clause opened by dass, weil, obwohl, nachdem, sodass, falls, sobald, ob
//   (amtliche Regel §74), except where the conjunction is part of a larger one ("so dass", "ohne dass",
//   "als ob", "je nachdem") or joined by "und"/"oder" to a clause before it;
// - no comma before a relative clause after a noun ("das Haus das wir bauen": der/die/das followed by a
//   pronoun cannot be an article), and none between a sentence-initial subordinate clause and the main
//   clause's verb ("Wenn du kommst gehen wir");
// - a dash with a space on one side only ("Wort– Wort");
// - English quotation marks (“…”) in German text, where the opening mark is „ (low) and the closing “;
// - a missing comma in "das was" and in a repeated interjection ("Danke, danke"), a missing full stop or
//   question mark between two sentences run together ("… skalieren Können wir …").
// Not checked, on measurement: a spaced hyphen used as a dash (" - ", " -- ") and straight quotes. On
// the rated TED data raters disagree about them (one rater marks every spaced hyphen, two never
// do), so findings there are right by typography but mostly unmarked (52 of 261 spaced hyphens marked).
import type { Finding, Sentence, Side } from "../types";
import { loadLexicon } from "../lexicon";
import { germanBaseCandidates } from "../lexicon/inflection";
import { isGerman, makeFinding } from "./finding";
import type { Detector } from "./types";

const ID = "punctuation";

const PREPOSITIONS = new Set("in im an am auf bei beim nach vor mit für aus zu zum zur über unter seit trotz wegen während durch gegen ohne um hinter neben zwischen außer gemäß laut".split(" "));
/** Sentence openers that take a comma: interjections and answers ("Nun, …", "Ja, …"), conjunctions, vocatives are names (not adverbs). */
const INTERJECTIONS = new Set("nun also ja nein gut okay ok oh ach na tja ehrlich so und aber doch denn oder sondern danke bitte hallo sicher klar genau richtig stimmt wow hey schön".split(" "));
/** Words after the comma that open a clause of their own: then the comma is right ("Auf der anderen Seite, wenn …"). */
const CLAUSE_OPENERS = new Set(
  ("wenn dass ob weil als bis da damit nachdem obwohl obgleich sobald solange sodass während wie wo was wer wem wen wessen warum weshalb wieso " +
    "falls indem seit seitdem bevor ehe sofern soweit und oder aber doch denn sondern der die das dem den denen dessen deren welche welcher welches " +
    "um ohne statt anstatt zu so also nämlich").split(" "),
);
const PRONOUNS = new Set("ich du er sie es wir ihr man".split(" "));
const SUBJECTS = /^(?:ich|du|er|sie|es|wir|ihr|man|Sie|sich|uns|euch|mich|dich|der|die|das|dies|diese[rsmn]?|ein|eine[rsmn]?|unser[e]?|mein[e]?|alle|viele|beide|jeder|jede|jedes)$/u;

/** Auxiliaries, modals and common irregular forms that Ding does not mark as verbs. */
const IRREGULAR_VERBS = new Set(
  ("bin bist ist sind seid war warst waren wart sei seien wäre wären hat hast haben habt hatte hatten hätte hätten wird wirst werden werdet wurde wurden würde würden " +
    "kann kannst können könnt konnte konnten könnte könnten muss musst müssen müsst musste mussten müsste soll sollst sollen sollte sollten " +
    "will willst wollen wollte wollten darf darfst dürfen durfte dürfte mag mögen möchte möchten gibt gab gäbe geht ging kommt kam sieht sah steht stand weiß weißt wisst wissen wusste wussten").split(" "),
);

/** A lower-case word that Ding (or the list of irregular forms) knows as a verb form, not a conjunction. */
export function isFiniteVerb(word: string): boolean {
  const lexicon = loadLexicon();
  const key = word.toLowerCase();
  if (!/^\p{Ll}+$/u.test(word) || CLAUSE_OPENERS.has(key)) return false;
  if (IRREGULAR_VERBS.has(key)) return true;
  if (lexicon.germanInfo?.(key)?.verb) return true;
  // First person singular: "glaube" → glauben.
  if (key.endsWith("e") && lexicon.germanInfo?.(key + "n")?.verb) return true;
  return germanBaseCandidates(key).some((b) => lexicon.germanInfo?.(b)?.verb);
}

function isAdverb(word: string): boolean {
  const key = word.toLowerCase();
  if (INTERJECTIONS.has(key)) return false;
  return /(?:weise|erweise)$/u.test(key) || Boolean(loadLexicon().germanInfo?.(key)?.adverb);
}

/** "Glücklicherweise, sind wir", "In diesem Fall, wackeln sie": the comma span, or undefined. */
function commaAfterOpener(text: string): [number, number] | undefined {
  const m = /^(\p{Lu}\p{Ll}+(?: [\p{L}]+){0,3}), (\p{Ll}+) (\p{L}+)/u.exec(text);
  if (!m) return undefined;
  const opener = m[1]!.split(" ");
  const first = opener[0]!.toLowerCase();
  const adverbOpener = opener.length === 1 && isAdverb(opener[0]!);
  // A prepositional phrase of a few words, none of them a verb, pronoun or conjunction ("Während ich hinstarrte," is a clause).
  const phraseOpener = opener.length > 1 && PREPOSITIONS.has(first) && !CLAUSE_OPENERS.has(first) &&
    opener.slice(1).every((w) => !CLAUSE_OPENERS.has(w.toLowerCase()) && !PRONOUNS.has(w.toLowerCase()) && !isFiniteVerb(w));
  if (!adverbOpener && !phraseOpener) return undefined;
  if (!isFiniteVerb(m[2]!) || !SUBJECTS.test(m[3]!)) return undefined;
  // "Dann, weißt du, zieht …": an inserted remark between commas.
  if (/^,/u.test(text.slice(m[0].length))) return undefined;
  const at = m[1]!.length;
  return [at, at + 1];
}

// Not "sobald" (older texts write the adverb "so bald" as one word), not "damit" (also an adverb: "damit beginnen"),
// not "während"/"seit" (also prepositions), not "da" (also an adverb). Only words that are nothing but a
// subordinating conjunction: before them the comma is required (§74).
const SUBORDINATORS = "dass|weil|obwohl|obgleich|nachdem|sodass|falls|ob|wenn|bevor|indem|sofern|weshalb|weswegen";
/** Words that form one conjunction with the next ("so dass", "ohne dass", "als ob", "je nachdem") or coordinate it with a clause before. */
const JOINED_BEFORE = new Set(
  ("so ohne statt anstatt außer ausser nur kaum bis als und oder aber sondern bzw sowie auch gerade eben bloß vor allem insbesondere besonders " +
    "zumal je egal gleich gleichgültig ganz schon einfach vielleicht wohl doch nicht dass daß blos denn teils theils eher mehr nämlich etwa zwar erst " +
    // "selbst wenn", "sogar wenn", "wie wenn", "immer wenn", "außer wenn": the comma stands before the pair.
    "selbst sogar wie immer wenigstens zumindest mindestens höchstens also " +
    // "kurz nachdem", "fünf Jahre nachdem": a time before nachdem/bevor is read as part of the conjunction.
    "kurz lange bald gleich sofort jahre tage wochen monate stunden minuten sekunden jahr tag woche monat stunde minute").split(" "),
);

/** The missing comma before a subordinate clause: span from the end of the word before to the end of the conjunction. */
function missingCommas(text: string): Array<{ span: [number, number]; conjunction: string }> {
  const out: Array<{ span: [number, number]; conjunction: string }> = [];
  const re = new RegExp(`(\\p{L}+) (${SUBORDINATORS})(?![\\p{L}])`, "gu");
  for (const m of text.matchAll(re)) {
    const before = m[1]!;
    if (JOINED_BEFORE.has(before.toLowerCase())) continue;
    const start = m.index!;
    // The first word of the sentence (or of a quote/bracket): "Dass er kommt, …" has nothing before it.
    if (!/[\p{L}\p{N}]/u.test(text.slice(0, start))) continue;
    // "Ob" after a preposition-like noun ("die Frage ob" is still wrong, but "je nachdem ob" is handled above).
    const after = text.slice(start + m[0].length);
    // "dass" must open a clause: a subject-like word follows, not punctuation.
    if (!/^ \p{L}/u.test(after)) continue;
    // Elliptical "wenn nicht …, so doch", "wenn möglich", "wenn auch": no clause, the comma may be left out.
    if (m[2] === "wenn" && /^ (?:nicht|auch|möglich|nötig|notwendig|überhaupt|ja|doch|schon|gleich|irgend)(?![\p{L}])/u.test(after)) continue;
    const conjAt = start + before.length + 1;
    out.push({ span: [start + before.length, conjAt + m[2]!.length], conjunction: m[2]! });
  }
  return out;
}

/** "das was", "alles was": a relative clause after a pronoun, set off by a comma ("das, was wir sehen"). */
function pronounWas(text: string): Array<{ span: [number, number]; found: string; fixed: string }> {
  const out: Array<{ span: [number, number]; found: string; fixed: string }> = [];
  for (const m of text.matchAll(/(?<![\p{L}])(das|alles|nichts|etwas|vieles|einiges|dasjenige|dem|all das) (was)(?![\p{L}])/gu)) {
    out.push({ span: [m.index!, m.index! + m[0].length], found: m[0], fixed: `${m[1]}, ${m[2]}` });
  }
  return out;
}

/** Two sentences run together: "… wirklich skalieren Können wir …". A capitalised finite verb or modal
 *  followed by its subject, right after a lower-case word, opens a new sentence (as a noun, "das Können"
 *  follows an article, not a verb). */
const CAPITAL_VERB = /(?<=\p{Ll}) (Können|Kann|Ist|Sind|Hat|Haben|Wird|Werden|Gibt|Muss|Müssen|Soll|Sollen|Sollte|Sollten|Will|Wollen|War|Waren|Darf|Dürfen|Könnte|Könnten|Würde|Würden|Wäre|Wären|Hatte|Hatten) (?:wir|sie|er|es|ich|du|ihr|man|Sie)(?![\p{L}])/gu;

/** The same after a capitalised subject pronoun with its finite verb, after a lower-case word: "… nie tun
 *  Wir wollen …". Inside a sentence these pronouns are lower case; polite "Sie"/"Ihr" are left out, and the
 *  verb keeps an honorific "wenn Er es will" (19th-century texts) out. */
const CAPITAL_PRONOUN = /(?<=\p{Ll}) (?:Ich|Wir|Er|Es|Du|Man) (\p{Ll}+)(?![\p{L}])/gu;

function runOnSentences(text: string): Array<{ span: [number, number]; found: string; fixed: string }> {
  const out: Array<{ span: [number, number]; found: string; fixed: string }> = [];
  for (const m of text.matchAll(CAPITAL_PRONOUN)) {
    if (!isFiniteVerb(m[1]!)) continue;
    // A lower-case word before: a heading run into its text ("Am Quergangband Wir sind …") ends in a noun.
    const before = /(?<![\p{L}])(\p{Ll}+)$/u.exec(text.slice(0, m.index!));
    if (!before) continue;
    out.push({ span: [m.index! - before[1]!.length, m.index!], found: before[1]!, fixed: before[1]! + "." });
  }
  for (const m of text.matchAll(CAPITAL_VERB)) {
    const before = /(\p{L}+)$/u.exec(text.slice(0, m.index!));
    if (!before) continue;
    // A question when the first sentence opened with a verb too ("Können wir das wirklich skalieren?").
    const question = /^(?:\p{Lu}\p{Ll}*) (?:wir|sie|er|es|ich|du|ihr|man|Sie)(?![\p{L}])/u.test(text) && CAPITAL_VERB_START.test(text);
    const start = m.index! - before[1]!.length;
    out.push({ span: [start, m.index!], found: before[1]!, fixed: before[1]! + (question ? "?" : ".") });
  }
  return out;
}
const CAPITAL_VERB_START = /^(?:Können|Kann|Ist|Sind|Hat|Haben|Wird|Werden|Gibt|Muss|Müssen|Soll|Sollen|Sollte|Sollten|Will|Wollen|War|Waren|Darf|Dürfen|Könnte|Könnten|Würde|Würden|Wäre|Wären|Hatte|Hatten) /u;

const RELATIVE = "der|die|das|dem|den|denen|deren|dessen";
const PERSONAL = "ich|du|er|sie|es|wir|ihr|man|Sie|sich|mich|dich|uns|euch|mir|dir|ihm|ihn|ihnen|Ihnen";
/** "das Haus das wir bauen": a noun, then der/die/das … and a pronoun: der/die/das opens a relative clause,
 *  which takes a comma (§74). An article can stand before a pronoun only in an extended attribute ("die
 *  Träger, die ihnen zustehenden Schuhe", "der uns benachbarten Seilschaften"), which ends in an inflected
 *  participle or adjective before its noun: such a stretch before the clause's end is left alone. */
const RELATIVE_CLAUSE = new RegExp(`(?<=[\\p{Ll}\\p{N},] )(\\p{Lu}\\p{Ll}+) (${RELATIVE}) (?:${PERSONAL})(?![\\p{L}])`, "gu");

function relativeWithoutComma(text: string): Array<{ span: [number, number]; pronoun: string }> {
  const out: Array<{ span: [number, number]; pronoun: string }> = [];
  for (const m of text.matchAll(RELATIVE_CLAUSE)) {
    // "Sie das es …": the polite pronoun, not a noun (then das is most likely dass, the spelling check's).
    if (/^(?:Sie|Ihnen|Ihr|Ihre|Ihrer|Ihrem|Ihren)$/u.test(m[1]!)) continue;
    const rest = text.slice(m.index! + m[0].length).split(/[,;:.!?–—]/u)[0]!;
    if (/(?:^|\s)\p{Ll}+(?:e|en|er|es|em) \p{Lu}\p{Ll}/u.test(rest)) continue;
    const at = m.index! + m[1]!.length;
    out.push({ span: [at, at + 1 + m[2]!.length], pronoun: m[2]! });
  }
  return out;
}

/** A sentence opened by a subordinate clause ("Wenn du kommst …") with no comma before the main clause's
 *  verb: the clause's final verb is followed right away by the finite verb and its subject ("Wenn du
 *  kommst gehen wir" → "kommst, gehen wir"). Two verbs in a row with a subject pronoun after them can only
 *  be that border (§74: a subordinate clause is set off by a comma). */
const INITIAL_CLAUSE = /^(?:Und |Aber |Doch )?(?:Wenn|Weil|Obwohl|Obgleich|Nachdem|Bevor|Falls|Sobald|Sofern|Indem|Dass|Ob|Als|Da|Während|Seit|Seitdem|Solange)(?= )/u;

function clauseBorderWithoutComma(text: string): Array<{ span: [number, number]; found: string; fixed: string }> {
  const opener = INITIAL_CLAUSE.exec(text);
  if (!opener) return [];
  const out: Array<{ span: [number, number]; found: string; fixed: string }> = [];
  const rest = text.slice(opener[0].length);
  // Up to the first mark that can close the clause: after it, the border is there.
  const stop = rest.search(/[,;:–—(»«„“"]|\s-\s/u);
  const clause = stop < 0 ? rest : rest.slice(0, stop);
  const re = new RegExp(`(\\p{Ll}+) (\\p{Ll}+) (?:${PERSONAL})(?![\\p{L}])`, "gu");
  for (const m of clause.matchAll(re)) {
    const [last, finite] = [m[1]!, m[2]!];
    if (!isFiniteVerb(last) || !isFiniteVerb(finite)) continue;
    // Infinitive + modal inside the clause ("wenn wir kommen können wir …" is still the border; "bauen müssen" then a pronoun object is not).
    if (/en$/u.test(last) && /^(?:können|müssen|sollen|wollen|dürfen|werden|möchten|würden|könnten|sollten|müssten)$/u.test(finite)) continue;
    const at = opener[0].length + m.index! + last.length;
    out.push({ span: [at - last.length, at], found: last, fixed: `${last},` });
    break;
  }
  return out;
}

/** A dash with a space on one side only ("Wort– Wort", "Wort –Wort"): the Gedankenstrich stands between spaces.
 *  Not before und/oder/bis ("Ein– und Ausgang" is a suspended compound typed with the wrong dash). */
function dashSpacing(text: string): Array<{ span: [number, number]; found: string; fixed: string }> {
  const out: Array<{ span: [number, number]; found: string; fixed: string }> = [];
  for (const m of text.matchAll(/(?<=\p{L})–(?= (?!(?:und|oder|bzw|sowie|bis)\b)\p{L})|(?<=\p{L} )–(?=\p{L})/gu)) {
    const at = m.index!;
    out.push({ span: [at, at + 1], found: text.slice(Math.max(0, at - 1), at + 2), fixed: " – " });
  }
  return out;
}

/** "Danke Danke", "Nein nein": a repeated interjection takes a comma. */
function repeatedInterjection(text: string): Array<{ span: [number, number]; found: string; fixed: string }> {
  const out: Array<{ span: [number, number]; found: string; fixed: string }> = [];
  for (const m of text.matchAll(/(?<![\p{L}])(danke|ja|nein|bitte|hallo|okay|gut|los|schnell)( \1)+(?![\p{L}])/giu)) {
    const parts = m[0].split(" ");
    out.push({ span: [m.index!, m.index! + m[0].length], found: m[0], fixed: [parts[0], ...parts.slice(1).map((p) => p.toLowerCase())].join(", ") });
  }
  return out;
}

/** “…” used as German quotation marks: the opening “ (or ”) before a word, its closing ” after one. */
function englishQuotes(text: string): Array<{ span: [number, number]; found: string; fixed: string }> {
  const out: Array<{ span: [number, number]; found: string; fixed: string }> = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])([“”])([^“”„]+?)(”)(?![\p{L}\p{N}])/gu)) {
    const open = m.index!;
    const close = open + m[0].length - 1;
    out.push({ span: [open, open + 1], found: m[1]!, fixed: "„" }, { span: [close, close + 1], found: "”", fixed: "“" });
  }
  return out;
}

export function punctuationFindings(sentences: Sentence[], side: Side): Finding[] {
  const out: Finding[] = [];
  sentences.forEach((s, i) => {
    const comma = commaAfterOpener(s.text);
    if (comma) {
      out.push(makeFinding({
        detector: ID, category: "Fluency/Punctuation", severity: "minor", side, sentence: i, span: comma,
        key: "punctuation.commaAfterOpener", params: { opener: s.text.slice(0, comma[0]) }, suggestion: "",
      }));
    }
    for (const c of missingCommas(s.text)) {
      out.push(makeFinding({
        detector: ID, category: "Fluency/Punctuation", severity: "minor", side, sentence: i, span: c.span,
        key: "punctuation.commaBeforeClause", params: { conjunction: c.conjunction }, suggestion: `, ${c.conjunction}`,
      }));
    }
    for (const r of relativeWithoutComma(s.text)) {
      out.push(makeFinding({
        detector: ID, category: "Fluency/Punctuation", severity: "minor", side, sentence: i, span: r.span,
        key: "punctuation.commaBeforeClause", params: { conjunction: r.pronoun }, suggestion: `, ${r.pronoun}`,
      }));
    }
    for (const q of [...pronounWas(s.text), ...runOnSentences(s.text), ...repeatedInterjection(s.text), ...clauseBorderWithoutComma(s.text), ...dashSpacing(s.text)]) {
      out.push(makeFinding({
        detector: ID, category: "Fluency/Punctuation", severity: "minor", side, sentence: i, span: q.span,
        key: "punctuation.missing", params: { found: q.found, fixed: q.fixed }, suggestion: q.fixed,
      }));
    }
    for (const q of englishQuotes(s.text)) {
      out.push(makeFinding({
        detector: ID, category: "Fluency/Punctuation", severity: "minor", side, sentence: i, span: q.span,
        key: "punctuation.quotes", params: { found: q.found, fixed: q.fixed }, suggestion: q.fixed,
      }));
    }
  });
  return out;
}

export const punctuationDetector: Detector = {
  id: ID,
  description: "German punctuation MT breaks: a comma after a sentence-initial adverb before the verb, no comma before dass/weil/obwohl…, English quotation marks.",
  checkAligned: (doc) => (isGerman(doc.targetLang) ? punctuationFindings(doc.target, "target") : []),
  checkMonolingual: (doc) => (isGerman(doc.lang) ? punctuationFindings(doc.sentences, "source") : []),
};
