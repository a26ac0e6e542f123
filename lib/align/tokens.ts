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

// PLAIN, scanned by hand: matchAll over a Unicode pattern cost more than the rest of the
// tokeniser (about 30 ms of a 137-sentence document's alignment, in the cold code of a short
// run). Per UTF-16 code unit, what PLAIN makes of it (found once per unit by the patterns).
const UNKNOWN = 0;
const DIGIT = 1; // \p{N}
const LETTER = 2; // \p{L} or \p{M}
const OTHER = 3;
let classes: Uint8Array | null = null;

function classOf(code: number): number {
  if (!classes) {
    classes = new Uint8Array(0x10000);
    for (let c = 0; c < 0x80; c++) classes[c] = c >= 48 && c <= 57 ? DIGIT : (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTER : OTHER;
  }
  let k = classes[code];
  if (k === UNKNOWN) {
    const ch = String.fromCharCode(code);
    k = classes[code] = /\p{N}/u.test(ch) ? DIGIT : /[\p{L}\p{M}]/u.test(ch) ? LETTER : OTHER;
  }
  return k;
}

/** Separators inside a number ([.,'’]) and inside a word (['’-]). */
const isNumberJoint = (c: number) => c === 46 || c === 44 || c === 39 || c === 0x2019;
const isWordJoint = (c: number) => c === 39 || c === 0x2019 || c === 45;
/** ["«»„“”‘’‹›] */
const isQuote = (c: number) => c === 34 || c === 0xab || c === 0xbb || c === 0x201e || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2039 || c === 0x203a;

/** Any UTF-16 surrogate: such a sentence is left to the pattern (code points beyond one unit). */
const HAS_SURROGATE = /[\ud800-\udfff]/;

/** PLAIN's tokens of a sentence without surrogates, each classified as `classify` would. */
function scanPlain(sentence: string, interned: Map<string, Token>, tokens: Token[]): void {
  const end = sentence.length;
  let at = 0;
  while (at < end) {
    const c = sentence.charCodeAt(at);
    const k = classOf(c);
    let next = at + 1;
    let kind: TokenKind;
    if (k === DIGIT || k === LETTER) {
      const joint = k === DIGIT ? isNumberJoint : isWordJoint;
      while (next < end && classOf(sentence.charCodeAt(next)) === k) next++;
      while (next + 1 < end && joint(sentence.charCodeAt(next)) && classOf(sentence.charCodeAt(next + 1)) === k) {
        next += 2;
        while (next < end && classOf(sentence.charCodeAt(next)) === k) next++;
      }
      kind = k === DIGIT ? "number" : "word";
    } else if (c === 63 || c === 33 || isQuote(c)) {
      kind = "mark";
    } else {
      at = next;
      continue;
    }
    const surface = sentence.slice(at, next);
    let token = interned.get(surface);
    if (!token) {
      const form = kind === "number" ? numberKey(surface) : kind === "word" ? foldWord(surface) : c === 63 || c === 33 ? surface : '"';
      interned.set(surface, (token = { kind, form, surface }));
    }
    tokens.push(token);
    at = next;
  }
}

/**
 * Tokens of a sentence. `interned` (surface -> token) lets a whole document share one token
 * object per distinct surface: folding runs once per word, and later stages can key caches
 * by the object.
 */
export function tokenize(sentence: string, interned: Map<string, Token> = new Map()): Token[] {
  const tokens: Token[] = [];
  const address = MAY_HOLD_ADDRESS.test(sentence);
  if (!address && !HAS_SURROGATE.test(sentence)) {
    scanPlain(sentence, interned, tokens);
    return tokens;
  }
  for (const match of sentence.matchAll(address ? TOKEN : PLAIN)) {
    const surface = match[0];
    let token = interned.get(surface);
    if (!token) interned.set(surface, (token = classify(surface)));
    tokens.push(token);
  }
  return tokens;
}
