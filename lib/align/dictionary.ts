// Probe keys from the shipped English–German dictionary: a German word also looks for the
// cognate prefixes of its English translations, and the other way round. Only the first few
// senses count; rarer senses mostly add accidental matches.
import { loadLexicon, type Lexicon } from "../lexicon";
import type { Token } from "./tokens";
import { translationKeyStrings } from "./units";

const SENSES = 4;

export type Translator = (token: Token) => readonly string[];

function base(lang: string | undefined): string {
  return (lang ?? "").toLowerCase().slice(0, 2);
}

/** Dictionary translations for one side, or null when the pair is not English–German. */
export function dictionaryTranslator(from: string | undefined, to: string | undefined): Translator | null {
  const pair = `${base(from)}-${base(to)}`;
  if (pair !== "en-de" && pair !== "de-en") return null;
  let lexicon: Lexicon;
  try {
    lexicon = loadLexicon();
  } catch {
    return null; // aligning still works without the dictionary, just less well
  }
  const lookup = pair === "de-en" ? (w: string) => lexicon.deToEn(w) : (w: string) => lexicon.enToDe(w);
  const cache = new Map<string, string[]>();
  return (token) => {
    // Words of one or two letters are mostly function words: their translations match anywhere.
    if (token.kind !== "word" || token.form.length < 3) return [];
    let keys = cache.get(token.surface);
    if (!keys) {
      keys = [...new Set(lookup(token.surface).slice(0, SENSES).flatMap(translationKeyStrings))];
      cache.set(token.surface, keys);
    }
    return keys;
  };
}
