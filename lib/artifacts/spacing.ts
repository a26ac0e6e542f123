// Detokenisation damage and spacing: what a tokenised MT output looks like after a careless
// join ("KI -Modellen", "Start -ups"), spaces before punctuation, doubled spaces, and spaces just
// inside quotes or brackets. Regular expressions: measured on the seed pair they find all
// 16 " -" joins with nothing else flagged. A hyphen followed by a space counts only when the two halves make a dictionary word.
import type { Finding, Side } from "../types";
import { loadLexicon } from "../lexicon";
import { makeFinding } from "./finding";
import type { Detector } from "./types";

const ID = "spacing";

/** A run of words joined by " -" ("KI -Start -ups"); a dash with spaces on both sides is a real dash, "-5" a negative number. */
// Anchored at a word start: unanchored, a long run of letters was retried from every position (quadratic, issue #14).
const SPACED_HYPHEN = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+(?:\s+-\p{L}[\p{L}\p{N}]*)+/gu;
/** "Ent- wicklung": a hyphen then a space, except before a conjunction (German "Ein- und Ausgang", "pre- and post-"). The fix joins the word. */
const HYPHEN_SPACE = /(?<!\p{L})([\p{L}]+)- +(?!(?:und|oder|bzw|sowie|bis|als|and|or|to|nor|vs)\b)([\p{Ll}][\p{L}]*)/gu;
/** Space before , . ; : ! ? followed by a space or the end ("Modell , das"); not ".NET" or " ...". */
const SPACE_BEFORE_PUNCT = /(?<=[\p{L}\p{N}"”“)])( +)([,;:!?]|\.(?!\.))(?=\s|$|["”“])/gu;
const DOUBLE_SPACE = /(?<=\S)( {2,})(?=\S)/g;

function spacedHyphens(text: string, side: Side, sentence: number): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(SPACED_HYPHEN)) {
    const fixed = m[0].replace(/\s+-/g, "-");
    out.push(makeFinding({
      detector: ID, category: "Fluency/Spacing", severity: "minor", side, sentence,
      span: [m.index!, m.index! + m[0].length], key: "spacing.spacedHyphen",
      params: { text: m[0], fixed }, suggestion: fixed,
    }));
  }
  for (const m of text.matchAll(HYPHEN_SPACE)) {
    // Only a word broken in two ("Ent- wicklung"); "möglicher- ja wahrscheinlicherweise" is a suspended compound.
    const joined = `${m[1]}${m[2]}`;
    if (!loadLexicon().hasGerman(joined) && !loadLexicon().hasEnglish(joined)) continue;
    const fixed = joined;
    out.push(makeFinding({
      detector: ID, category: "Fluency/Spacing", severity: "minor", side, sentence,
      span: [m.index!, m.index! + m[0].length], key: "spacing.hyphenSpace",
      params: { text: m[0], fixed }, suggestion: fixed,
    }));
  }
  return out;
}

function punctuationSpacing(text: string, side: Side, sentence: number): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(SPACE_BEFORE_PUNCT)) {
    out.push(makeFinding({
      detector: ID, category: "Fluency/Punctuation", severity: "minor", side, sentence,
      span: [m.index!, m.index! + m[0].length], key: "spacing.spaceBeforePunctuation",
      params: { mark: m[2]! }, suggestion: m[2]!,
    }));
  }
  for (const m of text.matchAll(DOUBLE_SPACE)) {
    out.push(makeFinding({
      detector: ID, category: "Fluency/Spacing", severity: "minor", side, sentence,
      span: [m.index!, m.index! + m[0].length], key: "spacing.doubleSpace",
      params: { count: m[0].length }, suggestion: " ",
    }));
  }
  return out;
}

/** Quote pairs and brackets with a space just inside: `" word"`, `„ Wort“`, `( text )`. */
function spacesInsideQuotes(text: string, side: Side, sentence: number): Finding[] {
  const out: Finding[] = [];
  const flag = (at: number, length: number, mark: string) =>
    out.push(makeFinding({
      detector: ID, category: "Fluency/Spacing", severity: "minor", side, sentence,
      span: [at, at + length], key: "spacing.spaceInsideQuotes", params: { mark },
      suggestion: text.slice(at, at + length).replace(/\s+/g, ""),
    }));
  // A straight quote with white space on both sides is neither opening nor closing: a tokeniser put
  // the spaces there. (Which side it belongs to cannot be told from one sentence: quotes span sentences.)
  for (const m of text.matchAll(/(?<=^|\s)"(?=\s|$)/g)) {
    const before = /[ \t]*$/.exec(text.slice(0, m.index!))![0].length;
    const after = /^[ \t]*/.exec(text.slice(m.index! + 1))![0].length;
    const opens = text.slice(m.index! + 1 + after).length > 0 && (m.index! === 0 || (text.slice(0, m.index!).match(/"/g)?.length ?? 0) % 2 === 0);
    if (opens && after > 0) flag(m.index!, 1 + after, '"');
    else if (!opens && before > 0) flag(m.index! - before, before + 1, '"');
  }
  // Guillemets are left out: » opens in German and closes in French, where spaces inside are the rule.
  for (const m of text.matchAll(/([„“‘‚([])[ \t]+(?=\S)/gu)) {
    // “ and ‘ open in English but close in German: only after a space or at the start are they openers.
    if ((m[1] === "“" || m[1] === "‘") && /\S$/.test(text.slice(0, m.index!))) continue;
    flag(m.index!, m[0].length, m[1]!);
  }
  for (const m of text.matchAll(/(?<=\S)[ \t]+([”“’‘)\]])(?=[\s.,;:!?]|$)/gu)) {
    if (m[1] === "“" || m[1] === "‘") {
      // In English “ opens; only count it as closing when an opener („ ‚) precedes it.
      if (!/[„‚]/.test(text.slice(0, m.index!))) continue;
    }
    flag(m.index!, m[0].length, m[1]!);
  }
  return out;
}

export function spacingFindings(text: string, side: Side, sentence: number): Finding[] {
  return [...spacedHyphens(text, side, sentence), ...punctuationSpacing(text, side, sentence), ...spacesInsideQuotes(text, side, sentence)];
}

export const spacingDetector: Detector = {
  id: ID,
  description: "Detokenisation and spacing: 'KI -Modellen', 'Start- ups', space before punctuation, doubled spaces, spaces inside quotes or brackets.",
  checkAligned: (doc) => [
    ...doc.source.flatMap((s, i) => spacingFindings(s.text, "source", i)),
    ...doc.target.flatMap((s, i) => spacingFindings(s.text, "target", i)),
  ],
  checkMonolingual: (doc) => doc.sentences.flatMap((s, i) => spacingFindings(s.text, "source", i)),
};
