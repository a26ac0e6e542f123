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

/** Lowercase and fold the English possessive and German genitive of names ("Microsoft's", "Microsofts"). */
export function nameKey(w: string): string {
  return w.toLowerCase().replace(/['’]s$/, "");
}
