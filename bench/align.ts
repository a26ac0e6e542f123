// Alignment quality and speed on the public benchmarks in ../shared/benchmarks, plus a
// synthetic scaling set; writes the "align" section of docs/benchmarks.md.
//
//   npm run --silent bench:align            all sets, each in a fresh process (peak memory per set)
//   npx tsx bench/align.ts --one NAME       one set, JSON on stdout
//   npx tsx bench/align.ts --fit NAME       coordinate search of the score weights on a dev set
//                                           (how DEFAULT_PARAMS / DICTIONARY_PARAMS were fitted)
//   npx tsx bench/align.ts --fit-confidence logistic regression of the confidence model on the dev sets
//   npx tsx bench/align.ts --only A,B       just these sets, printed (docs/benchmarks.md untouched)
//   npx tsx bench/align.ts --hunalign       only the speed ratios against hunalign (HUNALIGN=path/to/hunalign)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { align, alignBatch, alignDetailed, DEFAULT_PARAMS, DICTIONARY_PARAMS, type AlignOptions } from "../lib/align";
import type { ScoreParams } from "../lib/align/search";
import { scoreAlignments, type AlignmentScores, type Pair } from "../lib/align/score";
import { parseVecalign } from "../lib/align/vecalign-format";
import { dictionaryTranslator } from "../lib/align/dictionary";
import { buildUnits, coveredWeight, KeySpace, tokenizeSentences } from "../lib/align/units";
import type { Link } from "../lib/types";
import { machineLine, writeSection } from "./report-section";
import { parseMqmTsv } from "../lib/artifacts/mqm";
import { editDocuments, exactRecallByType } from "./mt-edits";

const SHARED = path.resolve("../shared/benchmarks");

export interface BenchDocument { name: string; source: string[]; target: string[]; gold: Pair[] }
export interface BenchSet {
  name: string; description: string; sourceLang: string; targetLang: string; load(): BenchDocument[];
  /** Align the documents as one batch (alignBatch, as `bitext align --batch` does) rather than one by one. */
  batch?: boolean;
  /** Also report exact recall per gold link type (1-0, 0-1, 1-1, 1-2, 2-1). */
  byType?: boolean;
}

const lines = (file: string) => readFileSync(file, "utf8").replace(/\n$/, "").split("\n");

function textBerg(split: "dev" | "test"): BenchDocument[] {
  const dir = path.join(SHARED, "textberg-de-fr");
  const names = split === "dev" ? ["dev"] : [0, 1, 2, 3, 4, 5, 6].map((k) => `test${k}`);
  return names.map((n) => ({
    name: n, source: lines(path.join(dir, `${n}.de`)), target: lines(path.join(dir, `${n}.fr`)),
    gold: parseVecalign(readFileSync(path.join(dir, `${n}.defr`), "utf8")),
  }));
}

function tomSawyer(split: "val" | "test"): BenchDocument[] {
  const base = path.join(SHARED, "opus-books-de-en", "converted", `${split}_DE-EN-Twain_Mark-Tom_Sawyer`);
  return [{ name: `tom-sawyer-${split}`, source: lines(`${base}.de`), target: lines(`${base}.en`), gold: parseVecalign(readFileSync(`${base}.deen`, "utf8")) }];
}

function mac(): BenchDocument[] {
  const dir = path.join(SHARED, "bertalign-mac-zh-en", "aligner-eval", "mac");
  return readdirSync(path.join(dir, "src")).sort().map((n) => ({
    name: `mac-${n}`, source: lines(path.join(dir, "src", n)), target: lines(path.join(dir, "tgt", n)),
    gold: parseVecalign(readFileSync(path.join(dir, "gold", `${n}.align`), "utf8")),
  }));
}

/**
 * N sentences a side: Tom Sawyer val + test, repeated until N, with the gold shifted along.
 * Real sentences keep the score's work realistic; repetition makes blocks look alike, which is
 * harder for the coarse search, not easier.
 */
function synthetic(size: number): BenchDocument[] {
  const parts = [...tomSawyer("val"), ...tomSawyer("test")];
  const doc: BenchDocument = { name: `synthetic-${size}`, source: [], target: [], gold: [] };
  outer: for (;;) {
    for (const p of parts) {
      for (const g of p.gold) {
        if (doc.source.length + g.source.length > size || doc.target.length + g.target.length > size) break outer;
        doc.gold.push({ source: g.source.map((_, k) => doc.source.length + k), target: g.target.map((_, k) => doc.target.length + k) });
        for (const s of g.source) doc.source.push(p.source[s]);
        for (const t of g.target) doc.target.push(p.target[t]);
      }
    }
  }
  return [doc];
}

/**
 * Real machine translation with the changes web pages and MT make (bench/mt-edits.ts, seed 13):
 * each (system, talk) of the WMT21 TED EN→DE dev talks (13 systems and the reference),
 * presegmented, with target and source segments deleted, neighbours joined into one line and
 * site boilerplate inserted.
 */
function mtEditsTed(): BenchDocument[] {
  const file = path.join(SHARED, "wmt-mqm-ted-ende", "mqm_ted_ende.dev.tsv");
  const docs = parseMqmTsv(readFileSync(file, "utf8")).map((d) => ({
    name: `${d.system}/${d.talk}`, source: d.segments.map((s) => s.source), target: d.segments.map((s) => s.target),
  }));
  return editDocuments(docs, 13);
}

export const SETS: BenchSet[] = [
  { name: "textberg-dev", description: "Text+Berg DE–FR dev (1 doc; weights fitted here)", sourceLang: "de", targetLang: "fr", load: () => textBerg("dev") },
  { name: "textberg-test", description: "Text+Berg DE–FR test (7 docs, one by one)", sourceLang: "de", targetLang: "fr", load: () => textBerg("test") },
  { name: "textberg-test-batch", description: "Text+Berg DE–FR test (7 docs as one batch: one learned lexicon, as `bitext align --batch`)", sourceLang: "de", targetLang: "fr", load: () => textBerg("test"), batch: true },
  { name: "tom-sawyer-val", description: "OPUS-Books DE–EN Tom Sawyer val (silver)", sourceLang: "de", targetLang: "en", load: () => tomSawyer("val") },
  { name: "tom-sawyer-test", description: "OPUS-Books DE–EN Tom Sawyer test (silver)", sourceLang: "de", targetLang: "en", load: () => tomSawyer("test") },
  { name: "mt-edits-ted-dev", description: "WMT21 TED EN→DE MT, 14 systems × 2 talks, with omissions, additions, joins, boilerplate (bench/mt-edits.ts)", sourceLang: "en", targetLang: "de", load: mtEditsTed, byType: true },
  { name: "mac-test", description: "MAC ZH–EN test (24 chapters, presegmented)", sourceLang: "zh", targetLang: "en", load: mac },
  { name: "synthetic-1k", description: "synthetic DE–EN, 1,000 sentences a side", sourceLang: "de", targetLang: "en", load: () => synthetic(1_000) },
  { name: "synthetic-10k", description: "synthetic DE–EN, 10,000 sentences a side", sourceLang: "de", targetLang: "en", load: () => synthetic(10_000) },
  { name: "synthetic-100k", description: "synthetic DE–EN, 100,000 sentences a side", sourceLang: "de", targetLang: "en", load: () => synthetic(100_000) },
];

export interface SetResult {
  name: string; description: string; documents: number; sourceSentences: number; targetSentences: number;
  scores: AlignmentScores; seconds: number; sentencesPerSecond: number; peakMB: number;
  /** How often links are right (strict, among links whose sentences the gold covers), by confidence. */
  calibration: { below: { links: number; right: number }; above: { links: number; right: number }; auc: number };
  /** Per gold link type: gold links and how many the aligner has exactly (sets with byType). */
  byType?: Record<string, { gold: number; found: number }>;
}

/** Calibration: a link is "right" when the gold has it exactly. Links touching sentences the gold leaves out are skipped. */
function calibration(docs: BenchDocument[], hyps: Link[][]): SetResult["calibration"] {
  const out = { below: { links: 0, right: 0 }, above: { links: 0, right: 0 } };
  const scored: Array<{ confidence: number; right: boolean }> = [];
  docs.forEach((d, k) => {
    const gold = new Set(d.gold.map((g) => `${g.source}:${g.target}`));
    const coveredS = new Set(d.gold.flatMap((g) => g.source));
    const coveredT = new Set(d.gold.flatMap((g) => g.target));
    for (const l of hyps[k]) {
      if (!l.source.every((s) => coveredS.has(s)) || !l.target.every((t) => coveredT.has(t))) continue;
      const right = gold.has(`${l.source}:${l.target}`);
      const bucket = l.confidence < 0.5 ? out.below : out.above;
      bucket.links++;
      if (right) bucket.right++;
      scored.push({ confidence: l.confidence, right });
    }
  });
  return { ...out, auc: rankAuc(scored) };
}

/**
 * The chance that a right link has a higher confidence than a wrong one (ties count half):
 * how well "low confidence first" puts the wrong links first. 0.5 is no better than chance.
 */
export function rankAuc(scored: Array<{ confidence: number; right: boolean }>): number {
  const sorted = [...scored].sort((a, b) => a.confidence - b.confidence);
  let right = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].confidence === sorted[i].confidence) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k].right) { right++; rankSum += rank; }
    i = j;
  }
  const wrong = sorted.length - right;
  return right && wrong ? (rankSum - (right * (right + 1)) / 2) / (right * wrong) : NaN;
}

export function runSet(set: BenchSet, options: AlignOptions = {}): SetResult & { hyps: Link[][] } {
  const docs = set.load();
  const start = performance.now();
  const langs = { sourceLang: set.sourceLang, targetLang: set.targetLang, ...options };
  const hyps = set.batch ? alignBatch(docs, langs) : docs.map((d) => align(d.source, d.target, langs));
  const seconds = (performance.now() - start) / 1000;
  const sourceSentences = docs.reduce((n, d) => n + d.source.length, 0);
  const targetSentences = docs.reduce((n, d) => n + d.target.length, 0);
  return {
    name: set.name, description: set.description, documents: docs.length, sourceSentences, targetSentences,
    scores: scoreAlignments(docs.map((d, k) => ({ gold: d.gold, test: hyps[k] }))),
    seconds, sentencesPerSecond: (sourceSentences + targetSentences) / seconds,
    peakMB: process.resourceUsage().maxRSS / 1024, calibration: calibration(docs, hyps), hyps,
    byType: set.byType ? exactRecallByType(docs.map((d, k) => ({ gold: d.gold, test: hyps[k] }))) : undefined,
  };
}

/**
 * One CLI run over the 7 Text+Berg test documents (`bitext align --batch`), wall time including
 * process start-up: the median of 5 runs (and the slowest), after one run that builds the CLI
 * bundle if a source changed.
 */
/**
 * The environment of the timed processes: this one's without NODE_EXTRA_CA_CERTS. Where it is
 * set (this machine sets it), every node process parses that certificate bundle before it runs
 * a line, about 50 ms of CPU, though `bitext align` opens no connection; hunalign ignores it.
 */
const TIMED_ENV: NodeJS.ProcessEnv = { ...process.env };
delete TIMED_ENV.NODE_EXTRA_CA_CERTS;

function cliBatchSeconds(): { seconds: number; slowest: number; command: string } {
  const dir = path.join(os.tmpdir(), "bitext-bench-align");
  mkdirSync(dir, { recursive: true });
  const list = path.join(dir, "textberg-test.list");
  const tb = path.join(SHARED, "textberg-de-fr");
  writeFileSync(list, [0, 1, 2, 3, 4, 5, 6].map((k) => `${tb}/test${k}.de ${tb}/test${k}.fr`).join("\n") + "\n");
  const args = ["bin/bitext.js", "align", "--batch", list, "--out-dir", path.join(dir, "out"), "--src-lang", "de", "--tgt-lang", "fr", "--presegmented"];
  execFileSync(process.execPath, args, { stdio: "ignore", env: TIMED_ENV });
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    execFileSync(process.execPath, args, { stdio: "ignore", env: TIMED_ENV });
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[2], slowest: times[4], command: `node ${args.join(" ").replace(list, "LIST").replace(path.join(dir, "out"), "OUT")}` };
}

/** hunalign (C++, github.com/danielvarga/hunalign), built from its public sources: $HUNALIGN or `hunalign` on the PATH. */
function findHunalign(): string | null {
  if (process.env.HUNALIGN) return existsSync(process.env.HUNALIGN) ? process.env.HUNALIGN : null;
  const which = spawnSync("sh", ["-c", "command -v hunalign"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

export interface SpeedRatio { name: string; bitext: number; hunalign: number }

/** Median wall time of 5 runs (after one warm-up run) of a command. */
function medianSeconds(command: string, args: string[], cwd?: string): number {
  execFileSync(command, args, { stdio: "ignore", maxBuffer: 1 << 30, cwd, env: TIMED_ENV });
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    execFileSync(command, args, { stdio: "ignore", maxBuffer: 1 << 30, cwd, env: TIMED_ENV });
    times.push((performance.now() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[2];
}

/**
 * `bitext align` against hunalign on the same files, wall time with process start-up, median of
 * 5: one Text+Berg document (test0, 137/157 sentences), the 7 test documents as one batch (both
 * in batch mode), and the synthetic 10k-a-side pair. hunalign gets an empty dictionary (none
 * exists for DE–FR; for the synthetic DE–EN pair, the same), run in a temporary folder because it
 * writes translate.txt into its working directory. Null when hunalign is not found.
 */
function hunalignRatios(): SpeedRatio[] | null {
  const hunalign = findHunalign();
  if (!hunalign) return null;
  const dir = path.join(os.tmpdir(), "bitext-bench-align");
  mkdirSync(path.join(dir, "out"), { recursive: true });
  mkdirSync(path.join(dir, "hun"), { recursive: true });
  const empty = path.join(dir, "empty.dic");
  writeFileSync(empty, "");
  const tb = path.join(SHARED, "textberg-de-fr");
  const bitext = (args: string[]) => medianSeconds(process.execPath, ["bin/bitext.js", "align", ...args, "--presegmented"]);
  const out: SpeedRatio[] = [];
  out.push({
    name: "one Text+Berg document (test0, 137/157 sentences)",
    bitext: bitext([`${tb}/test0.de`, `${tb}/test0.fr`, "--src-lang", "de", "--tgt-lang", "fr"]),
    hunalign: medianSeconds(hunalign, ["-text", empty, `${tb}/test0.de`, `${tb}/test0.fr`], dir),
  });
  const list = path.join(dir, "textberg-test.list");
  writeFileSync(list, [0, 1, 2, 3, 4, 5, 6].map((k) => `${tb}/test${k}.de ${tb}/test${k}.fr`).join("\n") + "\n");
  const hunList = path.join(dir, "textberg-test.hunbatch");
  writeFileSync(hunList, [0, 1, 2, 3, 4, 5, 6].map((k) => `${tb}/test${k}.de\t${tb}/test${k}.fr\t${path.join(dir, "hun", `test${k}.align`)}`).join("\n") + "\n");
  out.push({
    name: "the 7 Text+Berg test documents as one batch",
    bitext: bitext(["--batch", list, "--out-dir", path.join(dir, "out"), "--src-lang", "de", "--tgt-lang", "fr"]),
    hunalign: medianSeconds(hunalign, ["-text", "-batch", empty, hunList], dir),
  });
  const [big] = synthetic(10_000);
  const src = path.join(dir, "synthetic-10k.de");
  const tgt = path.join(dir, "synthetic-10k.en");
  writeFileSync(src, big.source.join("\n") + "\n");
  writeFileSync(tgt, big.target.join("\n") + "\n");
  out.push({
    name: "synthetic DE–EN, 10,000 sentences a side",
    bitext: bitext([src, tgt, "--src-lang", "de", "--tgt-lang", "en", "--out", path.join(dir, "out", "synthetic-10k.align")]),
    hunalign: medianSeconds(hunalign, ["-text", empty, src, tgt], dir),
  });
  return out;
}

/** hunalign's ladder (rungs "i<TAB>j<TAB>score", the last one at the two ends) as links. */
export function ladderToLinks(ladder: string): Pair[] {
  const rungs = ladder.split("\n").filter((l) => l.trim()).map((l) => l.split("\t").map(Number));
  const out: Pair[] = [];
  for (let k = 0; k + 1 < rungs.length; k++) {
    const [i0, j0] = rungs[k];
    const [i1, j1] = rungs[k + 1];
    if (i1 === i0 && j1 === j0) continue;
    out.push({ source: Array.from({ length: i1 - i0 }, (_, d) => i0 + d), target: Array.from({ length: j1 - j0 }, (_, d) => j0 + d) });
  }
  return out;
}

/**
 * hunalign on a set with per-type recall (the MT dev set): all documents in one `-batch` run with
 * an empty dictionary (length and identical tokens only), ladder output read back as links.
 */
export function hunalignOnSet(set: BenchSet): { scores: AlignmentScores; byType: Record<string, { gold: number; found: number }> } | null {
  const hunalign = findHunalign();
  if (!hunalign) return null;
  const dir = path.join(os.tmpdir(), "bitext-bench-align", `hun-${set.name}`);
  mkdirSync(dir, { recursive: true });
  const empty = path.join(dir, "empty.dic");
  writeFileSync(empty, "");
  const docs = set.load();
  const jobs = docs.map((d, k) => {
    const src = path.join(dir, `${k}.src`);
    const tgt = path.join(dir, `${k}.tgt`);
    writeFileSync(src, d.source.join("\n") + "\n");
    writeFileSync(tgt, d.target.join("\n") + "\n");
    return `${src}\t${tgt}\t${path.join(dir, `${k}.ladder`)}`;
  });
  writeFileSync(path.join(dir, "batch"), jobs.join("\n") + "\n");
  execFileSync(hunalign, ["-batch", empty, path.join(dir, "batch")], { stdio: "ignore", cwd: dir });
  const pairs = docs.map((d, k) => ({ gold: d.gold, test: ladderToLinks(readFileSync(path.join(dir, `${k}.ladder`), "utf8")) }));
  return { scores: scoreAlignments(pairs), byType: exactRecallByType(pairs) };
}

function speedReport(ratios: SpeedRatio[] | null): string[] {
  if (!ratios) return ["", "Against hunalign: skipped, no hunalign binary found (set HUNALIGN to one built from github.com/danielvarga/hunalign, or put it on the PATH)."];
  return [
    "",
    "Against hunalign (C++, built from github.com/danielvarga/hunalign with its Makefile; empty dictionary, `-text`; batch mode `-batch` for the 7 documents): wall time of one process run including start-up, median of 5 runs each, both run without NODE_EXTRA_CA_CERTS (which makes node parse a certificate bundle at start, about 50 ms; bitext align opens no connection).",
    "",
    "| input | `bitext align` s | hunalign s | ratio |",
    "|---|---|---|---|",
    ...ratios.map((r) => `| ${r.name} | ${r.bitext.toFixed(2)} | ${r.hunalign.toFixed(2)} | ${(r.bitext / r.hunalign).toFixed(1)}× |`),
  ];
}

const f3 = (x: number) => x.toFixed(3).replace(/^0/, "");

const TYPES = ["1-0", "0-1", "1-1", "1-2", "2-1"];

/** Exact recall per gold link type for the sets that ask for it (and hunalign's on them, when found). */
function byTypeReport(results: SetResult[]): string[] {
  const sets = results.filter((r) => r.byType);
  if (!sets.length) return [];
  const hun = sets.map((r) => ({ r, h: hunalignOnSet(SETS.find((s) => s.name === r.name)!) })).filter((x) => x.h);
  const cell = (b: Record<string, { gold: number; found: number }>, t: string) => (b[t] ? `${(100 * b[t].found / b[t].gold).toFixed(1)}% of ${b[t].gold}` : "–");
  return [
    "",
    "Exact recall per gold link type (the share of the gold's links of that type that the aligner has exactly; 1-0 = a source sentence left untranslated or dropped, 0-1 = a target line with no source: added text or site boilerplate):",
    "",
    `| set | ${TYPES.join(" | ")} |`,
    `|---|${TYPES.map(() => "---").join("|")}|`,
    ...sets.map((r) => `| ${r.description} | ${TYPES.map((t) => cell(r.byType!, t)).join(" | ")} |`),
    ...hun.map(({ h }) => `| hunalign on the same (empty dictionary, default settings): strict F1 ${f3(h!.scores.f1Strict)}, lax ${f3(h!.scores.f1Lax)} | ${TYPES.map((t) => cell(h!.byType, t)).join(" | ")} |`),
  ];
}

type Signal = ReturnType<typeof lexicalSignal> & { set: BenchSet };

function report(results: SetResult[], cli: { seconds: number; slowest: number; command: string }, signal: Signal[], ratios: SpeedRatio[] | null): string {
  const rows = results.map((r) => {
    const s = r.scores;
    const c = r.calibration;
    const pct = (b: { links: number; right: number }) => (b.links ? `${Math.round((100 * b.right) / b.links)}% of ${b.links}` : "–");
    return `| ${r.description} | ${r.documents} | ${r.sourceSentences}/${r.targetSentences} | ${f3(s.precisionStrict)}/${f3(s.recallStrict)}/**${f3(s.f1Strict)}** | ${f3(s.precisionLax)}/${f3(s.recallLax)}/**${f3(s.f1Lax)}** | ${r.seconds.toFixed(2)} | ${Math.round(r.sentencesPerSecond).toLocaleString("en")} | ${Math.round(r.peakMB)} | ${pct(c.below)} | ${pct(c.above)} | ${f3(c.auc)} |`;
  });
  const t10 = results.find((r) => r.name === "synthetic-10k");
  const t100 = results.find((r) => r.name === "synthetic-100k");
  return [
    "## Sentence alignment (`lib/align`)",
    "",
    `Command: \`npm run --silent bench:align\` · ${machineLine()}, load average ${os.loadavg()[0].toFixed(1)} at the end (the machine is shared: times are wall times). Scores: Vecalign's strict/lax precision/recall/F1 (lib/align/score.ts), counts pooled over documents. Time: \`align()\` in-process over all documents of the set (both passes), without reading files; peak memory: max RSS of the process that ran only that set. Calibration: share of links that are exactly right (strict) among links with confidence below / at or above 0.5, and the confidence AUC: the chance that a right link has a higher confidence than a wrong one, i.e. how well "low confidence first" puts the wrong links first (links touching sentences the gold leaves out are not counted).`,
    "",
    "| set | docs | sentences src/tgt | strict P/R/F1 | lax P/R/F1 | seconds | sentences/s | peak MB | right, conf < 0.5 | right, conf ≥ 0.5 | confidence AUC |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `One CLI run over the 7 Text+Berg test documents (process start-up, reading, aligning, writing; \`bitext\` is bin/bitext.js, which runs the CLI bundled by \`npm install\`; without NODE_EXTRA_CA_CERTS, as below): **${cli.seconds.toFixed(2)} s** wall, median of 5 runs (slowest ${cli.slowest.toFixed(2)} s) — \`${cli.command}\`.`,
    t10 && t100 ? `Scaling: 100k / 10k time = ${(t100.seconds / t10.seconds).toFixed(1)}× (10× the sentences).` : "",
    ...speedReport(ratios),
    ...byTypeReport(results),
    "",
    "What the lexical signal can tell (first-pass keys: identical words, numbers, names, 4-letter prefixes, and for EN–DE the dictionary; no learned lexicon), over the gold 1-1 links: the share whose two sentences share no key at all, and the share whose partner is covered strictly better than every other sentence within 10 of it (`lexicalSignal` in bench/align.ts, same command).",
    "",
    "| set | gold 1-1 links | no shared key | partner strictly best within ±10 |",
    "|---|---|---|---|",
    ...signal.map((g) => `| ${g.set.description} | ${g.links} | ${Math.round(100 * g.none)}% | ${Math.round(100 * g.strictlyBest)}% |`),
  ].join("\n");
}

/**
 * How much the first pass's lexical signal (identical words, numbers, names, 4-letter
 * prefixes, for EN–DE the dictionary) can tell at all: over the gold 1-1 links, the share
 * whose two sentences share no key, and the share whose partner is covered strictly better
 * than every other sentence within 10 of it.
 */
export function lexicalSignal(set: BenchSet): { links: number; none: number; strictlyBest: number } {
  let links = 0;
  let none = 0;
  let strictlyBest = 0;
  for (const doc of set.load()) {
    const keys = new KeySpace();
    const srcDict = dictionaryTranslator(set.sourceLang, set.targetLang);
    const tgtDict = dictionaryTranslator(set.targetLang, set.sourceLang);
    const src = buildUnits(tokenizeSentences(doc.source), keys, (t) => srcDict?.(t) ?? []);
    const tgt = buildUnits(tokenizeSentences(doc.target), keys, (t) => tgtDict?.(t) ?? []);
    const similarity = (i: number, j: number) => (coveredWeight(src[i], tgt[j]) + coveredWeight(tgt[j], src[i])) / (src[i].totalWeight + tgt[j].totalWeight || 1);
    for (const g of doc.gold) {
      if (g.source.length !== 1 || g.target.length !== 1) continue;
      const [i] = g.source;
      const [j] = g.target;
      links++;
      const own = similarity(i, j);
      if (own === 0) none++;
      let best = true;
      for (let y = Math.max(0, j - 10); y <= Math.min(tgt.length - 1, j + 10) && best; y++) if (y !== j && similarity(i, y) >= own) best = false;
      if (best) strictlyBest++;
    }
  }
  return { links, none: none / links, strictlyBest: strictlyBest / links };
}

/**
 * Coordinate search on a dev set: each weight in turn times 0.6, 0.8, 1.25, 1.6, kept when
 * strict F1 + lax F1 / 2 improves; two rounds. Only dev sets are allowed.
 */
function fit(name: string): void {
  if (!["textberg-dev", "tom-sawyer-val"].includes(name)) throw new Error("fit only on a dev set: textberg-dev or tom-sawyer-val");
  const set = SETS.find((s) => s.name === name)!;
  type Knob = "lexical" | "skip" | "length" | "1-2" | "2-2" | "1-3";
  const get = (p: ScoreParams, k: Knob) => (k.includes("-") ? p.typePenalty[k]! : p[k as "lexical"]);
  const put = (p: ScoreParams, k: Knob, v: number): ScoreParams => {
    const q = { ...p, typePenalty: { ...p.typePenalty } };
    if (k === "1-2" || k === "1-3") { q.typePenalty[k] = v; q.typePenalty[k.split("").reverse().join("")] = v; }
    else if (k === "2-2") q.typePenalty[k] = v;
    else q[k] = v;
    return q;
  };
  const objective = (p: ScoreParams) => { const s = runSet(set, { params: p }).scores; return s.f1Strict + s.f1Lax / 2; };
  let params = name === "tom-sawyer-val" ? DICTIONARY_PARAMS : DEFAULT_PARAMS;
  let best = objective(params);
  for (let round = 0; round < 2; round++) {
    for (const k of ["lexical", "skip", "length", "1-2", "2-2", "1-3"] as Knob[]) {
      for (const factor of [0.6, 0.8, 1.25, 1.6]) {
        const candidate = put(params, k, +(get(params, k) * factor).toFixed(3));
        const value = objective(candidate);
        if (value > best + 1e-4) { best = value; params = candidate; console.error(`${k} -> ${get(candidate, k)}: ${value.toFixed(4)}`); }
      }
    }
  }
  console.log(JSON.stringify(params));
}

/**
 * Fits the confidence model (lib/align/confidence.ts) on the dev sets (Text+Berg dev, Tom Sawyer
 * val, the MT dev set): logistic regression of "the gold has exactly this link" on similarity,
 * length cost, link size, leak and shortfall, by Newton's
 * method, over the two-sided links whose sentences the gold covers. Prints the coefficients
 * and the rate at which one-sided links are right.
 */
function fitConfidence(): void {
  const rows: Array<{ x: number[]; y: number }> = [];
  let oneSided = 0;
  let oneSidedRight = 0;
  for (const name of ["textberg-dev", "tom-sawyer-val", "mt-edits-ted-dev"]) {
    const set = SETS.find((s) => s.name === name)!;
    for (const doc of set.load()) {
      const gold = new Set(doc.gold.map((g) => `${g.source}:${g.target}`));
      const coveredS = new Set(doc.gold.flatMap((g) => g.source));
      const coveredT = new Set(doc.gold.flatMap((g) => g.target));
      for (const l of alignDetailed(doc.source, doc.target, { sourceLang: set.sourceLang, targetLang: set.targetLang })) {
        if (!l.source.every((x) => coveredS.has(x)) || !l.target.every((y) => coveredT.has(y))) continue;
        const right = gold.has(`${l.source}:${l.target}`) ? 1 : 0;
        if (!l.source.length || !l.target.length) { oneSided++; oneSidedRight += right; continue; }
        rows.push({ x: [1, l.similarity, Math.min(l.lengthCost, 10), l.source.length + l.target.length > 2 ? 1 : 0, l.leak, l.shortfall], y: right });
      }
    }
  }
  const k = rows[0].x.length;
  let w = new Array<number>(k).fill(0);
  for (let iteration = 0; iteration < 25; iteration++) {
    const gradient = new Array<number>(k).fill(0);
    const hessian = Array.from({ length: k }, (_, r) => Array.from({ length: k }, (_, c) => (r === c ? 1e-6 : 0)));
    for (const { x, y } of rows) {
      const p = 1 / (1 + Math.exp(-x.reduce((z, v, c) => z + v * w[c], 0)));
      for (let r = 0; r < k; r++) {
        gradient[r] += (y - p) * x[r];
        for (let c = 0; c < k; c++) hessian[r][c] += p * (1 - p) * x[r] * x[c];
      }
    }
    w = w.map((v, r) => v + solve(hessian, gradient)[r]);
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  console.log(JSON.stringify({ bias: round(w[0]), similarity: round(w[1]), length: round(w[2]), multi: round(w[3]), leak: round(w[4]), shortfall: round(w[5]) }));
  console.log(`two-sided links: ${rows.length}; one-sided links right: ${oneSidedRight} of ${oneSided} (${round(oneSidedRight / oneSided)})`);
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, r) => [...row, b[r]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let q = c; q <= n; q++) m[r][q] -= f * m[c][q];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let rest = m[r][n];
    for (let q = r + 1; q < n; q++) rest -= m[r][q] * x[q];
    x[r] = rest / m[r][r];
  }
  return x;
}

function main(): void {
  if (process.argv.includes("--fit-confidence")) return fitConfidence();
  if (process.argv.includes("--hunalign")) {
    for (const set of SETS.filter((s) => s.byType)) {
      const h = hunalignOnSet(set);
      if (h) console.log(`hunalign on ${set.name}: strict F1 ${f3(h.scores.f1Strict)}, ${TYPES.map((t) => `${t} ${h.byType[t] ? ((100 * h.byType[t].found) / h.byType[t].gold).toFixed(1) : "–"}%`).join(", ")}`);
    }
    for (const line of speedReport(hunalignRatios())) console.log(line);
    return;
  }
  const fitAt = process.argv.indexOf("--fit");
  if (fitAt >= 0) return fit(process.argv[fitAt + 1] ?? "textberg-dev");
  const one = process.argv.indexOf("--one");
  if (one >= 0) {
    const set = SETS.find((s) => s.name === process.argv[one + 1]);
    if (!set) throw new Error(`unknown set; known: ${SETS.map((s) => s.name).join(", ")}`);
    const { hyps: _hyps, ...result } = runSet(set);
    console.log(JSON.stringify(result));
    return;
  }
  // --only a,b: just these sets, printed, docs/benchmarks.md left alone (for iterating).
  const onlyAt = process.argv.indexOf("--only");
  const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1].split(",")) : null;
  const results: SetResult[] = [];
  for (const set of SETS.filter((s) => !only || only.has(s.name))) {
    if (set.name !== "mac-test" && !existsSync(SHARED)) continue;
    const child = spawnSync("npx", ["tsx", "bench/align.ts", "--one", set.name], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    if (child.status !== 0) throw new Error(`set ${set.name} failed:\n${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as SetResult;
    results.push(result);
    const types = result.byType ? ` · ${TYPES.map((t) => `${t} ${result.byType![t] ? (100 * result.byType![t].found / result.byType![t].gold).toFixed(1) : "–"}%`).join(", ")}` : "";
    console.error(`${set.name}: strict F1 ${f3(result.scores.f1Strict)}, lax F1 ${f3(result.scores.f1Lax)}, ${result.seconds.toFixed(2)} s, ${Math.round(result.peakMB)} MB${types}`);
  }
  if (only) return;
  const cli = cliBatchSeconds();
  console.error(`CLI batch, Text+Berg test: ${cli.seconds.toFixed(2)} s (slowest ${cli.slowest.toFixed(2)} s)`);
  const signal = SETS.filter((s) => !s.name.startsWith("synthetic") && !s.batch && (s.name === "mac-test" || existsSync(SHARED))).map((set) => ({ set, ...lexicalSignal(set) }));
  const ratios = hunalignRatios();
  if (ratios) for (const r of ratios) console.error(`${r.name}: bitext ${r.bitext.toFixed(2)} s, hunalign ${r.hunalign.toFixed(2)} s (${(r.bitext / r.hunalign).toFixed(1)}×)`);
  writeSection("align", report(results, cli, signal, ratios));
}

if (process.argv[1] && /bench[\\/]align\.ts$/.test(process.argv[1])) main();
