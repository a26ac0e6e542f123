// `bitext check SRC TGT --src-lang en --tgt-lang de` / `bitext check FILE --lang en`: the
// artifact detectors on a pair (segmented and aligned in memory) or on a single text.
import { InputError, UsageError, type Command } from "../command";
import { minConfidenceOption, parse, readTextFile } from "../args";
import { align } from "../../lib/align";
import { checkAligned, checkMonolingual, detectors } from "../../lib/artifacts";
import { DEFAULT_MIN_CONFIDENCE, isShown } from "../../lib/artifacts/confidence";
import { findingMessage, isUiLanguage, type UiLanguage } from "../../lib/i18n";
import { isLanguageCode, LANGUAGE_CODE_EXAMPLES, normaliseLanguageCode } from "../../lib/language-code";
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
  --min-confidence X            hide findings whose confidence is below X, 0 to 1 (default
                                ${DEFAULT_MIN_CONFIDENCE}: the share of such findings professional reviewers agreed
                                with on rated machine translation; 0 shows every finding)

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
  minConfidence: number;
}


function checkOptions(args: string[]): Options {
  const { values, positionals } = parse(args, {
    "src-lang": { type: "string" }, "tgt-lang": { type: "string" }, lang: { type: "string" }, presegmented: { type: "boolean" },
    format: { type: "string" }, "ui-lang": { type: "string" }, "min-confidence": { type: "string" }, only: { type: "string" },
  });
  const o: Options = {
    files: positionals, srcLang: values["src-lang"] ?? null, tgtLang: values["tgt-lang"] ?? null, lang: values.lang ?? null,
    presegmented: values.presegmented ?? false, format: "text", uiLang: "en", minConfidence: DEFAULT_MIN_CONFIDENCE,
  };
  const format = values.format;
  if (format !== undefined) {
    if (format !== "text" && format !== "json") throw new UsageError(`--format is text or json, not "${format}".`);
    o.format = format;
  }
  const uiLang = values["ui-lang"];
  if (uiLang !== undefined) {
    if (!isUiLanguage(uiLang)) throw new UsageError(`--ui-lang is en or de, not "${uiLang}".`);
    o.uiLang = uiLang;
  }
  const min = minConfidenceOption(values["min-confidence"]);
  if (min !== undefined) {
    o.minConfidence = min;
  }
  if (values.only !== undefined) {
    o.only = values.only.split(",").map((s) => s.trim()).filter(Boolean);
    const unknown = o.only.filter((id) => !detectors.some((d) => d.id === id));
    if (unknown.length) throw new UsageError(`unknown detector ${unknown.join(", ")}; known: ${detectors.map((d) => d.id).join(", ")}.`);
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
  for (const l of [o.srcLang, o.tgtLang, o.lang]) if (l !== null && !isLanguageCode(l)) throw new UsageError(`"${l}" is not a language code; use a code such as ${LANGUAGE_CODE_EXAMPLES}.`);
  for (const key of ["srcLang", "tgtLang", "lang"] as const) if (o[key] !== null) o[key] = normaliseLanguageCode(o[key]);
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

function hiddenNote(hidden: number, min: number, uiLang: UiLanguage): string {
  if (!hidden) return "";
  return uiLang === "de"
    ? `\n${hidden} weitere Befunde mit Konfidenz unter ${min} ausgeblendet (--min-confidence 0 zeigt alle).`
    : `\n${hidden} more finding${hidden === 1 ? "" : "s"} with confidence below ${min} hidden (--min-confidence 0 shows all).`;
}

function renderText(findings: Finding[], hidden: number, min: number, sentences: { source: Sentence[]; target: Sentence[] }, uiLang: UiLanguage, names: { source: string; target: string }): string {
  if (!findings.length) return (uiLang === "de" ? "Keine Auffälligkeiten gefunden." : "No artifacts found.") + hiddenNote(hidden, min, uiLang);
  const blocks = findings.map((f) => {
    const text = sentences[f.side][f.sentence]!.text;
    const where = uiLang === "de" ? `${names[f.side]}, Satz ${f.sentence + 1}` : `${names[f.side]}, sentence ${f.sentence + 1}`;
    const lines = [`${where}: “${text.slice(f.span[0], f.span[1])}”  [${f.detector} · ${f.category} · ${f.severity} · ${uiLang === "de" ? "Konfidenz" : "confidence"} ${f.confidence.toFixed(2)}]`, `  ${findingMessage(uiLang, f.message)}`];
    if (f.suggestion !== undefined) lines.push(`  ${uiLang === "de" ? "Vorschlag" : "Fix"}: ${f.suggestion === "" ? (uiLang === "de" ? "(entfernen)" : "(remove)") : `“${f.suggestion}”`}`);
    return lines.join("\n");
  });
  const summary = uiLang === "de" ? `${findings.length} Befunde.` : `${findings.length} finding${findings.length === 1 ? "" : "s"}.`;
  return `${blocks.join("\n\n")}\n\n${summary}${hiddenNote(hidden, min, uiLang)}`;
}

export const checkCommand: Command = {
  name: "check",
  summary: "Find translation artifacts in a text pair or a single text",
  usage,
  async run(args) {
    const o = checkOptions(args);
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
    const all = findings.length;
    findings = findings.filter((f) => isShown(f, o.minConfidence));
    if (o.format === "json") {
      const out = findings.map((f) => ({ ...f, excerpt: sentences[f.side][f.sentence]!.text.slice(f.span[0], f.span[1]), explanation: findingMessage(o.uiLang, f.message) }));
      console.log(JSON.stringify(out, null, 2));
    } else {
      const names = o.files.length === 2 ? { source: o.files[0]!, target: o.files[1]! } : { source: o.files[0]!, target: "" };
      console.log(renderText(findings, all - findings.length, o.minConfidence, sentences, o.uiLang, names));
    }
    return 0;
  },
};
