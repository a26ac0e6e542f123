// The evaluation word count of MQM scoring. Words are runs of letters/digits (with inner
// apostrophes, hyphens and dots, so "don't", "E-Mail" and "3.5" are one word); in scripts
// written without spaces every Han, Kana or Thai character counts as a word, as CAT tools
// count them.
const UNSPACED = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}";
const LETTER = `(?:(?![${UNSPACED}])[\\p{L}\\p{N}\\p{M}])`;
const WORD = new RegExp(`[${UNSPACED}]|${LETTER}+(?:['’\\-.]${LETTER}+)*`, "gu");

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}
