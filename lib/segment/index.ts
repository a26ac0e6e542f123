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

/**
 * The longest sentence the workbench analyses (and the longest a reviewer may type). Aligning
 * and checking a sentence costs more than linear time in its length in places, and a text
 * without sentence punctuation or line breaks (a 5 MB single line) arrives as one sentence.
 */
export const MAX_SENTENCE_CHARS = 20_000;

export class SentenceTooLongError extends Error {
  constructor(readonly label: string, readonly sentence: number, readonly length: number, readonly excerpt: string) {
    super(`${label}: sentence ${sentence + 1} is ${length.toLocaleString("en")} characters long ("${excerpt}…"); sentences can have at most ${MAX_SENTENCE_CHARS.toLocaleString("en")} characters. ` +
      "The text probably lacks sentence punctuation or line breaks: put each sentence (or paragraph) on a line of its own and import it again, with \"one sentence per line\" (--presegmented) if there is one per line.");
    this.name = "SentenceTooLongError";
  }
}

/** Throws SentenceTooLongError for the first sentence over MAX_SENTENCE_CHARS; returns the sentences otherwise. */
export function refuseLongSentences(sentences: Sentence[], label: string): Sentence[] {
  const at = sentences.findIndex((s) => s.text.length > MAX_SENTENCE_CHARS);
  if (at >= 0) throw new SentenceTooLongError(label, at, sentences[at].text.length, sentences[at].text.slice(0, 40));
  return sentences;
}
