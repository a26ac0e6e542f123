// Sentence boundaries inside one paragraph. One left-to-right pass; every look-back and
// look-ahead is capped at a few dozen characters, so the cost is linear in the paragraph
// length however long it is and however the text is punctuated.
import type { LanguageRules } from "./rules";

/** Terminators that need whitespace and a plausible sentence opener after them. */
const TERMINATOR = new Set([".", "!", "?", "…", "‼", "⁇", "⁈", "⁉", "؟", "।", "۔"]);
/** CJK full stops end a sentence by themselves: those scripts put no space after them. */
const CJK_TERMINATOR = new Set(["。", "！", "？", "｡", "．"]);
/** What may follow a terminator and still belong to its sentence. */
const CLOSER = new Set(['"', "'", "”", "’", "“", "‘", "»", "«", "›", "‹", ")", "]", "}", "」", "』", "）", "】", "〉", "》", "〕"]);
/** What may stand before the first word of a sentence ("_" and "*" mark emphasis in plain-text sources). */
const OPENER = new Set(['"', "'", "“", "„", "‚", "‘", "«", "»", "‹", "›", "(", "[", "{", "¿", "¡", "「", "『", "（", "【", "_", "*"]);

const NO_SENTENCE_START = new Set([".", ",", ";", ":", "!", "?", "…", ")", "]", "}", "」", "』", "）", "】", "〉", "》"]);

const MAX_TOKEN = 64;
const MAX_WORD = 40;

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isLower = (c: string): boolean => /\p{Ll}/u.test(c);
const isDigit = (c: string): boolean => /\p{Nd}/u.test(c);

/** [start, end) of each sentence, trimmed, in paragraph coordinates. */
export function sentenceSpans(paragraph: string, rules: LanguageRules): [number, number][] {
  const n = paragraph.length;
  const spans: [number, number][] = [];
  const skipSpace = (i: number): number => {
    while (i < n && isSpace(paragraph[i])) i++;
    return i;
  };
  let sentenceStart = skipSpace(0);
  let i = sentenceStart;
  while (i < n) {
    const c = paragraph[i];
    if (CJK_TERMINATOR.has(c)) {
      let j = i + 1;
      while (j < n && (CJK_TERMINATOR.has(paragraph[j]) || TERMINATOR.has(paragraph[j]))) j++;
      const closed = j;
      while (j < n && CLOSER.has(paragraph[j])) j++;
      // Japanese quotes run on into the sentence with a particle: 「行こう。」と彼は言った。
      if (j > closed && j < n && /\p{Script=Hiragana}/u.test(paragraph[j])) {
        i = j;
        continue;
      }
      const next = skipSpace(j);
      if (next < n) {
        spans.push([sentenceStart, j]);
        sentenceStart = next;
      }
      i = next;
      continue;
    }
    if (!TERMINATOR.has(c)) {
      i++;
      continue;
    }
    let runEnd = i;
    while (runEnd < n && TERMINATOR.has(paragraph[runEnd])) runEnd++;
    let end = runEnd;
    while (end < n && CLOSER.has(paragraph[end])) end++;
    end = skipFootnoteMarks(paragraph, end);
    if (end < n && !isSpace(paragraph[end])) {
      // "3.5", "example.com", "e.g.,", "U.S.-based": no space, no boundary.
      i = end;
      continue;
    }
    let next = skipSpace(end);
    while (isDetachedCloser(paragraph, next)) {
      end = next + 1;
      while (end < n && CLOSER.has(paragraph[end])) end++;
      next = skipSpace(end);
    }
    if (next >= n) break;
    if (isBoundary(paragraph, i, runEnd, next, sentenceStart, rules)) {
      spans.push([sentenceStart, end]);
      sentenceStart = next;
    }
    i = next;
  }
  let last = n;
  while (last > sentenceStart && isSpace(paragraph[last - 1])) last--;
  if (last > sentenceStart) spans.push([sentenceStart, last]);
  return spans;
}

/**
 * French spacing and tokenised text put closing quotes and brackets after a space
 * ("« Bonjour. » Il part.", "kein Bär ! ' )"): they still belong to the sentence before.
 * "«" is left out: after a space it opens a French quotation.
 */
function isDetachedCloser(p: string, at: number): boolean {
  const c = p[at];
  if (c === undefined || c === "«" || !CLOSER.has(c)) return false;
  const after = p[at + 1];
  return after === undefined || isSpace(after) || (CLOSER.has(after) && !OPENER.has(after));
}

/** Wikipedia-style note marks after a full stop ("known.[1][2] Later") belong to the sentence. */
function skipFootnoteMarks(p: string, at: number): number {
  let end = at;
  for (;;) {
    const mark = /^\[\d{1,3}\]/.exec(p.slice(end, end + 5));
    if (!mark) return end;
    end += mark[0].length;
  }
}

/** The word that would open the next sentence, after any opening quotes or brackets. */
function nextWordAt(p: string, at: number): { word: string; first: string } {
  let i = p.startsWith(",,", at) ? at + 2 : at;
  while (i < p.length && i - at < 4 && OPENER.has(p[i])) i++;
  const first = p[i] ?? "";
  let j = i;
  while (j < p.length && j - i < MAX_WORD && /[\p{L}\p{M}\p{N}]/u.test(p[j])) j++;
  return { word: p.slice(i, j), first };
}

/** The whitespace-delimited token ending at `end` (exclusive), or null when it is too long to be a word. */
function tokenBefore(p: string, end: number): { token: string; start: number } | null {
  let start = end;
  while (start > 0 && !isSpace(p[start - 1])) {
    start--;
    if (end - start > MAX_TOKEN) return null;
  }
  while (start < end && OPENER.has(p[start])) start++;
  let stop = end;
  while (stop > start && CLOSER.has(p[stop - 1])) stop--;
  return { token: p.slice(start, stop), start };
}

const SINGLE_LETTER = /^\p{L}$/u;

/** "z. B." / "i. d. R." / "U. S.": single letters with periods and (any) spaces, joined as "z.b". */
function spacedAbbreviation(p: string, letterStart: number, letter: string): string {
  const letters = [letter];
  let pos = letterStart;
  while (letters.length < 4) {
    let k = pos - 1;
    if (k < 0 || !isSpace(p[k])) break;
    while (k > 0 && isSpace(p[k])) k--;
    if (p[k] !== "." || k < 1 || !SINGLE_LETTER.test(p[k - 1])) break;
    if (k - 2 >= 0 && !isSpace(p[k - 2])) break;
    letters.unshift(p[k - 1]);
    pos = k - 1;
  }
  return letters.join(".").toLowerCase();
}

const LIST_MARKER = /^(?:\d{1,3}(?:\.\d{1,3})*|\p{Lu}\d{1,3}|\p{L}|[IVXLC]{1,6}|[ivxlc]{1,6})$/u;
const NUMBER = /^\d+(?:[.,]\d+)*$/;
const DOTTED_LETTERS = /^(?:\p{L}\.)+\p{L}$/u;
const NO_VOWEL_WORD = /^[B-DF-HJ-NP-TV-XZ]?[b-df-hj-np-tv-xzß]{1,4}$/u;
const ALL_CAPS = /^\p{Lu}[\p{Lu}\d]+$/u;

/**
 * Is the terminator run p[termStart, runEnd) the end of a sentence, given that whitespace
 * follows it and the next sentence would start at `next`?
 */
function isBoundary(p: string, termStart: number, runEnd: number, next: number, sentenceStart: number, rules: LanguageRules): boolean {
  // Tokenised sources put punctuation after a space ("Endlich . .", "etc. ;"): no sentence
  // starts with it. (",," stands in for „ in Project Gutenberg's German texts.)
  if (NO_SENTENCE_START.has(p[next]) && !p.startsWith(",,", next)) return false;
  const { word, first } = nextWordAt(p, next);
  // "Wait... what", "Yahoo! is", "e.g. the": a lowercase continuation is the same sentence
  // (brand names like "iPhone" excepted).
  if (first && isLower(first) && !/^\p{Ll}+\p{Lu}/u.test(word)) return false;
  const starter = rules.starters.has(word);

  const run = p.slice(termStart, runEnd);
  if (run !== ".") {
    // "[…]" and "(...)" mark an omission inside a quotation, not an ending.
    const before = p[termStart - 1];
    if ((run.includes(".") || run.includes("…")) && (before === "[" || before === "(")) return false;
    return true;
  }

  const found = tokenBefore(p, termStart);
  if (!found) return true;
  const { token, start } = found;
  if (token === "") return true;
  if (/:\/\/|@|^www\./i.test(token)) return true;

  // "1. Title", "Q1. Why …?", "3.1. Scope", "IV. Results": a list marker opens the sentence.
  if (start === sentenceStart && LIST_MARKER.test(token)) return false;

  // "EST", "IBM", "FAZ": acronyms, even where the lowercase form is an abbreviation ("est.").
  if (ALL_CAPS.test(token)) return true;

  const key = token.toLowerCase();
  if (SINGLE_LETTER.test(token)) {
    const spaced = spacedAbbreviation(p, start, token);
    if (spaced.includes(".")) {
      if (rules.neverFinal.has(spaced)) return false;
      if (rules.maybeFinal.has(spaced)) return starter;
    }
    if (rules.neverFinal.has(key)) return false;
    if (rules.beforeNumber.has(key) && isDigit(first)) return false;
    // A lowercase letter is part of an abbreviation ("z.", "d."); a capital one an initial
    // ("J. K. Rowling"), unless a typical opener follows ("Plan B. The").
    return isLower(token) ? false : starter;
  }
  if (rules.neverFinal.has(key)) return false;
  if (rules.usuallyFinal.has(key)) return !rules.calendarWords.has(word) && !ALL_CAPS.test(word);
  if (rules.maybeFinal.has(key)) return starter;
  if (rules.beforeNumber.has(key)) return !isDigit(first);
  if (key.length > 4 && rules.abbreviationSuffixes.some((suffix) => key.endsWith(suffix))) return starter;

  if (NUMBER.test(token)) {
    // German "am 24. November", "Der 2. Versuch": short numbers are ordinals; years end sentences.
    if (rules.ordinalPeriod && /^\d{1,3}$/.test(token)) return starter;
    return true;
  }
  if (DOTTED_LETTERS.test(token)) {
    // Unlisted "U.N."-style acronyms may end a sentence; lowercase ones ("z.B.") do not.
    return token === token.toUpperCase() ? starter : false;
  }
  // Unlisted vowel-less short words are abbreviations ("Nr", "Hrsg", "Str"), not acronyms.
  if (NO_VOWEL_WORD.test(token)) return starter;
  return true;
}
