// A team on one server (issue #14): N reviewers with real accounts edit one document through
// the review page's endpoints over real HTTP for T seconds, alone, during a web import and
// during a CLI import of a book. Reports throughput, latency percentiles, 409s, 5xx and the
// server's memory, then checks the stored result: every acknowledged change is in the final
// state or superseded by a later one, every revision is accounted for, the alignment holds.
//
//   npm run bench:load                         (builds the app first; SQLite, and PostgreSQL when TEST_POSTGRES_URL is set)
//   BITEXT_SKIP_BUILD=1 BENCH_REVIEWERS=16 BENCH_SECONDS=20 BENCH_IMPORT_SENTENCES=100000 npm run bench:load
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { emptyPostgresDatabase } from "../tests/helpers/postgres";
import { checkLinks } from "../lib/align";
import { SESSION_COOKIE } from "../lib/auth/session";
import { openSession } from "../lib/db/sessions";
import { createDb, type Db } from "../lib/db/client";
import { createDocument, loadSnapshot } from "../lib/db/documents";
import { migrateDatabase } from "../lib/db/migrate";
import { createReviewer } from "../lib/db/reviewers";
import { analysePair } from "../lib/pipeline";
import { machineLine, writeSection } from "./report-section";
import { random } from "./random";
import { childPids, processesMatching, rssBytes, startServer, type RunningServer } from "./server";

const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const IMPORT_SENTENCES = Number(process.env.BENCH_IMPORT_SENTENCES ?? 20_000);
const DOC_PARAGRAPHS = 150; // 900 sentences a side, the size of a long article
const SECRET = "bench-load-secret";


const EN = ["the company", "its board", "the investors", "a new model", "the report", "researchers", "the chief executive", "the market", "regulators", "the team"];
const EN_VERBS = ["announced", "questioned", "described", "delayed", "expanded", "reviewed", "criticised", "supported"];
const EN_OBJECTS = ["a plan for the next year", "the cost of training", "the results of the study", "a change in strategy", "the risks of the technology"];
const DE = ["das Unternehmen", "sein Vorstand", "die Investoren", "ein neues Modell", "der Bericht", "Forschende", "der Vorstandschef", "der Markt", "die Aufsichtsbehörden", "das Team"];
const DE_VERBS = ["kündigte an", "stellte infrage", "beschrieb", "verschob", "erweiterte", "prüfte", "kritisierte", "unterstützte"];
const DE_OBJECTS = ["einen Plan für das nächste Jahr", "die Kosten des Trainings", "die Ergebnisse der Studie", "einen Strategiewechsel", "die Risiken der Technik"];

/** An English text and its German translation, six sentences a paragraph. */
function generatedPair(sentences: number, seed: number): { en: string; de: string } {
  const rand = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const en: string[] = [];
  const de: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const n = Math.floor(rand() * 900) + 10;
    const k = Math.floor(rand() * EN.length);
    en.push(`In ${1990 + (i % 30)}, ${EN[k]} ${pick(EN_VERBS)} ${pick(EN_OBJECTS)}, and ${n} people agreed.${i % 6 === 5 ? "\n\n" : " "}`);
    de.push(`Im Jahr ${1990 + (i % 30)} ${pick(DE_VERBS)} ${DE[k]} ${pick(DE_OBJECTS)}, und ${n} Menschen stimmten zu.${i % 6 === 5 ? "\n\n" : " "}`);
  }
  return { en: en.join("").trim(), de: de.join("").trim() };
}

const quantile = (xs: number[], q: number) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

interface Ack { revisionId: number; op: string; segmentId?: number; text?: string; linkId?: number; status?: string }
interface RunStats { ops: number; ok: number; conflicts: number; errors5xx: number; other: number; latencies: number[]; acks: Ack[]; seconds: number; serverRss: number; treeRss: number; otherFailures: string[] }

interface ReviewerView { source: { id: number; version: number; text: string }[]; target: { id: number; version: number; text: string }[]; links: { id: number; version: number; status: string }[] }

/** The review page's first request: the document. Done before the clock starts (cold start and 16 parallel loads are not the edits' latency). */
async function loadView(baseURL: string, cookie: string, documentId: number): Promise<ReviewerView> {
  const loaded = await fetch(`${baseURL}/api/documents/${documentId}`, { headers: { cookie } });
  if (!loaded.ok) throw new Error(`could not load the document: ${loaded.status} ${await loaded.text()}`);
  return (await loaded.json()).snapshot as ReviewerView;
}

/** One reviewer: edits, confirms/unconfirms and annotates in their part of the document (overlapping the neighbours'). */
async function reviewer(baseURL: string, cookie: string, documentId: number, k: number, snap: ReviewerView, until: number, stats: RunStats) {
  const headers = { cookie, "content-type": "application/json", origin: baseURL };
  const rand = random(1000 + k);
  const versions = new Map<string, number>();
  for (const s of [...snap.source, ...snap.target]) versions.set(`segment:${s.id}`, s.version);
  for (const l of snap.links) versions.set(`link:${l.id}`, l.version);
  const status = new Map(snap.links.map((l) => [l.id, l.status]));
  const region = Math.floor(snap.target.length / REVIEWERS);
  let n = 0;
  while (Date.now() < until) {
    const at = Math.min(snap.target.length - 1, k * region + Math.floor(rand() * region * 1.5));
    const r = rand();
    let body: Record<string, unknown>;
    let ack: Omit<Ack, "revisionId">;
    if (r < 0.7) {
      const seg = snap.target[at];
      const text = `${seg.text.replace(/ \[r\d+\.\d+\]$/, "")} [r${k}.${n++}]`;
      body = { operation: { op: "editText", segmentId: seg.id, text }, expectedVersion: versions.get(`segment:${seg.id}`) };
      ack = { op: "editText", segmentId: seg.id, text };
    } else if (r < 0.9) {
      const link = snap.links[Math.min(snap.links.length - 1, at)];
      const op = status.get(link.id) === "confirmed" ? "unconfirm" : "confirm";
      body = { operation: { op, linkId: link.id }, expectedVersion: versions.get(`link:${link.id}`) };
      ack = { op, linkId: link.id, status: op === "confirm" ? "confirmed" : "automatic" };
    } else {
      const seg = snap.source[Math.min(snap.source.length - 1, at)];
      body = { operation: { op: "addAnnotation", segmentId: seg.id, start: 0, end: 2, category: "Other", severity: "minor", comment: `r${k}` }, expectedVersion: versions.get(`segment:${seg.id}`) };
      ack = { op: "addAnnotation", segmentId: seg.id };
    }
    const t0 = performance.now();
    let res: Response;
    try {
      res = await fetch(`${baseURL}/api/documents/${documentId}/operations`, { method: "POST", headers, body: JSON.stringify(body) });
    } catch (err) {
      stats.ops++; stats.other++; stats.otherFailures.push(String(err));
      continue;
    }
    const json = await res.json().catch(() => ({}));
    stats.latencies.push(performance.now() - t0);
    stats.ops++;
    if (res.ok) {
      stats.ok++;
      stats.acks.push({ ...ack, revisionId: json.patch.revisionId });
      for (const s of json.patch.segments.upsert) versions.set(`segment:${s.id}`, s.version);
      for (const l of json.patch.links.upsert) { versions.set(`link:${l.id}`, l.version); status.set(l.id, l.status); }
    } else if (res.status === 409) {
      stats.conflicts++;
      // The answer carries the current row: take its version and go on, as the page does.
      if (json.current?.id !== undefined && json.current.version !== undefined) {
        versions.set(`${json.entity}:${json.current.id}`, json.current.version);
        if (json.entity === "link") status.set(json.current.id, json.current.status);
      }
    } else if (res.status >= 500) {
      stats.errors5xx++;
      if (stats.otherFailures.length < 5) stats.otherFailures.push(`${res.status} ${JSON.stringify(json).slice(0, 200)}`);
    } else {
      stats.other++;
      if (stats.otherFailures.length < 5) stats.otherFailures.push(`${res.status} ${JSON.stringify(json).slice(0, 200)}`);
    }
  }
}

/** The stored document against what the server acknowledged. Returns problems (none is the goal). */
async function verify(db: Db, documentId: number, acks: Ack[]): Promise<string[]> {
  const problems: string[] = [];
  const snap = await loadSnapshot(db, documentId);
  problems.push(...checkLinks(snap.links, snap.source.length, snap.target.length));
  if (snap.links.some((l, i) => l.position !== i)) problems.push("link positions are not dense");
  const revisions = new Map(snap.revisions.map((r) => [r.id, r]));
  for (const a of acks) if (!revisions.has(a.revisionId)) problems.push(`acknowledged ${a.op} (revision ${a.revisionId}) is not in the history`);
  const acked = new Set(acks.map((a) => a.revisionId));
  const unaccounted = snap.revisions.filter((r) => r.operation !== "import" && !acked.has(r.id));
  if (unaccounted.length) problems.push(`${unaccounted.length} revisions were stored that no reviewer was told about`);
  // Final state: the last acknowledged write of each sentence text and link status is what is stored.
  const lastText = new Map<number, Ack>();
  const lastStatus = new Map<number, Ack>();
  for (const a of [...acks].sort((x, y) => x.revisionId - y.revisionId)) {
    if (a.op === "editText") lastText.set(a.segmentId!, a);
    if (a.linkId !== undefined) lastStatus.set(a.linkId, a);
  }
  const text = new Map([...snap.source, ...snap.target].map((s) => [s.id, s.text]));
  for (const [id, a] of lastText) if (text.get(id) !== a.text) problems.push(`sentence ${id}: stored text is not the last acknowledged edit (revision ${a.revisionId})`);
  const status = new Map(snap.links.map((l) => [l.id, l.status]));
  for (const [id, a] of lastStatus) if (status.get(id) !== a.status) problems.push(`link ${id}: stored status is not the last acknowledged one (revision ${a.revisionId})`);
  const annotations = acks.filter((a) => a.op === "addAnnotation").length;
  if (snap.annotations.length !== annotations) problems.push(`${annotations} annotations acknowledged, ${snap.annotations.length} stored`);
  return problems;
}

async function waitForJob(baseURL: string, cookie: string, job: string): Promise<{ state: string; seconds: number; error?: string }> {
  const t0 = Date.now();
  for (;;) {
    const res = await fetch(`${baseURL}/api/import/jobs/${job}`, { headers: { cookie } });
    const j = await res.json();
    if (!["queued", "running"].includes(j.state)) return { state: j.state, seconds: (Date.now() - t0) / 1000, error: j.error };
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function run(kind: string, server: RunningServer, db: Db, cookies: string[], documentId: number, background: "none" | "web import" | "CLI import", files: { en: string; de: string; enPath: string; dePath: string }, env: NodeJS.ProcessEnv) {
  const stats: RunStats = { ops: 0, ok: 0, conflicts: 0, errors5xx: 0, other: 0, latencies: [], acks: [], seconds: SECONDS, serverRss: 0, treeRss: 0, otherFailures: [] };
  const serverPid = server.child.pid!;
  const sampler = setInterval(() => {
    const analysis = new Set([...processesMatching("analyse-worker"), ...processesMatching("process.kill(child")]);
    const tree = [serverPid, ...childPids(serverPid)].filter((p) => !analysis.has(p));
    stats.serverRss = Math.max(stats.serverRss, tree.reduce((sum, p) => sum + rssBytes(p), 0));
    stats.treeRss = Math.max(stats.treeRss, [serverPid, ...childPids(serverPid)].reduce((sum, p) => sum + rssBytes(p), 0));
  }, 250);
  let importResult: Promise<{ state: string; seconds: number; error?: string }> | null = null;
  if (background === "web import") {
    const form = new FormData();
    form.set("title", `book ${IMPORT_SENTENCES}`);
    form.set("sourceLang", "en");
    form.set("targetLang", "de");
    form.set("acceptWarnings", "1");
    form.set("sourceFile", new Blob([files.en]), "book-en.txt");
    form.set("targetFile", new Blob([files.de]), "book-de.txt");
    const res = await fetch(`${server.baseURL}/api/import`, { method: "POST", body: form, headers: { cookie: cookies[0], origin: server.baseURL } });
    if (res.status !== 202) throw new Error(`web import refused: ${res.status} ${await res.text()}`);
    importResult = waitForJob(server.baseURL, cookies[0], (await res.json()).job);
    await new Promise((r) => setTimeout(r, 1000));
  } else if (background === "CLI import") {
    const t0 = Date.now();
    importResult = new Promise((resolve) => {
      const cli = spawn(process.execPath, ["bin/bitext.js", "import", files.enPath, files.dePath, "--src-lang", "en", "--tgt-lang", "de", "--force"], { env, stdio: ["ignore", "pipe", "pipe"] });
      let err = "";
      cli.stderr.on("data", (d) => { err += d; });
      cli.on("close", (code) => resolve({ state: code === 0 ? "done" : "failed", seconds: (Date.now() - t0) / 1000, error: err.trim() || undefined }));
    });
    await new Promise((r) => setTimeout(r, 1000));
  }
  const views = await Promise.all(cookies.map((cookie) => loadView(server.baseURL, cookie, documentId)));
  const until = Date.now() + SECONDS * 1000;
  const t0 = Date.now();
  await Promise.all(cookies.map((cookie, k) => reviewer(server.baseURL, cookie, documentId, k, views[k], until, stats)));
  stats.seconds = (Date.now() - t0) / 1000;
  const imported = importResult ? await importResult : null;
  clearInterval(sampler);
  const problems = await verify(db, documentId, stats.acks);
  return { kind, background, stats, imported, problems };
}

type Result = Awaited<ReturnType<typeof run>>;

async function benchDatabase(kind: "SQLite" | "PostgreSQL", databaseUrl: string, files: { en: string; de: string; enPath: string; dePath: string }): Promise<Result[]> {
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  const people = [];
  for (let k = 0; k < REVIEWERS; k++) people.push(await createReviewer(db, { login: `reviewer${k}`, displayName: `Reviewer ${k}`, password: `load test password ${k}` }));
  const article = generatedPair(DOC_PARAGRAPHS * 6, 7);
  const env = { ...process.env, DATABASE_URL: databaseUrl, BITEXT_SECRET: SECRET, BITEXT_MAX_BYTES: String(32 * 1024 * 1024) };
  const server = await startServer(env);
  process.env.BITEXT_SECRET = SECRET;
  const cookies = await Promise.all(people.map(async (p) => `${SESSION_COOKIE}=${(await openSession(db, p.id)).token}`));
  const results: Result[] = [];
  try {
    // Warm-up (not measured): the first edits load the lexicon and the detectors into the server.
    const warm = await createDocument(db, analysePair({ title: "warm-up", sourceLang: "en", targetLang: "de", sourceText: article.en.slice(0, 5000), targetText: article.de.slice(0, 5000) }));
    const warmStats: RunStats = { ops: 0, ok: 0, conflicts: 0, errors5xx: 0, other: 0, latencies: [], acks: [], seconds: 0, serverRss: 0, treeRss: 0, otherFailures: [] };
    await reviewer(server.baseURL, cookies[0], warm, 0, await loadView(server.baseURL, cookies[0], warm), Date.now() + 3000, warmStats);
    for (const background of ["none", "web import", "CLI import"] as const) {
      const documentId = await createDocument(db, analysePair({ title: `article (${background})`, sourceLang: "en", targetLang: "de", sourceText: article.en, targetText: article.de }));
      const r = await run(kind, server, db, cookies, documentId, background, files, env);
      results.push(r);
      const s = r.stats;
      console.log(`${kind}, ${background}: ${s.ok} ok / ${s.ops} ops in ${s.seconds.toFixed(1)} s = ${(s.ok / s.seconds).toFixed(1)}/s, p50 ${quantile(s.latencies, 0.5).toFixed(0)} ms, p95 ${quantile(s.latencies, 0.95).toFixed(0)} ms, 409 ${s.conflicts}, 5xx ${s.errors5xx}, other ${s.other}, server RSS ${(s.serverRss / 2 ** 20).toFixed(0)} MB; import ${JSON.stringify(r.imported)}; problems ${r.problems.length}`);
      if (s.otherFailures.length) console.log("  failures:", s.otherFailures.slice(0, 5));
      if (r.problems.length) console.log("  problems:", r.problems.slice(0, 5));
    }
  } finally {
    server.child.kill("SIGTERM");
    await db.$disconnect();
  }
  return results;
}

async function main() {
  // The reviewers' session cookies are signed with the server's secret.
  process.env.BITEXT_SECRET = SECRET;
  if (process.env.BITEXT_SKIP_BUILD !== "1") {
    console.log("building the app (set BITEXT_SKIP_BUILD=1 to reuse .next)…");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-bench-load-"));
  const book = generatedPair(IMPORT_SENTENCES, 11);
  const files = { ...book, enPath: path.join(dir, "book-en.txt"), dePath: path.join(dir, "book-de.txt") };
  writeFileSync(files.enPath, book.en);
  writeFileSync(files.dePath, book.de);
  const loadAtStart = os.loadavg()[0];
  const results: Result[] = [];
  try {
    results.push(...await benchDatabase("SQLite", `file:${path.join(dir, "load.db")}`, files));
    const server = process.env.TEST_POSTGRES_URL;
    if (server) {
      const empty = await emptyPostgresDatabase(server, "bitext_bench_load");
      try {
        results.push(...await benchDatabase("PostgreSQL", empty.url, files));
      } finally {
        await empty.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  const rows = results.map(({ kind, background, stats: s, imported, problems }) =>
    `| ${kind} | ${background} | ${(s.ok / s.seconds).toFixed(1)} | ${quantile(s.latencies, 0.5).toFixed(0)} | ${quantile(s.latencies, 0.95).toFixed(0)} | ${quantile(s.latencies, 0.99).toFixed(0)} | ${s.ok}/${s.ops} | ${s.conflicts} | ${s.errors5xx} | ${mb(s.serverRss)} | ${imported ? `${imported.state} in ${imported.seconds.toFixed(0)} s` : "–"} | ${problems.length ? problems.length + " ✗" : "all hold"} |`);
  writeSection("load", `## A team on one server (\`npm run bench:load\`)

${REVIEWERS} reviewers (real accounts, session cookies, real HTTP against \`next start\`) edit one ${DOC_PARAGRAPHS * 6}-sentence document
through the review page's endpoint for ${SECONDS} s each run: 70 % text edits, 20 % confirm/unconfirm, 10 % annotations, each
reviewer in their own part of the document overlapping the neighbours' (hence the 409s). "web import" and "CLI import" run a
${IMPORT_SENTENCES.toLocaleString("en")}-sentence generated book import at the same time (the import column says how long it took
and whether it finished). Server memory: the server's process tree, peak (a web import's analysis runs in a worker thread of the server, so it counts). Checks after each run:
every acknowledged change is in the history and the final state is the last acknowledged one per sentence and link, no
revision nobody was told about, all annotations stored, alignment invariants hold.

| database | during | ops/s (ok) | p50 ms | p95 ms | p99 ms | ok/all | 409 | 5xx | server memory | import | checks |
|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

${machineLine()}; load average ${loadAtStart.toFixed(1)} at the start (the host is shared with other work: figures vary run to run).
Command: \`BENCH_REVIEWERS=${REVIEWERS} BENCH_SECONDS=${SECONDS} BENCH_IMPORT_SENTENCES=${IMPORT_SENTENCES} npm run bench:load\`${process.env.TEST_POSTGRES_URL ? " with TEST_POSTGRES_URL set" : ""}.
`);
  const failed = results.some((r) => r.problems.length || r.stats.errors5xx);
  console.log(failed ? "bench:load found problems (see above)" : "bench:load: every check held");
  process.exitCode = failed ? 1 : 0;
}

await main();
