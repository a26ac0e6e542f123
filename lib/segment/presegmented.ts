// Input that is already one sentence per line (e.g. a corpus export): nothing to decide
// except paragraphs.
import type { Sentence } from "../types";

/**
 * One sentence per non-empty line. Blank lines separate paragraphs; a text without any
 * blank line is a single paragraph (one line per paragraph would make every sentence its
 * own paragraph, which tells the aligner nothing).
 */
export function segmentPresegmented(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let pendingBreak = false;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== "\n") continue;
    let start = lineStart;
    let end = i;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end === start) {
      pendingBreak = sentences.length > 0;
    } else {
      if (pendingBreak) paragraph++;
      pendingBreak = false;
      sentences.push({ text: text.slice(start, end), start, end, paragraph });
    }
    lineStart = i + 1;
  }
  return sentences;
}
