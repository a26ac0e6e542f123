// `bitext segment FILE --lang xx`: the segmenter on its own, for checking its decisions.
import { UsageError, type Command } from "../command";
import { parse, readTextFile } from "../args";
import { segmentPresegmented, segmentText } from "../../lib/segment";
import type { Sentence } from "../../lib/types";
import { isLanguageCode, LANGUAGE_CODE_EXAMPLES, normaliseLanguageCode } from "../../lib/language-code";

const usage = `Usage: bitext segment FILE --lang LANG [--presegmented] [--json]

Splits FILE (UTF-8 text) into sentences and prints one sentence a line, with an empty
line between paragraphs.

  --lang LANG      language of the text: en, de (full rules) or any ISO 639-1 code
                   (generic rules); not needed with --presegmented
  --presegmented   FILE already has one sentence a line (blank lines separate paragraphs)
  --json           print the sentences as JSON with their offsets and paragraph numbers`;

function segmentOptions(args: string[]): { file: string; lang: string | null; presegmented: boolean; json: boolean } {
  const { values, positionals } = parse(args, { lang: { type: "string" }, presegmented: { type: "boolean" }, json: { type: "boolean" } }, {
    needsValue: { lang: "--lang needs a language code, e.g. --lang en." },
  });
  if (positionals.length > 1) throw new UsageError(`only one FILE, got "${positionals[0]}" and "${positionals[1]}".`);
  const file = positionals[0];
  const lang = values.lang ?? null;
  const presegmented = values.presegmented ?? false;
  if (!file) throw new UsageError("FILE is missing.");
  if (!presegmented && !lang) throw new UsageError("--lang is missing (e.g. --lang en or --lang de).");
  if (lang !== null && !isLanguageCode(lang)) {
    throw new UsageError(`"${lang}" is not a language code; use a code such as ${LANGUAGE_CODE_EXAMPLES}.`);
  }
  return { file, lang: lang === null ? null : normaliseLanguageCode(lang), presegmented, json: values.json ?? false };
}

function render(sentences: Sentence[]): string {
  const lines: string[] = [];
  sentences.forEach((s, i) => {
    if (i > 0 && s.paragraph !== sentences[i - 1].paragraph) lines.push("");
    lines.push(s.text);
  });
  return lines.join("\n");
}

export const segmentCommand: Command = {
  name: "segment",
  summary: "Split a text into sentences, one a line",
  usage,
  async run(args) {
    const { file, lang, presegmented, json } = segmentOptions(args);
    const text = readTextFile(file);
    const sentences = presegmented ? segmentPresegmented(text) : segmentText(text, lang ?? "und");
    console.log(json ? JSON.stringify(sentences, null, 2) : render(sentences));
    return 0;
  },
};
