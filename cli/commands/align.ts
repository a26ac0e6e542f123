// `bitext align`: sentence-align two files (or a batch of pairs) and print the links.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { align, alignBatch } from "../../lib/align";
import { formatVecalign } from "../../lib/align/vecalign-format";
import { refuseLongSentences, segmentPresegmented, segmentText, SentenceTooLongError } from "../../lib/segment";
import type { Link, Sentence } from "../../lib/types";
import { InputError, UsageError, type Command } from "../command";
import { parse, requireLang, readTextFile } from "../args";

const FORMATS = ["vecalign", "tsv", "json"] as const;
type Format = (typeof FORMATS)[number];

const usage = `Usage:
  bitext align SRC TGT --src-lang xx --tgt-lang yy [--presegmented] [--format F] [--out FILE]
  bitext align --batch LIST --out-dir DIR --src-lang xx --tgt-lang yy [--presegmented] [--format F]

Splits both files into sentences (paragraph-aware; or one sentence a line with
--presegmented, blank lines separating paragraphs) and aligns them.

  --format vecalign  one link a line, 0-based sentence indices and the confidence:
                     [0,1]:[0]:0.93  ([3]:[] and []:[4] are omission/addition candidates)
  --format tsv       source text<TAB>target text<TAB>confidence, one link a line
  --format json      array of {source, target, confidence}
  --out FILE         write to FILE instead of stdout

Batch (many pairs in one run, one process): LIST has one pair a line, "SRC TGT", paths
relative to LIST's folder; blank lines and lines starting with # are ignored. Each result
goes to DIR/<SRC file name>.<format> (.align for vecalign). Where no dictionary covers the
language pair, the documents of a batch share one lexicon learned from all of them, so a
batch aligns better than its documents one by one (Text+Berg test: strict F1 .859 against .840).`;

function sentencesOf(file: string, lang: string, presegmented: boolean): Sentence[] {
  const text = readTextFile(file, { allowEmpty: true });
  try {
    return refuseLongSentences(presegmented ? segmentPresegmented(text) : segmentText(text, lang), file);
  } catch (err) {
    throw err instanceof SentenceTooLongError ? new InputError(err.message) : err;
  }
}

function render(links: Link[], source: Sentence[], target: Sentence[], format: Format): string {
  if (format === "vecalign") return formatVecalign(links);
  if (format === "json") return JSON.stringify(links) + "\n";
  const flat = (s: string) => s.replace(/[\t\n\r]+/g, " ");
  return links.map((l) => [
    flat(l.source.map((i) => source[i].text).join(" ")),
    flat(l.target.map((j) => target[j].text).join(" ")),
    l.confidence.toFixed(2),
  ].join("\t")).join("\n") + (links.length ? "\n" : "");
}

const asDocument = (source: Sentence[], target: Sentence[]) => ({
  source: source.map((s) => s.text), target: target.map((s) => s.text),
  sourceParagraphs: source.map((s) => s.paragraph), targetParagraphs: target.map((s) => s.paragraph),
});

function alignFiles(src: string, tgt: string, sourceLang: string, targetLang: string, presegmented: boolean, format: Format): string {
  const source = sentencesOf(src, sourceLang, presegmented);
  const target = sentencesOf(tgt, targetLang, presegmented);
  const doc = asDocument(source, target);
  const links = align(doc.source, doc.target, { sourceLang, targetLang, sourceParagraphs: doc.sourceParagraphs, targetParagraphs: doc.targetParagraphs });
  return render(links, source, target, format);
}

function batchPairs(list: string): Array<[string, string]> {
  const base = path.dirname(list);
  return readTextFile(list, { allowEmpty: true }).split("\n").flatMap((line, k) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#")) return [];
    const parts = trimmed.split(/\s+/);
    if (parts.length !== 2) throw new InputError(`${list}, line ${k + 1}: expected "SRC TGT", got "${trimmed.slice(0, 80)}".`);
    return [[path.resolve(base, parts[0]), path.resolve(base, parts[1])] as [string, string]];
  });
}

export const alignCommand: Command = {
  name: "align",
  summary: "Sentence-align two files (or a batch of pairs)",
  usage,
  async run(args) {
    const { values, positionals } = parse(args, {
      "src-lang": { type: "string" }, "tgt-lang": { type: "string" }, presegmented: { type: "boolean" },
      format: { type: "string" }, out: { type: "string" }, batch: { type: "string" }, "out-dir": { type: "string" },
    });
    const sourceLang = requireLang(values["src-lang"], "--src-lang");
    const targetLang = requireLang(values["tgt-lang"], "--tgt-lang");
    const format = (values.format ?? "vecalign") as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${values.format}".`);
    const presegmented = values.presegmented === true;
    if (values.batch !== undefined) {
      if (positionals.length) throw new UsageError("give either --batch LIST or SRC TGT, not both.");
      if (!values["out-dir"]) throw new UsageError("--batch needs --out-dir DIR for the results.");
      const dir = values["out-dir"];
      mkdirSync(dir, { recursive: true });
      const extension = format === "vecalign" ? "align" : format;
      const sides = batchPairs(values.batch).map(([src, tgt]) => ({
        src, source: sentencesOf(src, sourceLang, presegmented), target: sentencesOf(tgt, targetLang, presegmented),
      }));
      const links = alignBatch(sides.map((d) => asDocument(d.source, d.target)), { sourceLang, targetLang });
      sides.forEach((d, k) => writeFileSync(path.join(dir, `${path.basename(d.src)}.${extension}`), render(links[k], d.source, d.target, format)));
      return 0;
    }
    if (positionals.length !== 2) throw new UsageError("give two files: the source text and its translation.");
    const output = alignFiles(positionals[0], positionals[1], sourceLang, targetLang, presegmented, format);
    if (values.out) writeFileSync(values.out, output);
    else process.stdout.write(output);
    return 0;
  },
};
