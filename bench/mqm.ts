// bench:mqm — the artifact detectors on real machine translation rated by professional translators
// (WMT21 TED talks EN→DE, MQM spans; ../shared/benchmarks/wmt-mqm-ted-ende/). Each (system, talk) is one
// presegmented document run through the same pipeline as `bitext check --presegmented` and the import
// (lib/pipeline: segment, align, check), and its document report (lib/report) gives the penalty that is
// correlated with the raters' penalty over the 14 translations.
//
//   npx tsx bench/mqm.ts [--tsv FILE] [--dump FILE.jsonl] [--no-write]
//
// --dump writes every finding with its excerpt and whether it hit a marked span (for reading errors);
// --tsv measures another file of the same format (a blind set) without writing docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { analysePair } from "../lib/pipeline";
import { buildQualityReport } from "../lib/report";
import { emptyTally, parseMqmTsv, pearson, raterPenalty, spearman, tallyDocument, type RatedDocument } from "../lib/artifacts/mqm";
import type { Finding } from "../lib/types";
import { machineLine, writeSection } from "./report-section";

const DEFAULT_TSV = path.join(process.cwd(), "..", "shared", "benchmarks", "wmt-mqm-ted-ende", "mqm_ted_ende.dev.tsv");

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const tsvPath = option("--tsv") ?? DEFAULT_TSV;
const dumpPath = option("--dump");
const write = !process.argv.includes("--no-write") && !option("--tsv");

if (!existsSync(tsvPath)) {
  console.log(`bench:mqm: ${tsvPath} is missing (it lives in ../shared/benchmarks/wmt-mqm-ted-ende beside the repository); nothing measured.`);
  process.exit(0);
}

const docs = parseMqmTsv(readFileSync(tsvPath, "utf8"));

interface DocRun {
  doc: RatedDocument;
  findings: Finding[];
  reportPenalty: number;
  ms: number;
}

function run(doc: RatedDocument): DocRun {
  const t0 = performance.now();
  const snapshot = analysePair({
    title: `${doc.system} ${doc.talk}`, sourceLang: "en", targetLang: "de", presegmented: true,
    sourceText: doc.segments.map((s) => s.source).join("\n"), targetText: doc.segments.map((s) => s.target).join("\n"),
  });
  const ms = performance.now() - t0;
  const report = buildQualityReport(snapshot);
  return { doc, findings: snapshot.flags, reportPenalty: report.score.penalty, ms };
}

// Warm the lexicon and the JIT once so that the per-document times are those of a running process.
run(docs[0]!);
const runs = docs.map(run);

const tally = emptyTally();
for (const r of runs) tallyDocument(tally, r.doc, r.findings);

if (dumpPath) {
  const rows: string[] = [];
  for (const r of runs) {
    for (const f of r.findings) {
      const seg = r.doc.segments[f.sentence]!;
      const text = f.side === "target" ? seg.target : seg.source;
      rows.push(JSON.stringify({
        system: r.doc.system, talk: r.doc.talk, seg: seg.segId, side: f.side, detector: f.detector, category: f.category, severity: f.severity,
        excerpt: text.slice(f.span[0], f.span[1]), hit: f.side === "target" && seg.errors.some((e) => e.span && e.span[0] < f.span[1] && f.span[0] < e.span[1]),
        noError: seg.errors.length === 0, errors: seg.errors.map((e) => `${e.category}/${e.severity}:${e.span ? seg.target.slice(e.span[0], e.span[1]) : ""}`),
        message: f.message.key, sentence: text,
      }));
    }
  }
  writeFileSync(dumpPath, rows.join("\n") + "\n");
}

// System level: one penalty per translation (system), summed over the talks.
const systems = [...new Set(runs.map((r) => r.doc.system))].sort();
const ours = systems.map((s) => runs.filter((r) => r.doc.system === s).reduce((p, r) => p + r.reportPenalty, 0));
const theirs = systems.map((s) => runs.filter((r) => r.doc.system === s).reduce((p, r) => p + raterPenalty(r.doc), 0));

const ratio = (a: number, b: number) => (b === 0 ? "—" : (a / b).toFixed(3));
const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)}%`);
const times = runs.map((r) => r.ms).sort((a, b) => a - b);

const TARGET_CATEGORIES = [
  "Accuracy/Untranslated text", "Accuracy/Omission", "Fluency/Spelling", "Fluency/Punctuation",
  "Terminology/Inconsistent use of terminology", "Fluency/Inconsistency",
];
const otherCategories = Object.keys(tally.recall).filter((c) => !TARGET_CATEGORIES.includes(c)).sort((a, b) => tally.recall[b]!.marked - tally.recall[a]!.marked);
const recallRow = (c: string) => {
  const r = tally.recall[c] ?? { marked: 0, found: 0 };
  return `| ${c} | ${r.marked} | ${r.found} | ${pct(r.found, r.marked)} |`;
};
const inconsistency = ["Terminology/Inconsistent use of terminology", "Fluency/Inconsistency"].map((c) => tally.recall[c] ?? { marked: 0, found: 0 });
const incMarked = inconsistency.reduce((n, r) => n + r.marked, 0);
const incFound = inconsistency.reduce((n, r) => n + r.found, 0);

const lines = [
  "## Detectors on rated machine translation (`npm run bench:mqm`)",
  "",
  `Command: \`npm run --silent bench:mqm\` (bench/mqm.ts; scoring in lib/artifacts/mqm.ts). Data: ${path.basename(tsvPath)} — WMT21 TED talks EN→DE, ` +
    `${new Set(docs.map((d) => d.talk)).size} talks × ${systems.length} translations (13 MT systems and the reference), every segment rated by a professional ` +
    `translator with MQM error spans. Each (system, talk) is one presegmented document through lib/pipeline (segment, align, check), the code path of ` +
    "`bitext check --presegmented` and of the import. Machine: " + machineLine() + ".",
  "",
  "| measure | value |",
  "| --- | ---: |",
  `| documents / segments | ${tally.documents} / ${tally.segments} |`,
  `| findings (both sides) / on the target | ${tally.findings} / ${tally.targetFindings} |`,
  `| **span precision** (target findings overlapping a marked span / target findings) | **${ratio(tally.targetOnSpan, tally.targetFindings)}** (${tally.targetOnSpan}/${tally.targetFindings}) |`,
  `| segment precision (findings on a segment with a marked error / all findings) | ${ratio(tally.onErrorSegment, tally.findings)} (${tally.onErrorSegment}/${tally.findings}) |`,
  `| **false findings per 20 segments rated No-error** | **${((20 * tally.onNoError) / Math.max(1, tally.noErrorSegments)).toFixed(2)}** (${tally.onNoError} on ${tally.noErrorSegments}) |`,
  `| **system-level Pearson / Spearman** (report penalty vs raters' penalty, ${systems.length} translations) | **${pearson(ours, theirs).toFixed(3)} / ${spearman(ours, theirs).toFixed(3)}** |`,
  `| check time per document (${Math.min(...docs.map((d) => d.segments.length))}–${Math.max(...docs.map((d) => d.segments.length))} segments): median / max | ${times[times.length >> 1]!.toFixed(0)} ms / ${times[times.length - 1]!.toFixed(0)} ms |`,
  "",
  "Recall per category the detectors claim (a marked error is found when a target finding overlaps its span; an omission when any finding is on its segment):",
  "",
  "| raters' category | marked | found | recall |",
  "| --- | ---: | ---: | ---: |",
  ...TARGET_CATEGORIES.map(recallRow),
  `| inconsistent terminology + inconsistency together | ${incMarked} | ${incFound} | ${pct(incFound, incMarked)} |`,
  "",
  "<details><summary>Recall in the other categories</summary>",
  "",
  "| raters' category | marked | found | recall |",
  "| --- | ---: | ---: | ---: |",
  ...otherCategories.map(recallRow),
  "",
  "</details>",
  "",
  "Per detector:",
  "",
  "| detector | findings | target findings on a marked span | on No-error segments |",
  "| --- | ---: | ---: | ---: |",
  ...Object.entries(tally.perDetector).sort((a, b) => b[1].findings - a[1].findings).map(([d, t]) => `| ${d} | ${t.findings} | ${t.onSpan} | ${t.onNoError} |`),
  "",
  "Per translation (penalty summed over the talks):",
  "",
  "| translation | report penalty | raters' penalty |",
  "| --- | ---: | ---: |",
  ...systems.map((s, i) => `| ${s} | ${ours[i]} | ${theirs[i]} |`),
];

const markdown = lines.join("\n");
console.log(markdown);
if (write) writeSection("mqm", markdown);
