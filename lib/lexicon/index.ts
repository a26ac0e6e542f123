// The English–German lexicon, converted from the Ding dictionary (GPL-2-or-later, see data/NOTICE).
// The file is parsed once per process; the indexes that only some callers need (English -> German,
// stems) are built on first use so that loading stays cheap.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { decodeIds, LEXICON_FORMAT_VERSION } from "./format";
import { englishBaseCandidates, germanBaseCandidates } from "./inflection";
import { stemEnglish, stemGerman } from "./stem";

export interface Lexicon {
  /** English translations of a German word (case-insensitive; tries the exact form, then light normalisation/stemming). */
  deToEn(word: string): readonly string[];
  /** German translations of an English word (same lookup rules). */
  enToDe(word: string): readonly string[];
  hasGerman(word: string): boolean;
  hasEnglish(word: string): boolean;
  /** What the dictionary knows about one exact German word (lowercased key); used to rank compound splits. */
  germanInfo?(word: string): GermanWordInfo | undefined;
  /** The word (lowercased) is listed as the first part of a longer dictionary noun, directly or with a
   *  linking element ("Milchstraße" in "Milchstraßensystem"): Ding lacks some words it builds compounds from. */
  isGermanModifier?(word: string): boolean;
}

export interface GermanWordInfo {
  /** Number of Ding lines using the word (summed over casings): a rough frequency. */
  frequency: number;
  /** Marked as a noun ({m}, {f}, {n}, {pl}); a capitalised row alone is not enough (sentence-like entries). */
  noun: boolean;
  /** Marked as a verb somewhere in Ding. */
  verb: boolean;
  /** Marked as a content word (noun, verb, adjective, adverb) somewhere in Ding. */
  content: boolean;
  /** Marked only as a function word (preposition, conjunction, pronoun, article, particle). */
  functionWord: boolean;
  /** Marked as an adjective in a lower-case row ("schwarz"; the noun "Schwarz" does not count). */
  adjective?: boolean;
  /** Marked as an adverb in a lower-case row ("glücklicherweise"). */
  adverb?: boolean;
}

const NONE: readonly string[] = Object.freeze([]);

export function lexiconDataPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.join(here, "data", "de-en.lex.gz"),
    // The CLI bundle (dist/cli) and other bundlers move this module away from its data.
    path.join(here, "..", "..", "lib", "lexicon", "data", "de-en.lex.gz"),
    path.join(process.cwd(), "lib", "lexicon", "data", "de-en.lex.gz"),
  ];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(
    `The lexicon data file lib/lexicon/data/de-en.lex.gz is missing. Rebuild it with ` +
      "`apt-get install trans-de-en && npx tsx scripts/build-lexicon.ts`.",
  );
}

/** Lowercase, curly apostrophes straightened, surrounding punctuation removed. */
export function normaliseWord(word: string): string {
  return word
    .trim()
    .replace(/’/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    .toLowerCase();
}

/** The file's lines without splitting it: one string plus line offsets. Splitting 430k lines into strings
 *  cost more than the rest of loading together (measured: 160 ms against 25 ms for the offsets). */
interface ReverseIndex {
  of(englishId: number): Int32Array;
}

class LineTable {
  private readonly starts: Int32Array;
  readonly length: number;

  constructor(readonly text: string) {
    let count = 1;
    for (let p = text.indexOf("\n"); p >= 0; p = text.indexOf("\n", p + 1)) count++;
    this.starts = new Int32Array(count + 1);
    let i = 0;
    for (let p = 0; ; ) {
      this.starts[i++] = p;
      const n = text.indexOf("\n", p);
      if (n < 0) break;
      p = n + 1;
    }
    this.starts[count] = text.length + 1;
    this.length = count;
  }

  line(i: number): string {
    return this.text.slice(this.starts[i]!, this.starts[i + 1]! - 1);
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  /** The first field (the word) of line i. */
  key(i: number): string {
    const start = this.starts[i]!;
    const tab = this.text.indexOf("\t", start);
    const end = this.starts[i + 1]! - 1;
    return this.text.slice(start, tab >= 0 && tab < end ? tab : end);
  }

  /** Start and end offsets of the last field of line i. */
  lastField(i: number): [number, number] {
    const end = this.starts[i + 1]! - 1;
    return [this.text.lastIndexOf("\t", end - 1) + 1, end];
  }
}

class DingLexicon implements Lexicon {
  private readonly lines: LineTable;
  private readonly enStart: number;
  private readonly enCount: number;
  /** German rows are lines[deStart, deEnd), sorted by lowercase key: lookups binary-search them. */
  private readonly deStart: number;
  private readonly deEnd: number;
  private enIndex: Map<string, number> | null = null;
  /** English id -> German rows, built on first enToDe */
  private enToDeRows: ReverseIndex | null = null;
  /** English words that translate, by first letter and by first two letters; stems per bucket, on first use. */
  private enBuckets: Map<string, number[]> | null = null;
  private enStems = new Map<string, Map<string, number[]>>();
  /** Stem per English id, once computed (a word is in a one-letter and a two-letter bucket). */
  private enStemOf: Array<string | undefined> = [];

  constructor(text: string) {
    this.lines = new LineTable(text);
    let i = 0;
    while (i < this.lines.length && this.lines.line(i).startsWith("#")) {
      const m = /^#lexicon (\d+)/.exec(this.lines.line(i));
      if (m && Number(m[1]) !== LEXICON_FORMAT_VERSION)
        throw new Error(`Lexicon data has format ${m[1]}, this code reads ${LEXICON_FORMAT_VERSION}: rebuild it with scripts/build-lexicon.ts.`);
      i++;
    }
    this.enCount = Number(/^@en (\d+)$/.exec(this.lines.line(i++))?.[1]);
    this.enStart = i;
    i += this.enCount;
    const deCount = Number(/^@de (\d+)$/.exec(this.lines.line(i++))?.[1]);
    if (!Number.isFinite(this.enCount) || !Number.isFinite(deCount))
      throw new Error("Lexicon data is damaged: rebuild it with scripts/build-lexicon.ts.");
    this.deStart = i;
    this.deEnd = i + deCount;
  }

  private english(id: number): string {
    return this.lines.key(this.enStart + id);
  }

  private field(r: number, field: number): string {
    return this.lines.line(r).split("\t")[field] ?? "";
  }

  private translates(r: number): boolean {
    return !this.lines.line(r).endsWith("\t");
  }

  /** First German row whose key is >= key. */
  private lowerBound(key: string): number {
    let lo = this.deStart;
    let hi = this.deEnd;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lines.key(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Rows of one exact lowercase key (one per casing). */
  private exactRows(key: string): number[] {
    const rows: number[] = [];
    for (let r = this.lowerBound(key); r < this.deEnd && this.lines.key(r) === key; r++) rows.push(r);
    return rows;
  }

  /** Rows of the first form that the dictionary knows (and, if asked, translates): exact, then base
   *  forms, then the stem. A form listed without translations must not hide a base form that has some. */
  private germanRows(word: string, needTranslation: boolean, useStem: boolean): number[] {
    const key = normaliseWord(word);
    if (!key) return [];
    const usable = (rows: number[]) => (needTranslation ? rows.filter((r) => this.translates(r)) : rows);
    const exact = usable(this.exactRows(key));
    if (exact.length) return exact;
    for (const c of germanBaseCandidates(key)) {
      const rows = usable(this.exactRows(c));
      if (rows.length) return rows;
    }
    return useStem ? this.sameGermanStem(key) : [];
  }

  /** Rows sharing the query's stem. The stem (before umlaut folding) is a prefix of the word, so the
   *  sorted rows are scanned from that prefix instead of stemming all 300k words into an index. */
  private sameGermanStem(key: string): number[] {
    const stem = stemGerman(key);
    const prefix = key.slice(0, Math.max(3, stem.length - (key.match(/ß/g)?.length ?? 0)));
    const rows: number[] = [];
    for (let r = this.lowerBound(prefix), scanned = 0; r < this.deEnd && scanned < 2000; r++, scanned++) {
      const k = this.lines.key(r);
      if (!k.startsWith(prefix)) break;
      if (this.translates(r) && stemGerman(k) === stem) rows.push(r);
    }
    return rows;
  }

  private englishIndex(): Map<string, number> {
    if (!this.enIndex) {
      this.enIndex = new Map();
      for (let k = 0; k < this.enCount; k++) this.enIndex.set(this.english(k), k);
    }
    return this.enIndex;
  }

  private englishIds(word: string, needTranslation: boolean, useStem: boolean): number[] {
    const key = normaliseWord(word);
    if (!key) return [];
    const index = this.englishIndex();
    const usable = (id: number | undefined): id is number =>
      id !== undefined && (!needTranslation || this.reverseRows().of(id).length > 0);
    const exact = index.get(key);
    if (usable(exact)) return [exact];
    for (const c of englishBaseCandidates(key)) {
      const id = index.get(c);
      if (usable(id)) return [id];
    }
    if (!useStem) return [];
    return this.sameEnglishStem(key);
  }

  /**
   * English ids sharing the query's stem. Porter's stemmer rewrites only the end of a word:
   * words with the same stem of three letters or more share their first two letters, shorter
   * stems their first letter ("eyed" -> "ei", "is" -> "i"). So only the words of that bucket
   * are stemmed; stemming all 111k English words on the first miss took about 150 ms.
   */
  private sameEnglishStem(key: string): number[] {
    const stem = stemEnglish(key);
    const prefix = stem.slice(0, stem.length >= 3 ? 2 : 1);
    let stems = this.enStems.get(prefix);
    if (!stems) {
      stems = new Map();
      for (const id of this.englishBuckets().get(prefix) ?? []) {
        const s = (this.enStemOf[id] ??= stemEnglish(this.english(id)));
        const list = stems.get(s);
        if (list) list.push(id);
        else stems.set(s, [id]);
      }
      this.enStems.set(prefix, stems);
    }
    return stems.get(stem) ?? [];
  }

  /** English words that translate, by their first letter and by their first two letters (as stemEnglish sees them). */
  private englishBuckets(): Map<string, number[]> {
    if (!this.enBuckets) {
      this.enBuckets = new Map();
      const rows = this.reverseRows();
      const add = (prefix: string, id: number) => {
        const bucket = this.enBuckets!.get(prefix);
        if (bucket) bucket.push(id);
        else this.enBuckets!.set(prefix, [id]);
      };
      for (const [w, id] of this.englishIndex()) {
        if (!rows.of(id).length) continue; // only words that translate help a lookup
        const seen = w.toLowerCase().replace(/’/g, "'");
        add(seen.slice(0, 1), id);
        if (seen.length >= 2) add(seen.slice(0, 2), id);
      }
    }
    return this.enBuckets;
  }

  /** Calls visit(englishId, germanRow) for every pair, reading the base-36 ids in place: this runs over
   *  300k rows, twice, so it avoids split/parseInt and their garbage. */
  private forEachPair(visit: (id: number, row: number) => void): void {
    const text = this.lines.text;
    for (let r = this.deStart; r < this.deEnd; r++) {
      const [start, end] = this.lines.lastField(r);
      if (start === end) continue;
      let id = 0;
      for (let p = start; p <= end; p++) {
        const c = p < end ? text.charCodeAt(p) : 44;
        if (c === 44) {
          visit(id, r);
          id = 0;
        } else id = id * 36 + (c <= 57 ? c - 48 : c - 87);
      }
    }
  }

  /** Position of English id among row r's senses, or `cap` if it is not among the first `cap`. */
  private senseOf(r: number, id: number, cap: number): number {
    const text = this.lines.text;
    const [start, end] = this.lines.lastField(r);
    let value = 0;
    let position = 0;
    for (let p = start; p <= end && position < cap; p++) {
      const c = p < end ? text.charCodeAt(p) : 44;
      if (c === 44) {
        if (value === id) return position;
        position++;
        value = 0;
      } else value = value * 36 + (c <= 57 ? c - 48 : c - 87);
    }
    return cap;
  }

  /** Row r's frequency field (the second, base 36). */
  private frequencyOf(r: number): number {
    const text = this.lines.text;
    let p = text.indexOf("\t", this.lines.start(r)) + 1;
    let value = 0;
    for (let c = text.charCodeAt(p); c !== 9 && p < text.length; c = text.charCodeAt(++p)) value = value * 36 + (c <= 57 ? c - 48 : c - 87);
    return value;
  }

  /** English id -> German rows as one flat array with offsets (120k small arrays cost more to build). */
  private reverseRows(): ReverseIndex {
    if (!this.enToDeRows) {
      const offsets = new Int32Array(this.enCount + 1);
      this.forEachPair((id) => offsets[id + 1]!++);
      for (let k = 0; k < this.enCount; k++) offsets[k + 1]! += offsets[k]!;
      const rows = new Int32Array(offsets[this.enCount]!);
      const fill = offsets.slice(0, this.enCount);
      this.forEachPair((id, r) => (rows[fill[id]!++] = r));
      this.enToDeRows = { of: (id) => rows.subarray(offsets[id]!, offsets[id + 1]!) };
    }
    return this.enToDeRows;
  }

  deToEn(word: string): readonly string[] {
    const found = this.germanRows(word, true, true);
    if (!found.length) return NONE;
    // A capitalised query is most likely the noun: put the capitalised row's senses first.
    const capitalised = /^\p{Lu}/u.test(word.trim());
    const rank = (r: number) => (this.field(r, 2).includes("C") === capitalised ? 0 : 1);
    const ordered = [...found].sort((a, b) => rank(a) - rank(b));
    const out = new Set<string>();
    for (const r of ordered) for (const id of decodeIds(this.field(r, 3))) out.add(this.english(id));
    return [...out];
  }

  enToDe(word: string): readonly string[] {
    const rev = this.reverseRows();
    const ids = this.englishIds(word, true, true);
    if (!ids.length) return NONE;
    // German words whose first sense is this English word come first ("invested": investiert before
    // eingesetzt, which means "used" first); among equals, the German word used in more Ding lines.
    // Common English words appear in thousands of rows: both numbers are read in place.
    const ranked = ids.flatMap((id) =>
      Array.from(rev.of(id), (r) => ({ r, sense: this.senseOf(r, id, 3), frequency: this.frequencyOf(r) })),
    );
    ranked.sort((a, b) => Math.min(a.sense, 3) - Math.min(b.sense, 3) || b.frequency - a.frequency);
    const out = new Set<string>();
    for (const { r } of ranked) out.add(this.lines.key(r));
    return [...out];
  }

  hasGerman(word: string): boolean {
    return this.germanRows(word, false, false).length > 0;
  }

  hasEnglish(word: string): boolean {
    return this.englishIds(word, false, false).length > 0;
  }

  germanInfo(word: string): GermanWordInfo | undefined {
    const rows = this.exactRows(word.toLowerCase());
    if (!rows.length) return undefined;
    let frequency = 0;
    let noun = false;
    let content = false;
    let verb = false;
    let functionWord = false;
    let adjective = false;
    let adverb = false;
    for (const r of rows) {
      const [, freq, flags] = this.lines.line(r).split("\t");
      frequency += parseInt(freq!, 36);
      if (flags!.includes("A") && !flags!.includes("C")) adjective = true;
      if (flags!.includes("D") && !flags!.includes("C")) adverb = true;
      if (flags!.includes("N")) noun = true;
      if (flags!.includes("V")) verb = true;
      if (/[NVAD]/.test(flags!)) content = true;
      else if (flags!.includes("O")) functionWord = true;
    }
    return { frequency, noun, verb, content, functionWord: functionWord && !content, adjective, adverb };
  }

  isGermanModifier(word: string): boolean {
    const key = normaliseWord(word);
    if (key.length < 4) return false;
    for (const link of ["", "s", "n", "en", "es"]) {
      const prefix = key + link;
      // The rest must be a noun of its own of 4+ letters: "Milchstraßen|haufen", not "Milch|straßen…" tails.
      for (let r = this.lowerBound(prefix), scanned = 0; r < this.deEnd && scanned < 300; r++, scanned++) {
        const k = this.lines.key(r);
        if (!k.startsWith(prefix)) break;
        const rest = k.slice(prefix.length);
        if (rest.length >= 4 && /^\p{L}+$/u.test(rest) && this.germanInfo(rest)?.noun) return true;
      }
    }
    return false;
  }
}

let cached: DingLexicon | null = null;

/** Synchronous, cached per process; fast (target < 300 ms cold, measure it). */
export function loadLexicon(): Lexicon {
  if (!cached) cached = new DingLexicon(gunzipSync(readFileSync(lexiconDataPath())).toString("utf8"));
  return cached;
}
