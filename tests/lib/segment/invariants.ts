// The lossless contract every segmentation must keep, shared by the seed and property tests.
import { expect } from "vitest";
import type { Sentence } from "../../../lib/types";

/** What breaks the contract, in words; empty when offsets slice back to the text, sentences are
 * trimmed and non-empty, only whitespace lies between them and paragraph numbers count up from 0. */
export function losslessProblems(text: string, sentences: Sentence[]): string[] {
  const problems: string[] = [];
  let at = 0;
  let paragraph = 0;
  sentences.forEach((s, i) => {
    if (problems.length > 5) return;
    const where = `sentence ${i} [${s.start}, ${s.end})`;
    if (text.slice(s.start, s.end) !== s.text) problems.push(`${where}: text is not text.slice(start, end)`);
    if (s.text === "" || s.text.trim() !== s.text) problems.push(`${where}: empty or untrimmed`);
    if (s.start < at || text.slice(at, s.start).trim() !== "") problems.push(`${where}: non-whitespace before it was dropped or overlaps`);
    if (s.paragraph !== paragraph && s.paragraph !== paragraph + 1) problems.push(`${where}: paragraph ${s.paragraph} after ${paragraph}`);
    if (i === 0 && s.paragraph !== 0) problems.push(`${where}: first paragraph is ${s.paragraph}`);
    paragraph = s.paragraph;
    at = s.end;
  });
  if (text.slice(at).trim() !== "") problems.push(`text after the last sentence was dropped`);
  return problems;
}

export function expectLossless(text: string, sentences: Sentence[]): void {
  expect(losslessProblems(text, sentences)).toEqual([]);
}
