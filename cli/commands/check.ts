// `bitext check SRC TGT --src-lang en --tgt-lang de` / `bitext check FILE --lang en`: the
// artifact detectors on a pair (segmented and aligned in memory) or on a single text.
import { InputError, UsageError, type Command } from "../command";
import { readTextFile } from "../args";
import { align } from "../../lib/align";
import { checkAligned, checkMonolingual, detectors, renderFinding } from "../../lib/artifacts";
import { isUiLanguage, type UiLanguage } from "../../lib/i18n";
import { refuseLongSentences, segmentPresegmented, segmentText, SentenceTooLongError } from "../../lib/segment";
import type { Finding, Sentence } from "../../lib/types";

const usage = `Usage: bitext check SRC TGT --src-lang LANG --tgt-lang LANG [options]
       bitext check FILE --lang LANG [options]

Looks for translation artifacts: invented compounds, mistranslated or miscased names,
detokenisation and spacing damage, numbers that differ, untranslated, omitted or added
sentences, inconsistent terms, compounds written apart, site boilerplate, repeated text.
With two files the pair is split into sentences and aligned first; with one file only the
single-language checks run.

  --src-lang, --tgt-lang LANG   languages of SRC and TGT (e.g. en, de)
  --lang LANG                   language of FILE
  --presegmented                the files have one sentence a line (blank line = new paragraph)
  --format text|json            text (default): one finding a block, explained;
                                json: an array of findings (sentence numbers 0-based, span
                                [start, end) in the sentence) with "excerpt" and "explanation"
  --ui-lang en|de               language of the explanations (default en)
  --only ID[,ID…]               run only these detectors: ${detectors.map((d) => d.id).join(", ")}

Exit status 0 whether or not something was found; 1 for unreadable input, 2 for wrong usage.`;

interface Options {
  files: string[];
  srcLang: string | null;
  tgtLang: string | null;
  lang: string | null;
  presegmented: boolean;
  format: "text" | "json";
  uiLang: UiLanguage;
  only?: string[];
}

const LANG = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*$/i;

function parse(args: string[]): Options {
  const o: Options = { files: [], srcLang: null, tgtLang: null, lang: null, presegmented: false, format: "text", uiLang: "en" };
  const value = (i: number, name: string) => {
    const v = args[i];
    if (!v || v.startsWith("--")) throw new UsageError(`${name} needs a value.`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const [arg, inline] = args[i]!.startsWith("--") && args[i]!.includes("=") ? args[i]!.split(/=(.*)/s, 2) : [args[i]!, undefined];
    const take = () => inline ?? value(++i, arg!);
    switch (arg) {
      case "--src-lang": o.srcLang = take(); break;
      case "--tgt-lang": o.tgtLang = take(); break;
      case "--lang": o.lang = take(); break;
      case "--presegmented": o.presegmented = true; break;
      case "--format": {
        const f = take();
        if (f !== "text" && f !== "json") throw new UsageError(`--format is text or json, not "${f}".`);
        o.format = f;
        break;
      }
      case "--ui-lang": {
        const l = take();
        if (!isUiLanguage(l)) throw new UsageError(`--ui-lang is en or de, not "${l}".`);
        o.uiLang = l;
        break;
      }
      case "--only": {
        o.only = take().split(",").map((s) => s.trim()).filter(Boolean);
        const unknown = o.only.filter((id) => !detectors.some((d) => d.id === id));
        if (unknown.length) throw new UsageError(`unknown detector ${unknown.join(", ")}; known: ${detectors.map((d) => d.id).join(", ")}.`);
        break;
      }
      default:
        if (arg!.startsWith("-")) throw new UsageError(`unknown option "${arg}".`);
        o.files.push(arg!);
    }
  }
  if (o.files.length === 0) throw new UsageError("give SRC and TGT files, or one FILE.");
  if (o.files.length > 2) throw new UsageError(`at most two files, got ${o.files.length}.`);
  if (o.files.length === 2) {
    if (!o.srcLang || !o.tgtLang) throw new UsageError("a pair needs --src-lang and --tgt-lang (e.g. --src-lang en --tgt-lang de).");
    if (o.lang) throw new UsageError("--lang is for a single file; use --src-lang and --tgt-lang for a pair.");
  } else {
    o.lang ??= o.srcLang;
    if (!o.lang) throw new UsageError("a single file needs --lang (e.g. --lang en).");
  }
  for (const l of [o.srcLang, o.tgtLang, o.lang]) if (l !== null && !LANG.test(l)) throw new UsageError(`"${l}" is not a language code; use an ISO 639-1 code such as en or de.`);
  return o;
}

function sentencesOf(file: string, lang: string, presegmented: boolean): Sentence[] {
  const text = readTextFile(file);
  try {
    return refuseLongSentences(presegmented ? segmentPresegmented(text) : segmentText(text, lang), file);
  } catch (err) {
    throw err instanceof SentenceTooLongError ? new InputError(err.message) : err;
  }
}

function renderText(findings: Finding[], sentences: { source: Sentence[]; target: Sentence[] }, uiLang: UiLanguage, names: { source: string; target: string }): string {
  if (!findings.length) return uiLang === "de" ? "Keine Auffälligkeiten gefunden." : "No artifacts found.";
  const blocks = findings.map((f) => {
    const text = sentences[f.side][f.sentence]!.text;
    const where = uiLang === "de" ? `${names[f.side]}, Satz ${f.sentence + 1}` : `${names[f.side]}, sentence ${f.sentence + 1}`;
    const lines = [`${where}: “${text.slice(f.span[0], f.span[1])}”  [${f.detector} · ${f.category} · ${f.severity}]`, `  ${renderFinding(f, uiLang)}`];
    if (f.suggestion !== undefined) lines.push(`  ${uiLang === "de" ? "Vorschlag" : "Fix"}: ${f.suggestion === "" ? (uiLang === "de" ? "(entfernen)" : "(remove)") : `“${f.suggestion}”`}`);
    return lines.join("\n");
  });
  const summary = uiLang === "de" ? `${findings.length} Befunde.` : `${findings.length} finding${findings.length === 1 ? "" : "s"}.`;
  return `${blocks.join("\n\n")}\n\n${summary}`;
}

export const checkCommand: Command = {
  name: "check",
  summary: "Find translation artifacts in a text pair or a single text",
  usage,
  async run(args) {
    const o = parse(args);
    let findings: Finding[];
    let sentences: { source: Sentence[]; target: Sentence[] };
    if (o.files.length === 2) {
      const source = sentencesOf(o.files[0]!, o.srcLang!, o.presegmented);
      const target = sentencesOf(o.files[1]!, o.tgtLang!, o.presegmented);
      const links = align(source.map((s) => s.text), target.map((s) => s.text), {
        sourceLang: o.srcLang!, targetLang: o.tgtLang!,
        sourceParagraphs: source.map((s) => s.paragraph), targetParagraphs: target.map((s) => s.paragraph),
      });
      findings = checkAligned({ sourceLang: o.srcLang!, targetLang: o.tgtLang!, source, target, links }, o.only);
      sentences = { source, target };
    } else {
      const source = sentencesOf(o.files[0]!, o.lang!, o.presegmented);
      findings = checkMonolingual({ lang: o.lang!, sentences: source }, o.only);
      sentences = { source, target: [] };
    }
    if (o.format === "json") {
      const out = findings.map((f) => ({ ...f, excerpt: sentences[f.side][f.sentence]!.text.slice(f.span[0], f.span[1]), explanation: renderFinding(f, o.uiLang) }));
      console.log(JSON.stringify(out, null, 2));
    } else {
      const names = o.files.length === 2 ? { source: o.files[0]!, target: o.files[1]! } : { source: o.files[0]!, target: "" };
      console.log(renderText(findings, sentences, o.uiLang, names));
    }
    return 0;
  },
};
