// Words, numbers, addresses and marks of one sentence, reduced to the forms that can match
// across languages without a dictionary: folded lowercase words, locale-free numbers, web
// and e-mail addresses, cognate prefixes and the sentence marks ? ! and quotes.

export type TokenKind = "word" | "number" | "url" | "mark";

export interface Token {
  kind: TokenKind;
  /** Lowercase, diacritics removed ("Expédition" -> "expedition"). */
  form: string;
  /** The word as written, for names and acronyms (case carries information there). */
  surface: string;
}

// A web or e-mail address is one token: it is copied, not translated, and says much.
const ADDRESS = String.raw`(?:https?:\/\/|www\.)[^\s<>"«»„“”]+[^\s<>"«»„“”.,;:!?)\]'’]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`;
const PLAIN = /\p{N}+(?:[.,'’]\p{N}+)*|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|[?!]|["«»„“”‘’‹›]/gu;
const TOKEN = new RegExp(`${ADDRESS}|${PLAIN.source}`, "giu");
// Trying the address pattern at every word doubled the tokeniser's time; few sentences hold one.
const MAY_HOLD_ADDRESS = /@|:\/\/|www\./i;

export function foldWord(word: string): string {
  // ASCII has no accents and no ß: most words of a Latin-script text need only the lowercase.
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
}

/**
 * Numbers compared across locales: 18.1 = 18,1 and 1,700 = 1.700 = 1'700 all drop their
 * separators. This merges e.g. 18.1 with 181, a rare collision that costs less than
 * missing every decimal written the other way.
 */
export function numberKey(text: string): string {
  if (/^[1-9][0-9]*$/.test(text)) return text;
  return text.replace(/[.,'’]/g, "").replace(/^0+(?=\d)/, "");
}

/** An address without its scheme, "www." or a trailing slash, lowercased: http://Example.org/ = example.org. */
export function addressKey(text: string): string {
  return text.toLowerCase().replace(/^(?:https?:\/\/)?(?:www\.)?/, "").replace(/\/$/, "");
}

function classify(surface: string): Token {
  if (/^(?:https?:\/\/|www\.)/i.test(surface) || /^[^@\s]+@[^@\s]+$/.test(surface)) return { kind: "url", form: addressKey(surface), surface };
  if (/^\p{N}/u.test(surface)) return { kind: "number", form: numberKey(surface), surface };
  if (/^[?!]$/.test(surface)) return { kind: "mark", form: surface, surface };
  if (/^[\p{L}\p{M}]/u.test(surface)) return { kind: "word", form: foldWord(surface), surface };
  return { kind: "mark", form: '"', surface };
}

/**
 * Tokens of a sentence. `interned` (surface -> token) lets a whole document share one token
 * object per distinct surface: folding runs once per word, and later stages can key caches
 * by the object.
 */
export function tokenize(sentence: string, interned: Map<string, Token> = new Map()): Token[] {
  const tokens: Token[] = [];
  for (const match of sentence.matchAll(MAY_HOLD_ADDRESS.test(sentence) ? TOKEN : PLAIN)) {
    const surface = match[0];
    let token = interned.get(surface);
    if (!token) interned.set(surface, (token = classify(surface)));
    tokens.push(token);
  }
  return tokens;
}
