// Which tokens of a sentence are names: capitalised where the language would not capitalise a
// common word. English capitalises only names (and the sentence start); German capitalises all
// nouns, so there a name is a capitalised word the lexicon does not know, or a brand-like
// spelling with capitals inside ("OpenAI", "KI").
import { words, type Token } from "./tokens";

/** Words capitalised for a reason other than being names. */
const ENGLISH_CAPITALISED_COMMON = new Set(
  ("I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September " +
    "October November December Mr Mrs Ms Dr Prof").split(" "),
);

/** A headline capitalises every word: its capitals say nothing about names. */
export function isTitleCase(text: string): boolean {
  const ws = words(text).filter((w) => /^\p{L}/u.test(w.text) && w.text.length > 3);
  return ws.length >= 3 && ws.filter((w) => /^\p{Lu}/u.test(w.text)).length / ws.length > 0.7;
}

/** Capitalised English tokens that are not the sentence's first word (or are brand-like anywhere). */
export function englishNameTokens(text: string): Token[] {
  if (isTitleCase(text)) return words(text).filter((w) => /\p{Lu}/u.test(w.text.slice(1)) && /\p{Ll}/u.test(w.text));
  const ws = words(text);
  return ws.filter((w, i) => {
    if (!/^\p{Lu}/u.test(w.text) || ENGLISH_CAPITALISED_COMMON.has(w.text)) return false;
    // Contractions ("I'd", "Aren't") are words, not names.
    if (/['’](?!s$)/u.test(w.text)) return false;
    const brandLike = /\p{Lu}/u.test(w.text.slice(1).replace(/['’]s$/, ""));
    // A sentence, a quotation or a clause after a dash starts with a capital anyway.
    if (!brandLike && (i === 0 || /[.!?:"“‘»«—–-]\s*$/u.test(text.slice(ws[i - 1]!.end, w.start)))) return false;
    // Nationalities and languages: English capitalises them, and they are translated.
    if (/(?:ish|ese|ian|ean|can|ch)$/u.test(w.text) || w.text === "German") return false;
    return true;
  });
}
