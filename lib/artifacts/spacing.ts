// Detokenisation damage and spacing: what a tokenised MT output looks like after a careless
// join ("KI -Modellen", "Start -ups"), spaces before punctuation, doubled spaces, and spaces just
// inside quotes or brackets. Pure regular expressions: measured on the seed pair they find all
// 16 " -" joins with nothing else flagged.
import type { Finding, Side } from "../types";
import { makeFinding } from "./finding";
import type { Detector } from "./types";

const ID = "spacing";

/** A run of words joined by " -" ("KI -Start -ups"); a dash with spaces on both sides is a real dash, "-5" a negative number. */
const SPACED_HYPHEN = /[\p{L}\p{N}]+(?:\s+-\p{L}[\p{L}\p{N}]*)+/gu;
/** "Ent- wicklung": a hyphen then a space, except before a conjunction (German "Ein- und Ausgang", "pre- and post-"). */
const HYPHEN_SPACE = /([\p{L}]+)- +(?!(?:und|oder|bzw|sowie|bis|als|and|or|to|nor|vs)\b)([\p{Ll}][\p{L}]*)/gu;
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
    const fixed = `${m[1]}-${m[2]}`;
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
  // Straight double quotes alternate open/close within a sentence.
  let open = true;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    if (open && /^"[ \t]+\S/.test(text.slice(i)) && i + 1 < text.length) {
      const m = /^"[ \t]+/.exec(text.slice(i))!;
      flag(i, m[0].length, '"');
    } else if (!open && /\S[ \t]+$/.test(text.slice(0, i))) {
      const m = /[ \t]+$/.exec(text.slice(0, i))!;
      flag(m.index, m[0].length + 1, '"');
    }
    open = !open;
  }
  for (const m of text.matchAll(/([„“‘‚«»(\[])[ \t]+(?=\S)/gu)) {
    // “ opens in English but closes in German; only a quote or bracket that something follows is an opener.
    if (m[1] === "“" && /\S$/.test(text.slice(0, m.index!))) continue;
    flag(m.index!, m[0].length, m[1]!);
  }
  for (const m of text.matchAll(/(?<=\S)[ \t]+([”“’‘»«)\]])(?=[\s.,;:!?]|$)/gu)) {
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
