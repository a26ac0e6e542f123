// Start-up cost and lookup speed of the English–German lexicon. Cold figures come from fresh processes,
// because loadLexicon() caches per process and the first call is what a CLI run or a server start pays.
//
//   npm run --silent bench:lexicon
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { loadLexicon, lexiconDataPath } from "../lib/lexicon";
import { splitGermanCompound } from "../lib/lexicon/compound";
import { machineLine, writeSection } from "./report-section";

const COLD_RUNS = 5;

const CHILD = `
const t0 = performance.now();
const mod = await import(${JSON.stringify(new URL("../lib/lexicon/index.ts", import.meta.url).pathname)});
const t1 = performance.now();
const before = process.memoryUsage();
const lexicon = mod.loadLexicon();
const t2 = performance.now();
const after = process.memoryUsage();
lexicon.deToEn("Führung");
const t3 = performance.now();
lexicon.enToDe("leadership");
const t4 = performance.now();
lexicon.deToEn("Führungsstränge");
lexicon.enToDe("overemphasise");
const t5 = performance.now();
const end = process.memoryUsage();
console.log(JSON.stringify({
  importMs: t1 - t0, loadMs: t2 - t1, firstDeMs: t3 - t2, firstEnMs: t4 - t3, firstStemMs: t5 - t4,
  heapMB: (after.heapUsed - before.heapUsed) / 2 ** 20, rssMB: after.rss / 2 ** 20, rssEndMB: end.rss / 2 ** 20,
}));
`;

interface Cold {
  importMs: number;
  loadMs: number;
  firstDeMs: number;
  firstEnMs: number;
  firstStemMs: number;
  heapMB: number;
  rssMB: number;
  rssEndMB: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const cold: Cold[] = [];
for (let i = 0; i < COLD_RUNS; i++) {
  const out = execFileSync("npx", ["tsx", "--input-type=module", "-e", CHILD], { encoding: "utf8" });
  cold.push(JSON.parse(out.trim().split("\n").at(-1)!) as Cold);
}
const med = (k: keyof Cold) => median(cold.map((c) => c[k]));

// Warm lookups on the seed pair's words.
const lexicon = loadLexicon();
const tokens = (file: string) => readFileSync(file, "utf8").match(/\p{L}[\p{L}'’-]*/gu) ?? [];
const german = tokens("fixtures/seeds/001_1a15638dc6a05010.txt");
const english = tokens("fixtures/seeds/000_2f5c058692c94630.txt");
for (const w of german) lexicon.deToEn(w); // warm the lazy indexes
for (const w of english) lexicon.enToDe(w);

function perSecond(words: string[], fn: (w: string) => unknown): number {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    for (const w of words) fn(w);
    n += words.length;
  }
  return n / ((performance.now() - start) / 1000);
}
const rates = {
  deToEn: perSecond(german, (w) => lexicon.deToEn(w)),
  enToDe: perSecond(english, (w) => lexicon.enToDe(w)),
  hasGerman: perSecond(german, (w) => lexicon.hasGerman(w)),
  split: perSecond(german, (w) => splitGermanCompound(w, lexicon)),
};

const file = lexiconDataPath();
const text = gunzipSync(readFileSync(file)).toString("utf8");
const enCount = Number(/^@en (\d+)$/m.exec(text)?.[1]);
const deCount = Number(/^@de (\d+)$/m.exec(text)?.[1]);

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString("en") : x.toFixed(1));
const md = `
## Lexicon (lib/lexicon)

Command: \`npm run --silent bench:lexicon\` · ${machineLine()}

Data: \`lib/lexicon/data/de-en.lex.gz\`, ${(statSync(file).size / 2 ** 20).toFixed(2)} MB gzipped
(${(text.length / 2 ** 20).toFixed(1)} MB text), ${deCount.toLocaleString("en")} German and ${enCount.toLocaleString("en")} English words.

Cold start, median of ${COLD_RUNS} fresh processes (\`tsx\`):

| step | ms |
| --- | --- |
| import lib/lexicon (tsx transform) | ${fmt(med("importMs"))} |
| \`loadLexicon()\` (gunzip + line offsets; no index built) | ${fmt(med("loadMs"))} |
| first \`deToEn\` (binary search) | ${fmt(med("firstDeMs"))} |
| first \`enToDe\` (builds the English index and the reverse index) | ${fmt(med("firstEnMs"))} |
| two first lookups that miss and go through the fallbacks (inflection, stem) | ${fmt(med("firstStemMs"))} |

Memory: heap +${fmt(med("heapMB"))} MB for \`loadLexicon()\`; process RSS ${fmt(med("rssMB"))} MB after loading,
${fmt(med("rssEndMB"))} MB after the lazy indexes.

Warm lookups over the seed pair's words (001 German, 000 English), per second:

| call | per second |
| --- | --- |
| \`deToEn\` | ${fmt(rates.deToEn)} |
| \`enToDe\` | ${fmt(rates.enToDe)} |
| \`hasGerman\` | ${fmt(rates.hasGerman)} |
| \`splitGermanCompound\` | ${fmt(rates.split)} |
`;
writeSection("lexicon", md);
console.log(md);
