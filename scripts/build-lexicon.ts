// Converts Debian's trans-de-en (the Ding dictionary, GPL-2-or-later) into the compact file that
// lib/lexicon loads. Parsing the raw 25 MB dictionary costs seconds and hundreds of MB, so it is done once
// here and the result is shipped in lib/lexicon/data/.
//
//   apt-get install trans-de-en && npx tsx scripts/build-lexicon.ts [path/to/de-en]
//
// Output format: see lib/lexicon/README.md.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { parseDingLine, type DingSubEntry } from "../lib/lexicon/ding";
import { LEXICON_FORMAT_VERSION, encodeIds } from "../lib/lexicon/format";

const SOURCE = process.argv[2] ?? "/usr/share/trans/de-en";
const OUT_DIR = "lib/lexicon/data";
const OUT_FILE = `${OUT_DIR}/de-en.lex.gz`;

interface WordStats {
  /** Casing as written in Ding; several casings of one lowercase key are kept apart (Essen / essen). */
  form: string;
  /** Number of Ding lines that use the word anywhere: a frequency proxy for ranking compound splits. */
  lines: number;
  pos: Set<string>;
}

const raw = readFileSync(SOURCE, "utf8");
const header = raw.split("\n").filter((l) => l.startsWith("#")).slice(0, 6);
const version = header.find((l) => l.startsWith("# Version"))?.replace(/^# Version :: /, "") ?? "unknown";

const german = new Map<string, WordStats>();
const english = new Map<string, WordStats>();
/** de form -> en word -> number of sub-entries pairing them */
const pairs = new Map<string, Map<string, number>>();

function stats(table: Map<string, WordStats>, form: string): WordStats {
  let s = table.get(form);
  if (!s) table.set(form, (s = { form, lines: 0, pos: new Set() }));
  return s;
}

function bump(table: Map<string, Map<string, number>>, a: string, b: string): void {
  let m = table.get(a);
  if (!m) table.set(a, (m = new Map()));
  m.set(b, (m.get(b) ?? 0) + 1);
}

const TOKEN = /[\p{L}][\p{L}\p{M}'’-]*[\p{L}]|[\p{L}]/gu;

function countTokens(text: string, table: Map<string, WordStats>, seen: Set<string>): void {
  for (const m of text.matchAll(TOKEN)) {
    const s = table.get(m[0]);
    if (s && !seen.has(m[0])) {
      seen.add(m[0]);
      s.lines++;
    }
  }
}

function pairSub(de: DingSubEntry, en: DingSubEntry): void {
  for (const d of de.terms) {
    if (d.words.length !== 1) continue;
    const dw = d.words[0]!;
    const g = stats(german, dw);
    for (const p of d.pos) g.pos.add(p);
    for (const e of en.terms) {
      // Multi-word glosses ("computing resources") would more than double the file (measured: 2.6 MB ->
      // 4.2 MB gzipped) for little gain: compounds are reached through splitGermanCompound instead.
      if (e.words.length !== 1) continue;
      stats(english, e.words[0]!);
      bump(pairs, dw, e.words[0]!);
    }
  }
  // Abbreviations pair with each other: künstliche Intelligenz /KI/ :: artificial intelligence /AI/.
  for (const da of de.abbreviations)
    for (const ea of en.abbreviations) {
      stats(german, da).pos.add("abbr");
      stats(english, ea);
      bump(pairs, da, ea);
    }
  // English single words with no single-word German partner still count as known English vocabulary.
  for (const e of en.terms) if (e.words.length === 1) stats(english, e.words[0]!);
}

/** German "E-Mail" is also written "Email": index the hyphen-free spelling too, when it is not a word already. */
function addUnhyphenated(table: Map<string, WordStats>): Map<string, string> {
  const added = new Map<string, string>();
  for (const w of [...table.values()]) {
    if (!w.form.includes("-")) continue;
    const joined = w.form.replace(/-/g, "");
    const glued = joined[0] + joined.slice(1).toLowerCase();
    if (table.has(glued) || table.has(glued.toLowerCase())) continue;
    table.set(glued, { form: glued, lines: w.lines, pos: new Set(w.pos) });
    added.set(w.form, glued);
  }
  return added;
}

const lines = raw.split("\n");
const parsed = [];
for (const line of lines) {
  const entry = parseDingLine(line);
  if (!entry) continue;
  parsed.push(entry);
  const n = Math.min(entry.de.length, entry.en.length);
  for (let i = 0; i < n; i++) pairSub(entry.de[i]!, entry.en[i]!);
}
// Second pass: frequency proxy. Needs the full vocabulary first, so it cannot share the loop above.
for (const line of lines) {
  const sep = line.indexOf(" :: ");
  if (sep < 0 || line.startsWith("#")) continue;
  countTokens(line.slice(0, sep), german, new Set());
  countTokens(line.slice(sep + 4), english, new Set());
}

for (const [hyphenated, glued] of addUnhyphenated(german)) {
  const tr = pairs.get(hyphenated);
  if (tr) pairs.set(glued, new Map(tr));
}
// Not for English: there the hyphen-free spellings are mostly noise ("greatgreatgrandmother", "tenfigure"),
// and the few that are real (startup, email) are listed in Ding already.
// English casing is merged ("US"/"us"): lookups are case-insensitive and the aligner compares lowercased text.
const englishMerged = new Map<string, number>();
for (const w of english.values()) {
  const key = w.form.toLowerCase();
  englishMerged.set(key, (englishMerged.get(key) ?? 0) + w.lines);
}
const enWords = [...englishMerged].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const enId = new Map(enWords.map(([w], i) => [w, i]));
// German rows are sorted by lowercase key so that the loader can binary-search the file as it is,
// without building a map of 300k words at start-up. Casings stay apart (Essen / essen), capitalised first.
const deWords = [...german.values()]
  .map((w) => ({ ...w, key: w.form.toLowerCase(), capitalised: /^\p{Lu}/u.test(w.form) }))
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : Number(b.capitalised) - Number(a.capitalised)));

const POS_CODE: Record<string, string> = { noun: "N", verb: "V", adj: "A", adv: "D", abbr: "K", other: "O" };
const out: string[] = [];
out.push(`#lexicon ${LEXICON_FORMAT_VERSION}`);
out.push(`#source Ding ${version} (Debian trans-de-en), GPL-2-or-later, (c) Frank Richter, TU Chemnitz; see NOTICE`);
out.push(`@en ${enWords.length}`);
for (const [w, lines] of enWords) out.push(`${w}\t${lines.toString(36)}`);
out.push(`@de ${deWords.length}`);
let pairCount = 0;
for (const w of deWords) {
  const tr = [...(pairs.get(w.form) ?? new Map<string, number>())]
    .sort((a, b) => b[1] - a[1])
    .map(([e]) => enId.get(e.toLowerCase())!)
    .filter((id, i, all) => all.indexOf(id) === i);
  pairCount += tr.length;
  const flags = (w.capitalised ? "C" : "") + [...w.pos].map((p) => POS_CODE[p] ?? "").join("");
  out.push(`${w.key}\t${w.lines.toString(36)}\t${flags}\t${encodeIds(tr)}`);
}

mkdirSync(OUT_DIR, { recursive: true });
const text = out.join("\n") + "\n";
const gz = gzipSync(Buffer.from(text, "utf8"), { level: 9 });
writeFileSync(OUT_FILE, gz);
console.log(
  `${parsed.length} Ding lines -> ${deWords.length} German words, ${enWords.length} English words, ` +
    `${pairCount} single-word pairs; ` +
    `${(text.length / 2 ** 20).toFixed(1)} MB text, ${(gz.length / 2 ** 20).toFixed(2)} MB gzipped -> ${OUT_FILE}`,
);
