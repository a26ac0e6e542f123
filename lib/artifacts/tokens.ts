// Words with their offsets. Detectors report character spans, so tokens keep where they were.
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Letters/digits, with inner hyphens, apostrophes and dots between digits kept ("KI-Modell", "company's", "2.5"). */
const WORD = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;

export function words(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    // "2.5" keeps its dot, "end.Next" (missing space) does not glue two words into one.
    if (/[.,]/.test(w) && !/^\d[\d.,]*\d$/.test(w)) {
      let offset = 0;
      for (const piece of w.split(/(?<=[\p{L}])[.,]|[.,](?=[\p{L}])/u)) {
        const at = w.indexOf(piece, offset);
        if (piece) out.push({ text: piece, start: m.index! + at, end: m.index! + at + piece.length });
        offset = at + piece.length;
      }
      continue;
    }
    out.push({ text: w, start: m.index!, end: m.index! + w.length });
  }
  return out;
}

export const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
/** Upper-case letters after the first ("OpenAI", "iPhone", "KI"): a brand or acronym, not a plain word. */
export const hasInnerCapital = (w: string) => /\p{Lu}/u.test(w.slice(1));

/** Lowercase and fold the English possessive and German genitive of names ("Microsoft's", "Microsofts"). */
export function nameKey(w: string): string {
  return w.toLowerCase().replace(/['’]s$/, "");
}
