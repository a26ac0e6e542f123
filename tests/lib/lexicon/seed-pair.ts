// The one real parallel pair: 000 (English) and 001 (its German machine translation), paragraph for paragraph.
import { readFileSync } from "node:fs";

export const englishParagraphs = readFileSync("fixtures/seeds/000_2f5c058692c94630.txt", "utf8").trim().split("\n");
export const germanParagraphs = readFileSync("fixtures/seeds/001_1a15638dc6a05010.txt", "utf8").trim().split("\n");

export const words = (text: string): string[] => text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];

/** English function words: coverage is measured on content words, as in shared/notes/nlp.md. */
const ENGLISH_FUNCTION_WORDS = new Set(
  ("a an the and or but nor of to in on at by for with from as is are was were be been being has have had do does did " +
    "not no this that these those it its they them their he his she her we our you your i which who whom whose what when " +
    "where why how than then so such also only even very can could may might must shall should will would there here into " +
    "over under about after before between through during within without all any both each few more most other some own " +
    "same too just").split(" "),
);

export const englishContentWords = (text: string): string[] =>
  words(text).filter((w) => w.length > 2 && !ENGLISH_FUNCTION_WORDS.has(w.toLowerCase()));
