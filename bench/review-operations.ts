// Latency of review operations in lib/db (no HTTP, no browser) on SQLite, for the 15-link seed
// pair and a 10,000-link document made of the seed pair repeated. Each operation is applied
// with the versions of a fresh view, as the review page does.
//
//   npx tsx bench/review-operations.ts
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "../lib/db/client";
import { createDocument, loadSnapshot } from "../lib/db/documents";
import { migrateDatabase } from "../lib/db/migrate";
import { createReviewer } from "../lib/db/reviewers";
import { applyOperation, undo } from "../lib/db/review";
import type { DocumentSnapshot } from "../lib/document";
import type { ReviewOperation } from "../lib/review/types";
import { seedPairSnapshot } from "../tests/lib/review/seed-document";
import { machineLine, writeSection } from "./report-section";

const REPEATS = 40;

function repeated(times: number): DocumentSnapshot {
  const seed = seedPairSnapshot();
  const n = seed.links.length;
  const side = (s: "source" | "target") => Array.from({ length: times }, (_, k) => seed[s].map((x) => ({ ...x, id: x.id + k * 100_000, position: x.position + k * seed[s].length, paragraph: x.paragraph + k * 10 }))).flat();
  const links = Array.from({ length: times * n }, (_, i) => ({ id: i + 1, position: i, source: [i], target: [i], confidence: 0.9, status: "automatic" as const, version: 0 }));
  return { ...seed, document: { ...seed.document, title: `seed pair × ${times}` }, source: side("source"), target: side("target"), links };
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function time<T>(work: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

type Make = (view: DocumentSnapshot, i: number) => { operation: ReviewOperation; expectedVersion: number };

const OPERATIONS: [string, Make][] = [
  ["editText", (v, i) => { const s = v.target[(i * 7) % v.target.length]; return { operation: { op: "editText", segmentId: s.id, text: `${s.text} ` + i }, expectedVersion: s.version }; }],
  ["confirm", (v, i) => { const l = v.links[(i * 11) % v.links.length]; return { operation: { op: l.status === "confirmed" ? "unconfirm" : "confirm", linkId: l.id }, expectedVersion: l.version }; }],
  ["addAnnotation", (v, i) => { const s = v.source[(i * 5) % v.source.length]; return { operation: { op: "addAnnotation", segmentId: s.id, start: 0, end: 3, category: "Other", severity: "minor", comment: "bench" }, expectedVersion: s.version }; }],
  // Merges alternate with splits of the merged link, so the small document keeps its links.
  ["mergeWithNext / splitLink", (v, i) => {
    const merged = v.links.find((l) => l.source.length > 1 || l.target.length > 1);
    if (i % 2 === 1 && merged) return { operation: { op: "splitLink", linkId: merged.id }, expectedVersion: merged.version };
    const l = v.links[(i * 13) % (v.links.length - 1)];
    return { operation: { op: "mergeWithNext", linkId: l.id }, expectedVersion: l.version };
  }],
  ["splitSentence", (v, i) => {
    const long = v.target.filter((x) => x.text.indexOf(" ", Math.floor(x.text.length / 2)) > 0);
    const s = long[(i * 3) % long.length];
    return { operation: { op: "splitSentence", segmentId: s.id, at: s.text.indexOf(" ", Math.floor(s.text.length / 2)) }, expectedVersion: s.version };
  }],
];

async function measure(db: Db, documentId: number, reviewerId: number) {
  const rows: { name: string; p50: number; p95: number }[] = [];
  for (const [name, make] of OPERATIONS) {
    const times: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const view = await loadViewCheap(db, documentId);
      const request = make(view, i);
      times.push(await time(() => applyOperation(db, { documentId, reviewerId, ...request })));
    }
    rows.push({ name, p50: quantile(times, 0.5), p95: quantile(times, 0.95) });
  }
  const undos: number[] = [];
  for (let i = 0; i < REPEATS; i++) undos.push(await time(() => undo(db, documentId, reviewerId)));
  rows.push({ name: "undo (of the above, newest first)", p50: quantile(undos, 0.5), p95: quantile(undos, 0.95) });
  return rows;
}

// The benchmark reads the view outside the timed part; loadSnapshot is what the page's GET does.
const loadViewCheap = (db: Db, id: number) => loadSnapshot(db, id);

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "review-operations-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    await migrateDatabase(url);
    const db = createDb(url);
    const reviewer = await createReviewer(db, { login: "bench", displayName: "Bench", password: "bench password" });
    // Warm up (lexicon loading, JIT) on a scratch copy so the first timed kind is not penalised.
    const scratch = await createDocument(db, seedPairSnapshot());
    for (let i = 0; i < 10; i++) {
      const view = await loadSnapshot(db, scratch);
      for (const [, make] of OPERATIONS) await applyOperation(db, { documentId: scratch, reviewerId: reviewer.id, ...make(view, i) }).catch(() => undefined);
    }
    const sizes: [string, DocumentSnapshot][] = [["seed pair (15 links)", seedPairSnapshot()], ["seed pair × 667 (10,005 links)", repeated(667)]];
    const lines = [
      "## Review operations (lib/db, SQLite)", "",
      `Command: \`npx tsx bench/review-operations.ts\` · ${machineLine()} · ${REPEATS} operations of each kind, in-process (no HTTP).`,
      `Findings re-run with lib/artifacts' detectors after every change of text or alignment. Load average at the start: ${os.loadavg()[0].toFixed(1)} (the machine is shared; figures are wall-clock).`, "",
      "| Document | Operation | p50 | p95 |", "|---|---|---|---|",
    ];
    for (const [label, snapshot] of sizes) {
      const id = await createDocument(db, snapshot);
      for (const r of await measure(db, id, reviewer.id)) lines.push(`| ${label} | ${r.name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`);
      console.log(lines.slice(-6).join("\n"));
    }
    await db.$disconnect();
    writeSection("review-operations", lines.join("\n"));
    console.log(lines.join("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
