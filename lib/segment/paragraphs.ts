// Paragraphs are the unit the segmenter works on: sentence rules never look across a
// line break, and a long document never becomes one long string for the rules to scan.

export interface Paragraph {
  text: string;
  start: number;
  end: number;
}

const LINE_BREAK = /[\n\u2028\u2029]/;

/**
 * Paragraphs: split at line breaks (a single newline or blank lines both separate
 * paragraphs); empty/whitespace-only lines are not paragraphs. Each paragraph is trimmed
 * of surrounding whitespace and keeps its offsets into `text`.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !LINE_BREAK.test(text[i])) continue;
    let start = lineStart;
    let end = i;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) paragraphs.push({ text: text.slice(start, end), start, end });
    lineStart = i + 1;
  }
  return paragraphs;
}
