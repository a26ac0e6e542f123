// Warnings about the shape of an import that is probably a mistake, found before the (long) analysis:
// sides whose sentence counts differ grossly (a 6-sentence side against a 297-sentence one), a single
// huge line (a file that lost its line breaks), text pasted on a side that also has a file (the file is
// used, the paste ignored) and sides that look swapped. The user can override each of them.
import type { ImportProblem } from "./errors";

/** Sides whose estimated sentence counts differ by this factor and at least MIN_DIFFERENCE sentences. */
export const COUNT_RATIO = 2;
export const MIN_DIFFERENCE = 10;
/** A line this long is a file without its line breaks rather than a paragraph. */
export const HUGE_LINE_CHARS = 50_000;

const SENTENCE_BREAK = /(?<=[.!?…。！？][”"’'»«)\]]*)\s+|\n+/u;

/** A cheap sentence count (the segmenter runs later, in the analysis): pieces between sentence punctuation and line breaks. */
export function estimateSentences(text: string): number {
  return text.split(SENTENCE_BREAK).filter((p) => /[\p{L}\p{N}]/u.test(p)).length;
}

export function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split("\n")) longest = Math.max(longest, line.length);
  return longest;
}

interface Side { label: string; text: string }

export function proportionWarnings(source: Side, target: Side | null): ImportProblem[] {
  const warnings: ImportProblem[] = [];
  if (target) {
    const s = estimateSentences(source.text);
    const t = estimateSentences(target.text);
    const [few, many] = s < t ? [s, t] : [t, s];
    if (many - few >= MIN_DIFFERENCE && many >= COUNT_RATIO * Math.max(few, 1)) {
      warnings.push({ code: "sentenceCounts", params: { source: source.label, target: target.label, sourceCount: s, targetCount: t },
        message: `${source.label} has about ${s} sentences and ${target.label} about ${t}: they are probably not the same text, or one is incomplete. Check the files, or import anyway.` });
    }
  }
  for (const [side, which] of [[source, "source"], [target, "target"]] as const) {
    if (!side) continue;
    const length = longestLine(side.text);
    if (length >= HUGE_LINE_CHARS) {
      warnings.push({ code: "hugeLine", side: which, params: { label: side.label, length, sentences: estimateSentences(side.text) },
        message: `${side.label} has a single line of ${length} characters: the file has probably lost its line breaks, so its paragraphs cannot be told apart and the analysis takes long. Check the file, or import anyway.` });
    }
  }
  return warnings;
}

export function pastedAndFileWarning(which: "source" | "target", label: string): ImportProblem {
  return { code: "pastedAndFile", side: which, params: { label },
    message: `There is pasted text and a file (${label}) for the ${which === "source" ? "source" : "translation"}. The file is imported and the pasted text ignored: remove one of them, or import anyway.` };
}

/** Both sides read as the other side's declared language: the texts were probably put in the wrong boxes. */
export function swappedSidesWarning(source: { label: string; lang: string }, target: { label: string; lang: string }): ImportProblem {
  return { code: "swappedSides", params: { source: source.label, target: target.label, sourceLang: source.lang, targetLang: target.lang },
    message: `${source.label} reads as ${target.lang} and ${target.label} as ${source.lang}: the sides look swapped. Swap them, or import anyway.` };
}
