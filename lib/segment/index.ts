// Sentence segmentation: paragraph by paragraph, rule-based, lossless (every sentence keeps
// its offsets, and only whitespace lies between consecutive sentences).
import type { Lang, Sentence } from "../types";
import { sentenceSpans } from "./boundaries";
import { splitParagraphs } from "./paragraphs";
import { rulesFor } from "./rules";

export { splitParagraphs, type Paragraph } from "./paragraphs";
export { segmentPresegmented } from "./presegmented";
export { rulesFor, type LanguageRules } from "./rules";

/** Sentences of a whole text, paragraph by paragraph; offsets into `text`, `paragraph` 0-based. */
export function segmentText(text: string, lang: Lang): Sentence[] {
  const rules = rulesFor(lang);
  const sentences: Sentence[] = [];
  splitParagraphs(text).forEach((p, paragraph) => {
    for (const [s, e] of sentenceSpans(p.text, rules)) {
      const start = p.start + s;
      const end = p.start + e;
      sentences.push({ text: text.slice(start, end), start, end, paragraph });
    }
  });
  return sentences;
}
