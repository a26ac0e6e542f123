// Parser for one line of the Ding dictionary (Debian trans-de-en): `DE :: EN`, sub-entries split by
// ` | ` (the n-th German sub-entry translates the n-th English one), synonyms by `; `, annotations
// `{f}` (grammar), `[econ.]` (domain), `(…)` (gloss), `<…>` (spelling variants), `/ABBR/` (abbreviation).
// Used only by scripts/build-lexicon.ts; the shipped data is already parsed.

export type PartOfSpeech = "noun" | "verb" | "adj" | "adv" | "other";

export interface DingTerm {
  /** The term's words with every annotation removed, e.g. ["künstliche", "Intelligenz"]. */
  words: string[];
  pos: PartOfSpeech[];
}

export interface DingSubEntry {
  terms: DingTerm[];
  abbreviations: string[];
}

export interface DingEntry {
  de: DingSubEntry[];
  en: DingSubEntry[];
}

const GRAMMAR: Record<string, PartOfSpeech> = {
  m: "noun",
  f: "noun",
  n: "noun",
  pl: "noun",
  vt: "verb",
  vi: "verb",
  vr: "verb",
  v: "verb",
  adj: "adj",
  adv: "adv",
};

/** A word worth keeping: letters, inner hyphens/apostrophes; no digits, dots ("sth.", "jdm.") or slashes. */
const WORD = /^[\p{L}][\p{L}\p{M}'’-]*[\p{L}]$/u;
const ABBREVIATION = /(?:^|\s)\/([^/\s][^/]*?)\/(?=\s|$)/g;

function stripBracketed(text: string, open: string, close: string): string {
  const inner = new RegExp(`\\${open}[^\\${open}\\${close}]*\\${close}`, "g");
  let prev: string;
  do {
    prev = text;
    text = text.replace(inner, " ");
  } while (text !== prev);
  return text;
}

export function parseTerm(raw: string, side: "de" | "en"): { term: DingTerm | null; abbreviations: string[] } {
  const pos: PartOfSpeech[] = [];
  for (const m of raw.matchAll(/\{([^}]*)\}/g)) {
    for (const g of m[1]!.split(/[;,]\s*/)) pos.push(GRAMMAR[g.trim()] ?? "other");
  }
  const abbreviations: string[] = [];
  for (const m of raw.matchAll(ABBREVIATION)) {
    for (const a of m[1]!.split(/;\s*/)) if (WORD.test(a) || /^\p{L}{2,}$/u.test(a)) abbreviations.push(a);
  }
  let text = raw.replace(ABBREVIATION, " ").replace(/\{[^}]*\}/g, " ");
  // "(s)" in "asset(s)" is glued to the word: drop it without splitting the word.
  text = text.replace(/(\p{L})\((\p{L}{1,3})\)/gu, "$1");
  text = stripBracketed(text, "(", ")");
  text = stripBracketed(text, "[", "]");
  text = stripBracketed(text, "<", ">");
  text = text.replace(/\s+/g, " ").trim();
  // Conjugated forms are listed as "er/sie findet :: he/she finds": the pronouns are not part of the word.
  if (side === "en") text = text.replace(/^to /, "").replace(/^(?:I|you|he|she|it|we|they)(?:\/(?:I|you|he|she|it|we|they))* /, "");
  if (side === "de")
    text = text.replace(/^sich /, "").replace(/^(?:ich|du|er|sie|es|wir|ihr)(?:\/(?:ich|du|er|sie|es|wir|ihr))* /, "");
  // Valency placeholders are not part of the verb: "etw. gewährleisten" is gewährleisten, "to give sb. sth." give.
  const placeholders = side === "de" ? /(?:^|\s)(?:etw|jdm|jdn|jds|jd)\.(?:\/(?:etw|jdm|jdn|jds|jd)\.)*(?=\s|$)/g : /(?:^|\s)(?:sb|sth)\.(?:\/(?:sb|sth)\.)*(?=\s|$)/g;
  text = text.replace(placeholders, " ").replace(/\s+/g, " ").trim();
  if (side === "de") text = text.replace(/^sich /, "");
  text = text.replace(/[!?.,:]+$/, "");
  if (!text) return { term: null, abbreviations };
  const words = text.split(" ");
  if (!words.every((w) => WORD.test(w))) return { term: null, abbreviations };
  return { term: { words, pos }, abbreviations };
}

/** Split on a separator outside brackets: "to find {found; found}" is one synonym, not two. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "[" || c === "{" || c === "<") depth++;
    else if ((c === ")" || c === "]" || c === "}" || c === ">") && depth > 0) depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseSide(text: string, side: "de" | "en"): DingSubEntry[] {
  return splitTopLevel(text, "|").map((sub) => {
    const terms: DingTerm[] = [];
    const abbreviations: string[] = [];
    for (const syn of splitTopLevel(sub, "; ")) {
      const { term, abbreviations: a } = parseTerm(syn, side);
      if (term) terms.push(term);
      abbreviations.push(...a);
    }
    return { terms, abbreviations };
  });
}

export function parseDingLine(line: string): DingEntry | null {
  if (!line || line.startsWith("#")) return null;
  const sep = line.indexOf(" :: ");
  if (sep < 0) return null;
  return { de: parseSide(line.slice(0, sep), "de"), en: parseSide(line.slice(sep + 4), "en") };
}
