// One German term written with two casings in the same document: "Schwarzes Loch" in one place,
// "schwarzes Loch" in another. Both spellings are in use for some terms (the Duden allows a capital
// for fixed adjective + noun terms), but a document should pick one; machine translation, which
// translates sentence by sentence, mixes them. The term is an adjective + noun pair; the adjective is
// compared by its stem (schwarze, schwarzen, schwarzes) and the noun by its stem with umlauts folded
// (Loch, Löcher, Löchern). The sentence's first word and words after an opening quote or colon say
// nothing about casing and are not counted. Reported: the capitalised occurrences when they make up at
// most a third of the term's occurrences (without a clear norm, which spelling deviates cannot be told,
// and raters of real MT mark such mixed documents far less often); a lower-case minority is not
// reported, lower case being the rule's default for the adjective.
import type { Finding, Sentence } from "../types";
import { stemGerman } from "../lexicon/stem";
import { isGerman, makeFinding } from "./finding";
import { isNarrativeWithDialogue } from "./genre";
import { words } from "./tokens";
import type { AlignedDocument, Detector, MonolingualDocument } from "./types";

const ID = "inconsistent-casing";

const fold = (s: string) => s.replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u").replace(/ß/g, "ss");
const nounKey = (w: string) => fold(stemGerman(w.toLowerCase()));

interface Occurrence { sentence: number; span: [number, number]; text: string; capital: boolean }

/** An adjective before a noun carries an ending. A word also written lower case before the same noun
 *  is no noun (German nouns are always capitalised), so the pair itself shows it is an adjective. */
const INFLECTED_ADJECTIVE = /^\p{L}{3,}(?:e|en|er|es|em)$/u;
/** Possessives and determiners: "Ihrem Zimmer" (polite) and "ihrem Zimmer" (her) are both right. */
const DETERMINER = /^(?:ihr|dein|eu[e]?r|sein|mein|unser|kein|jed|dies|jen|welch|manch|solch|all|ein|and)/u;

function findings(sentences: Sentence[], side: "source" | "target"): Finding[] {
  // In fiction an adjective + noun is often a character's name ("die Falsche Schildkröte") that the
  // narrative also uses descriptively in lower case.
  if (isNarrativeWithDialogue(sentences)) return [];
  const terms = new Map<string, Occurrence[]>();
  sentences.forEach((s, i) => {
    const ws = words(s.text);
    for (let k = 1; k + 1 < ws.length; k++) {
      const [adj, noun] = [ws[k]!, ws[k + 1]!];
      if (!INFLECTED_ADJECTIVE.test(adj.text) || DETERMINER.test(adj.text.toLowerCase()) || !/^\p{Lu}\p{Ll}+$/u.test(noun.text)) continue;
      if (!/^\s+$/.test(s.text.slice(adj.end, noun.start))) continue;
      // The casing of a word after a sentence-like break tells nothing.
      if (/[.!?:"“„‘‚»«›‹(–—-]\s*$/u.test(s.text.slice(ws[k - 1]!.end, adj.start))) continue;
      if (!/^\p{L}/u.test(adj.text) || /\p{Lu}/u.test(adj.text.slice(1))) continue;
      const key = `${stemGerman(adj.text.toLowerCase())} ${nounKey(noun.text)}`;
      const list = terms.get(key) ?? [];
      list.push({ sentence: i, span: [adj.start, noun.end], text: s.text.slice(adj.start, noun.end), capital: /^\p{Lu}/u.test(adj.text) });
      terms.set(key, list);
    }
  });
  const out: Finding[] = [];
  for (const list of terms.values()) {
    const capital = list.filter((o) => o.capital);
    const lower = list.filter((o) => !o.capital);
    if (!capital.length || !lower.length) continue;
    // A norm is needed to call the other spelling a deviation: the minority at most a third. Only a
    // capitalised minority is reported: lower case is German's default for an adjective (§63; a capital
    // is allowed where the phrase has become a name), so the lower-case occurrences beside capitals are
    // never wrong, and raters of real MT marked 10 of 52 of them (against 15 of 26 capitals).
    if (capital.length >= lower.length) continue;
    const report = capital;
    if (report.length * 3 > list.length) continue;
    const other = lower[0]!;
    for (const o of report) {
      const fixed = o.text[0]!.toLowerCase() + o.text.slice(1);
      out.push(makeFinding({
        detector: ID, category: "Terminology/Inconsistent", severity: "minor", side, sentence: o.sentence, span: o.span,
        key: "casing.inconsistent", params: { text: o.text, other: other.text, count: list.length - report.length },
        suggestion: fixed,
        evidence: { capital: capital.length, lower: lower.length },
      }));
    }
  }
  return out;
}

export const inconsistentCasingDetector: Detector = {
  id: ID,
  description: "A German adjective + noun term written with a capital adjective in one place and lower case in another (\"Schwarzes Loch\" / \"schwarzes Loch\").",
  checkAligned: (doc: AlignedDocument) => (isGerman(doc.targetLang) ? findings(doc.target, "target") : []),
  checkMonolingual: (doc: MonolingualDocument) => (isGerman(doc.lang) ? findings(doc.sentences, "source") : []),
};
