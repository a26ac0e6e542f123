// `bitext report`: the quality report of a stored document, of two files analysed in memory,
// or of the whole project, as HTML, CSV or JSON.
import type { DocumentSnapshot } from "../../lib/document";
import { isUiLanguage, UI_LANGUAGES } from "../../lib/i18n";
import {
  REPORT_FORMATS, buildProjectReport, buildQualityReport, isReportFormat, renderFindingsCsv, type ReportOptions,
} from "../../lib/report";
import { renderProjectReportHtml, renderReportHtml } from "../../report-ui/html";
import { DEFAULT_MIN_CONFIDENCE } from "../../lib/artifacts/confidence";
import { UsageError, type Command } from "../command";
import { minConfidenceOption, parse } from "../args";
import { snapshotFromArgs, writeOutput } from "./export";

const usage = `Usage:
  bitext report --document ID [--format html|csv|json] [--lang en|de] [--threshold N] [--out FILE]
  bitext report SRC TGT --src-lang en --tgt-lang de [--presegmented] [options]
  bitext report --all [options]            (project report over all stored documents)

Quality report: findings and annotations by MQM category and severity, two MQM-style scores
(penalty points neutral 0, minor 1, major 5, critical 25 per 1,000 source words, pass/fail
against the threshold): the translation as delivered (every error found in it, accepted, fixed
by hand or annotated, one count per span) and what remains open after review; every finding in
its sentence pair, the alignment and the reviewers' activity (by display name).

Options:
  --format html|csv|json   html (default): a self-contained page with charts, prints cleanly;
                           csv: one row per finding/annotation; json: the report data
  --lang en|de             language of the report text (default en)
  --threshold N            pass limit in penalty points per 1,000 source words (default 10)
  --open-findings no       count only accepted findings and annotations, not undecided findings
  --min-confidence X       leave out open findings whose confidence is below X, 0 to 1 (default
                           ${DEFAULT_MIN_CONFIDENCE}, chosen on professionally rated machine translation; 0 keeps all)
  --out FILE               write to FILE instead of stdout`;

async function allSnapshots(): Promise<{ snapshots: DocumentSnapshot[]; names: Record<string, string> }> {
  const { db } = await import("../../lib/db/client");
  const { listDocuments, loadSnapshot } = await import("../../lib/db/documents");
  const { displayNames } = await import("../../lib/db/reviewers");
  try {
    const docs = await listDocuments(db());
    const out: DocumentSnapshot[] = [];
    for (const d of docs) out.push(await loadSnapshot(db(), d.id));
    return { snapshots: out, names: await displayNames(db()) };
  } finally {
    await db().$disconnect();
  }
}

async function storedDisplayNames(): Promise<Record<string, string>> {
  const { db } = await import("../../lib/db/client");
  const { displayNames } = await import("../../lib/db/reviewers");
  try {
    return await displayNames(db());
  } finally {
    await db().$disconnect();
  }
}

export const reportCommand: Command = {
  name: "report",
  summary: "quality report of a document or the project (HTML, CSV, JSON)",
  usage,
  async run(args) {
    const { values, positionals } = parse(args, {
      document: { type: "string" }, all: { type: "boolean" }, format: { type: "string" }, lang: { type: "string" },
      threshold: { type: "string" }, "open-findings": { type: "string" }, "min-confidence": { type: "string" }, out: { type: "string" },
      "src-lang": { type: "string" }, "tgt-lang": { type: "string" }, presegmented: { type: "boolean" },
    });
    const format = values.format ?? "html";
    if (!isReportFormat(format)) throw new UsageError(`unknown format "${format}"; use one of ${REPORT_FORMATS.join(", ")}.`);
    const lang = values.lang ?? "en";
    if (!isUiLanguage(lang)) throw new UsageError(`--lang is one of ${UI_LANGUAGES.join(", ")}, not "${lang}".`);
    const options: ReportOptions = {};
    if (values.threshold !== undefined) {
      const threshold = Number(values.threshold);
      if (values.threshold.trim() === "" || !Number.isFinite(threshold) || threshold < 0) throw new UsageError(`--threshold needs penalty points per 1,000 words (a number, 0 or more), got "${values.threshold}".`);
      options.threshold = threshold;
    }
    options.minConfidence = minConfidenceOption(values["min-confidence"]);
    const open = values["open-findings"];
    if (open !== undefined && open !== "yes" && open !== "no") throw new UsageError(`--open-findings is yes or no, not "${open}".`);
    options.countOpenFindings = open !== "no";

    if (values.all) {
      if (values.document !== undefined || positionals.length) throw new UsageError("--all takes no --document and no files.");
      const { snapshots, names } = await allSnapshots();
      options.displayNames = names;
      if (format === "csv") writeOutput(values.out, renderFindingsCsv(snapshots.map((s) => buildQualityReport(s, options)), lang));
      else {
        const project = buildProjectReport(snapshots, options);
        writeOutput(values.out, format === "html" ? await renderProjectReportHtml(project, lang) : JSON.stringify(project, null, 2) + "\n");
      }
      return 0;
    }
    const snapshot = await snapshotFromArgs(values, positionals);
    if (values.document !== undefined) options.displayNames = await storedDisplayNames();
    const report = buildQualityReport(snapshot, options);
    const output = format === "html" ? await renderReportHtml(report, lang) : format === "csv" ? renderFindingsCsv(report, lang) : JSON.stringify(report, null, 2) + "\n";
    writeOutput(values.out, output);
    return 0;
  },
};
