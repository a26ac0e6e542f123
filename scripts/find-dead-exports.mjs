// Lists exported functions, consts, classes and types that nothing uses, not even their own file:
// dead code (issue #12); exits 1 if there are any. A name counts as used when any source or test file
// contains it as a word (its own file outside the export line included).
// Next.js's own exports (GET, POST, default, dynamic, metadata, …) are used by the framework and are
// skipped. Part of `npm run lint`.   node scripts/find-dead-exports.mjs [--local]
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOTS = ["app", "lib", "cli", "report-ui", "scripts", "bench", "tests", "bin", "proxy.ts", "instrumentation.ts", "next.config.js", "vitest.config.ts", "eslint.config.js", "prisma.config.ts", "prisma.postgres.config.ts"];
const SKIP_DIRS = new Set(["node_modules", "generated", ".next", "dist", "data"]);
const FRAMEWORK = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "default", "dynamic", "metadata", "viewport", "config", "generateMetadata", "generateStaticParams", "revalidate", "runtime", "register", "proxy"]);

function files(entry) {
  let stat;
  try { stat = statSync(entry); } catch { return []; }
  if (!stat.isDirectory()) return /\.(ts|tsx|mjs|js)$/.test(entry) ? [entry] : [];
  return readdirSync(entry).filter((d) => !SKIP_DIRS.has(d)).flatMap((d) => files(path.join(entry, d)));
}

/** --local also lists exports that only their own file uses (often a deliberate part of a module's API). */
const LOCAL = process.argv.includes("--local");
const all = ROOTS.flatMap(files);
const text = new Map(all.map((f) => [f, readFileSync(f, "utf8")]));
const EXPORT = /^export\s+(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm;
const dead = [];
for (const [file, source] of text) {
  if (file.startsWith("tests/") || file.startsWith("bench/")) continue;
  for (const m of source.matchAll(EXPORT)) {
    const name = m[1];
    // "_name": exported only to keep a compile-time check (see lib/validations/review.ts).
    if (FRAMEWORK.has(name) || name.startsWith("_")) continue;
    const word = new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`);
    const usedHere = source.slice(0, m.index).concat(source.slice(m.index + m[0].length)).match(new RegExp(`\\b${name}\\b`, "g"))?.length ?? 0;
    const usedElsewhere = [...text].some(([other, s]) => other !== file && word.test(s));
    if (usedElsewhere) continue;
    if (!usedHere) dead.push(`${file}: ${name}`);
    else if (LOCAL) dead.push(`${file}: ${name} (used in its own file only: the export could go)`);
  }
}
console.log(dead.length ? dead.join("\n") : "no dead exports");
process.exitCode = dead.length ? 1 : 0;
