// Search and replace all on a book-sized document (the seed pair repeated 700 times: 10,500 links,
// 21,000 sentences) in lib/db on SQLite, no HTTP. Prints the figures; writes no section.
//
//   npx tsx bench/review-search.ts            (search only)
//   npx tsx bench/review-search.ts --replace  (also replace all of 2,100 matches, and its undo)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../lib/db/client";
import { createDocument } from "../lib/db/documents";
import { migrateDatabase } from "../lib/db/migrate";
import { createReviewer } from "../lib/db/reviewers";
import { undo } from "../lib/db/review";
import { applyBulk, searchDocument } from "../lib/db/review-bulk";
import type { SearchQuery } from "../lib/review/types";
import { repeatedSeed } from "../tests/helpers/big-document";

const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-bench-search-"));
const url = `file:${path.join(dir, "bench.db")}`;
await migrateDatabase(url);
const db = createDb(url);
try {
  const id = await createDocument(db, repeatedSeed(700));
  const reviewer = await createReviewer(db, { login: "bench", displayName: "Bench", password: "correct horse battery" });
  const query = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({ text, side: "both", caseSensitive: false, wholeWord: false, regex: false, ...more });
  const cases: [string, SearchQuery][] = [
    ["phrase", query("KI -Branche")], ["common word", query("die", { wholeWord: true })], ["one letter", query("e")], ["regex", query("\\p{Lu}\\p{Ll}+ -\\p{Lu}", { regex: true, caseSensitive: true })],
  ];
  for (const [name, q] of cases) {
    const times: number[] = [];
    let total = 0;
    for (let k = 0; k < 5; k++) {
      const start = performance.now();
      total = (await searchDocument(db, id, q)).total;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`search ${name}: ${total} matches, median ${times[2].toFixed(0)} ms, max ${times[4].toFixed(0)} ms`);
  }
  if (process.argv.includes("--replace")) {
    const version = (await db.document.findUniqueOrThrow({ where: { id } })).version;
    let start = performance.now();
    const result = await applyBulk(db, { documentId: id, reviewerId: reviewer.id, operation: { op: "replaceAll", query: query("KI -Branche", { side: "target", caseSensitive: true }), replacement: "KI-Branche" }, expectedVersion: version });
    console.log(`replace all: ${result.changed} sentences in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    start = performance.now();
    await undo(db, id, reviewer.id);
    console.log(`undo of it: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
} finally {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
