// The search: dynamic programming over (source prefix, target prefix) cells, restricted to a
// band of columns per row. Small inputs get a full band; larger ones are first aligned as
// blocks of sentences (recursively), and the fine search only looks near the coarse path,
// so time and memory grow linearly with the number of sentences (Vecalign's idea).
import { mergeUnits, type Unit } from "./units";

/** [source sentences, target sentences] of the link types the search may use. */
export const LINK_TYPES: ReadonlyArray<readonly [number, number]> = [
  [1, 1], [1, 0], [0, 1], [1, 2], [2, 1], [2, 2], [1, 3], [3, 1],
];


export interface ScoreParams {
  /** Cost of a 1-0 or 0-1 link. */
  skip: number;
  /** Weight of (1 - lexical similarity), per sentence of the link. */
  lexical: number;
  /** Weight of the Gale–Church length cost, per sentence of the link. */
  length: number;
  /** Extra cost of a link type, keyed "a-b". */
  typePenalty: Record<string, number>;
  /** Cost of a link that joins sentences of two paragraphs on one side. */
  paragraphCross: number;
  /** Cost of a link that ends a paragraph on one side only. */
  paragraphEdge: number;
  /**
   * Cost per sentence of a multi-sentence link whose own coverage by the link's other side
   * (above chance, share of its weight) falls below `memberFloor`: memberGap × the shortfall.
   * An untranslated sentence joined to its neighbour's link has next to none.
   */
  memberGap?: number;
  memberFloor?: number;
  /** Members lighter than this (token weight) are exempt from memberGap. */
  memberMinWeight?: number;
  /** The same for 1-1 links, counted only when both sentences fall short (the lesser shortfall, twice). */
  pairGap?: number;
  /** Skip cost of a site-chrome line (chrome.ts) as a share of `skip`. */
  chromeSkip?: number;
  /** Drop similarity where it tells nothing (sentence level only; see LinkScorer.hasLexicalSignal). */
  checkSignal?: boolean;
}

export interface Side {
  units: Unit[];
  /** Paragraph index per unit, or null when unknown. */
  paragraphs: number[] | null;
  /** 1 for a unit that is site chrome (chrome.ts): cheap to leave one-sided, dear to link to text. */
  chrome?: Uint8Array | null;
}

/** Typical best coverage from which a missing coverage starts to count as evidence, and where it counts fully. */
const TRUST_FROM = 0.4;
const TRUST_FULL = 0.55;
/** Skip cost of a site-chrome line, as a share of the skip cost (0.3 and below lose Text+Berg test's translated "Alle Rechte vorbehalten ." / "Tous droits réservés ." 1-1 link). */
const CHROME_SKIP = 0.5;
/** Extra cost of a link that joins a site-chrome line to a sentence of its own side. */
const CHROME_LINK = 1;

export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

export interface RawLink {
  i: number;
  j: number;
  a: number;
  b: number;
  cost: number;
  sim: number;
  lengthCost: number;
  /**
   * How well the link's sentences match those of the links beside it (the highest similarity
   * of its source with a neighbour's target or the reverse): a split point put in the wrong
   * place leaves part of a sentence matching next door.
   */
  leak: number;
  /** The least-covered sentence's shortfall (LinkScorer.shortfall): an untranslated or added sentence inside the link. */
  shortfall: number;
  /** The document's trust in missing coverage (LinkScorer.trust). */
  trust: number;
}

/**
 * Pairwise covered weights near the band, so that multi-sentence links reuse them. Stored as
 * coverage *above chance* (see computeBackground): the link score only ever uses that.
 */
class PairTable {
  private start: Int32Array;
  private width: Int32Array;
  private rowOffset: Int32Array;
  /** Per cell: weight of source unit i covered by target unit j above chance, and the reverse. */
  readonly excessSource: Float32Array;
  readonly excessTarget: Float32Array;
  /** Per unit: weight above chance (what similarity is measured against). */
  readonly capSource: Float64Array;
  readonly capTarget: Float64Array;
  /** Per unit: the chance level itself (the 80th percentile of its row or column). */
  readonly backgroundSource: Float64Array;
  readonly backgroundTarget: Float64Array;

  constructor(src: Unit[], tgt: Unit[], band: Band) {
    const n = src.length;
    const m = tgt.length;
    this.start = new Int32Array(n);
    this.width = new Int32Array(n);
    this.rowOffset = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      // Sentence i takes part in links ending at rows i+1..i+3, columns up to 3 back.
      let lo = Infinity;
      let hi = -Infinity;
      for (let r = i + 1; r <= Math.min(n, i + 3); r++) { lo = Math.min(lo, band.lo[r]); hi = Math.max(hi, band.hi[r]); }
      lo = Math.max(0, lo - 3);
      hi = Math.min(m - 1, hi - 1);
      this.start[i] = lo;
      this.width[i] = Math.max(0, hi - lo + 1);
      this.rowOffset[i + 1] = this.rowOffset[i] + this.width[i];
    }
    const cs = new Float32Array(this.rowOffset[n]);
    const ct = new Float32Array(this.rowOffset[n]);
    // Rows whose band holds column j (a contiguous range: bands are monotone).
    const rowLo = new Int32Array(m).fill(n);
    const rowHi = new Int32Array(m).fill(-1);
    for (let i = 0; i < n; i++) {
      for (let j = this.start[i]; j < this.start[i] + this.width[i]; j++) {
        if (i < rowLo[j]) rowLo[j] = i;
        if (i > rowHi[j]) rowHi[j] = i;
      }
    }
    let keyCount = 0;
    for (const u of src) for (const k of u.own) keyCount = Math.max(keyCount, k + 1);
    for (const u of tgt) for (const k of u.own) keyCount = Math.max(keyCount, k + 1);
    // Posting lists (units owning each key, ascending): a token is then compared only with the
    // units that could cover it, not with every unit of the band.
    const srcPostings = postings(src, keyCount);
    const tgtPostings = postings(tgt, keyCount);
    // cs[i][j]: weight of source unit i's tokens that target unit j covers; ct the reverse.
    // (Each sweep is a function of its own: in a short document's cold run a constructor
    // holding every loop was compiled again for each hot loop and deoptimised at the next.)
    const seen = new Int32Array(Math.max(n, m)).fill(-1);
    coverRows(src, tgtPostings, keyCount, this.start, this.width, this.rowOffset, cs, seen, m);
    seen.fill(-1);
    coverColumns(tgt, srcPostings, keyCount, this.start, this.width, this.rowOffset, rowLo, rowHi, ct, seen, n);
    this.backgroundSource = new Float64Array(n);
    this.backgroundTarget = new Float64Array(m);
    this.capSource = new Float64Array(n);
    this.capTarget = new Float64Array(m);
    this.computeBackground(cs, ct, rowLo, rowHi);
    this.chanceSource = this.backgroundSource.slice();
    for (let i = 0; i < n; i++) {
      this.backgroundSource[i] = Math.min(this.backgroundSource[i], src[i].totalWeight * 0.9);
      this.capSource[i] = src[i].totalWeight - this.backgroundSource[i];
    }
    for (let j = 0; j < m; j++) {
      this.backgroundTarget[j] = Math.min(this.backgroundTarget[j], tgt[j].totalWeight * 0.9);
      this.capTarget[j] = tgt[j].totalWeight - this.backgroundTarget[j];
    }
    this.rawBestSource = rowMaxima(cs, this.rowOffset, n);
    this.excessSource = cs;
    this.excessTarget = ct;
    this.bestSource = new Float64Array(n);
    this.bestTarget = new Float64Array(m);
    toExcess(cs, ct, this.start, this.rowOffset, this.backgroundSource, this.backgroundTarget, this.capSource, this.bestSource, this.bestTarget, n);
    for (let j = 0; j < m; j++) this.bestTarget[j] = this.capTarget[j] > 0 ? Math.min(1, this.bestTarget[j] / this.capTarget[j]) : 0;
  }

  /** Per unit: the best share of its weight above chance that one unit of the other side covers. */
  readonly bestSource: Float64Array;
  readonly bestTarget: Float64Array;

  /** Highest raw coverage of source unit i by one target unit, and its row's chance level (unclamped). */
  readonly rawBestSource: Float64Array;
  readonly chanceSource: Float64Array;

  /**
   * Chance coverage: the typical (80th-percentile) weight of a unit that the units near it on the other side
   * cover (mostly non-partners). Topic words and function words match everywhere; only
   * coverage above this level is evidence. It also stops a link from gaining similarity just
   * by taking in more sentences (Vecalign normalises its cosine cost for the same reason).
   */
  private computeBackground(cs: Float32Array, ct: Float32Array, rowLo: Int32Array, rowHi: Int32Array): void {
    const n = this.width.length;
    const scratch = new Float64Array(Math.max(this.backgroundTarget.length, n) + 1);
    for (let i = 0; i < n; i++) {
      const w = this.width[i];
      for (let c = 0; c < w; c++) scratch[c] = cs[this.rowOffset[i] + c];
      this.backgroundSource[i] = chanceLevel(scratch, w);
    }
    for (let j = 0; j < this.backgroundTarget.length; j++) {
      let count = 0;
      for (let i = rowLo[j]; i <= rowHi[j]; i++) {
        const c = j - this.start[i];
        if (c >= 0 && c < this.width[i]) scratch[count++] = ct[this.rowOffset[i] + c];
      }
      this.backgroundTarget[j] = chanceLevel(scratch, count);
    }
  }

  /** Cell index of (i, j), or -1 outside the table. */
  cell(i: number, j: number): number {
    const c = j - this.start[i];
    return c >= 0 && c < this.width[i] ? this.rowOffset[i] + c : -1;
  }
  rowStart(i: number): number { return this.start[i]; }
  rowWidth(i: number): number { return this.width[i]; }
  rowBase(i: number): number { return this.rowOffset[i]; }
}

/** cs[i][j] for every cell of the table: the weight of source unit i that target unit j covers. */
function coverRows(src: Unit[], tgtPostings: Postings, keyCount: number, start: Int32Array, width: Int32Array, rowOffset: Int32Array, cs: Float32Array, seen: Int32Array, m: number): void {
  const acc = new Float64Array(m);
  let stampNo = 0;
  for (let i = 0; i < src.length; i++) {
    const lo = start[i];
    const hi = lo + width[i];
    if (hi <= lo) continue;
    accumulate(src[i], tgtPostings, keyCount, lo, hi, acc, seen, stampNo);
    stampNo += src[i].weights.length;
    const off = rowOffset[i] - lo;
    for (let j = lo; j < hi; j++) { cs[off + j] = acc[j]; acc[j] = 0; }
  }
}

/** ct[i][j] for every cell of the table: the weight of target unit j that source unit i covers. */
function coverColumns(tgt: Unit[], srcPostings: Postings, keyCount: number, start: Int32Array, width: Int32Array, rowOffset: Int32Array, rowLo: Int32Array, rowHi: Int32Array, ct: Float32Array, seen: Int32Array, n: number): void {
  const accRows = new Float64Array(n);
  let stampNo = 0;
  for (let j = 0; j < tgt.length; j++) {
    if (rowHi[j] < rowLo[j]) continue;
    accumulate(tgt[j], srcPostings, keyCount, rowLo[j], rowHi[j] + 1, accRows, seen, stampNo);
    stampNo += tgt[j].weights.length;
    for (let i = rowLo[j]; i <= rowHi[j]; i++) {
      const c = j - start[i];
      if (c >= 0 && c < width[i]) ct[rowOffset[i] + c] = accRows[i];
      accRows[i] = 0;
    }
  }
}

/** Per row, the highest value of its cells (0 for an empty row). */
function rowMaxima(cells: Float32Array, rowOffset: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let top = 0;
    for (let c = rowOffset[i]; c < rowOffset[i + 1]; c++) top = Math.max(top, cells[c]);
    out[i] = top;
  }
  return out;
}

/**
 * Turns covered weights into weights above chance (in place) and finds, per source unit, the
 * best share of its capacity (bestSource) and, per target unit, the best excess (bestTarget).
 */
function toExcess(cs: Float32Array, ct: Float32Array, start: Int32Array, rowOffset: Int32Array, backgroundSource: Float64Array, backgroundTarget: Float64Array, capSource: Float64Array, bestSource: Float64Array, bestTarget: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const bg = backgroundSource[i];
    const capS = capSource[i];
    let rowBest = 0;
    for (let c = rowOffset[i]; c < rowOffset[i + 1]; c++) {
      const j = start[i] + c - rowOffset[i];
      const es = Math.max(0, cs[c] - bg);
      const et = Math.max(0, ct[c] - backgroundTarget[j]);
      cs[c] = es;
      ct[c] = et;
      if (es > rowBest) rowBest = es;
      if (et > bestTarget[j]) bestTarget[j] = et;
    }
    bestSource[i] = capS > 0 ? Math.min(1, rowBest / capS) : 0;
  }
}

interface Postings { start: Int32Array; units: Int32Array }

function postings(units: Unit[], keyCount: number): Postings {
  const start = new Int32Array(keyCount + 1);
  for (const u of units) for (const k of u.own) start[k + 1]++;
  for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
  const fill = start.slice(0, keyCount);
  const list = new Int32Array(start[keyCount]);
  units.forEach((u, index) => { for (const k of u.own) list[fill[k]++] = index; });
  return { start, units: list };
}

/** First position in list[from, to) whose value is ≥ value. */
function lowerBound(list: Int32Array, from: number, to: number, value: number): number {
  while (from < to) {
    const mid = (from + to) >> 1;
    if (list[mid] < value) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * Adds each token's weight of `unit` to acc[o] for every other-side unit o in [lo, hi) that owns
 * one of the token's probe keys (once per token: `seen` holds the token's stamp).
 */
function accumulate(unit: Unit, other: Postings, keyCount: number, lo: number, hi: number, acc: Float64Array, seen: Int32Array, stampBase: number): void {
  for (let k = 0; k < unit.weights.length; k++) {
    const stamp = stampBase + k;
    const w = unit.weights[k];
    for (let p = unit.probeStart[k]; p < unit.probeStart[k + 1]; p++) {
      const key = unit.probes[p];
      if (key >= keyCount) continue;
      const end = other.start[key + 1];
      for (let q = lowerBound(other.units, other.start[key], end, lo); q < end; q++) {
        const o = other.units[q];
        if (o >= hi) break;
        if (seen[o] !== stamp) { seen[o] = stamp; acc[o] += w; }
      }
    }
  }
}

/** Partners are few per row: the 80th percentile of a row is still a non-partner's coverage (fitted on dev: .5 -> .825, .8 -> .832 strict F1). */
const BACKGROUND_QUANTILE = 0.8;

/** Cells of a row never taken as its chance level: a sentence's partner and a split partner. */
const BEST_CELLS_KEPT = 2;

/** The BACKGROUND_QUANTILE order statistic of values[0, count) (reorders them; quickselect). */
function chanceLevel(values: Float64Array, count: number): number {
  if (count < 3) return 0;
  // A short row (a document or stretch of a few sentences) has no room for a quantile: its 80th
  // percentile is the second-best cell, often the other half of a split sentence, and taking
  // that as chance erased the evidence for 1-2 and 2-2 links. The two best cells never count.
  const k = Math.min(Math.floor(count * BACKGROUND_QUANTILE), count - 1 - BEST_CELLS_KEPT);
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let a = lo;
    let b = hi;
    while (a <= b) {
      while (values[a] < pivot) a++;
      while (values[b] > pivot) b--;
      if (a <= b) { const t = values[a]; values[a] = values[b]; values[b] = t; a++; b--; }
    }
    if (k <= b) hi = b;
    else if (k >= a) lo = a;
    else break;
  }
  return values[k];
}

/** -log of the two-sided tail probability of a standard normal deviate (Gale & Church 1993). */
function tailCost(delta: number): number {
  // Abramowitz–Stegun erfc approximation; enough precision for a cost.
  const x = delta / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return -Math.log(Math.max(erfc, 1e-12));
}

// The search asks for this millions of times: a table over delta in steps of 1/64 up to 8.
const TAIL_STEPS = 64;
const TAIL_TABLE = Float64Array.from({ length: 8 * TAIL_STEPS + 2 }, (_, k) => tailCost(k / TAIL_STEPS));

function lengthCost(sourceChars: number, targetChars: number, ratio: number): number {
  if (sourceChars === 0 && targetChars === 0) return 0;
  const mean = (sourceChars + targetChars / ratio) / 2;
  const delta = Math.abs(targetChars - sourceChars * ratio) / Math.sqrt(6.8 * Math.max(mean, 1));
  const at = delta * TAIL_STEPS;
  if (at >= 8 * TAIL_STEPS) return tailCost(delta);
  const k = at | 0;
  return TAIL_TABLE[k] + (TAIL_TABLE[k + 1] - TAIL_TABLE[k]) * (at - k);
}

// Chosen on the dev sets: MAC-Dev zh–en strict F1 .462 at 0.1, .420 at 0.03; Text+Berg dev unchanged.
const MIN_LEXICAL_SIGNAL = 0.1;

class LinkScorer {
  private pairs: PairTable;
  private ratio: number;
  /** Type penalty of a link of a source and b target sentences at a * 4 + b. */
  readonly penalty = new Float64Array(16);
  private lexicalWeight: number;
  private srcLength: Float64Array;
  private tgtLength: Float64Array;
  /** Characters before each unit (prefix sums of the lengths). */
  private srcChars: Float64Array;
  private tgtChars: Float64Array;
  /** Paragraph boundaries before each unit (prefix counts) and whether a unit ends its paragraph. */
  private srcCrossings: Int32Array | null;
  private tgtCrossings: Int32Array | null;
  private srcEnds: Uint8Array | null;
  private tgtEnds: Uint8Array | null;

  constructor(src: Side, tgt: Side, band: Band, private params: ScoreParams) {
    for (const [a, b] of LINK_TYPES) this.penalty[a * 4 + b] = params.typePenalty[`${a}-${b}`] ?? 0;
    this.pairs = new PairTable(src.units, tgt.units, band);
    this.lexicalWeight = params.checkSignal === false || this.hasLexicalSignal(src.units) ? params.lexical : 0;
    this.srcLength = Float64Array.from(src.units, (u) => u.length);
    this.tgtLength = Float64Array.from(tgt.units, (u) => u.length);
    this.srcChars = prefixSums(this.srcLength);
    this.tgtChars = prefixSums(this.tgtLength);
    const s = this.srcLength.reduce((n, x) => n + x, 0);
    const t = this.tgtLength.reduce((n, x) => n + x, 0);
    this.ratio = s > 0 && t > 0 ? t / s : 1;
    this.srcCrossings = src.paragraphs && crossingCounts(src.paragraphs);
    this.tgtCrossings = tgt.paragraphs && crossingCounts(tgt.paragraphs);
    this.srcEnds = src.paragraphs && paragraphEndFlags(src.paragraphs);
    this.tgtEnds = tgt.paragraphs && paragraphEndFlags(tgt.paragraphs);
    // Both thresholds are shares of the document's typical best coverage, and both apply only
    // as far as that is high: in literal (machine) translation the lexicon covers most of each
    // sentence (typical best .46-.70 on the MT dev set), so a sentence without coverage is
    // evidence of an omission; in free literary translation (Tom Sawyer .38, Text+Berg ≤ .34)
    // partners often share nothing, and the same rule pulled strict F1 down by .01-.02.
    const best = new Float64Array(this.pairs.bestSource.length + this.pairs.bestTarget.length);
    best.set(this.pairs.bestSource);
    best.set(this.pairs.bestTarget, this.pairs.bestSource.length);
    const typical = best.length ? best.sort()[best.length >> 1] : 0;
    const trust = this.lexicalWeight === 0 ? 0 : Math.min(1, Math.max(0, (typical - TRUST_FROM) / (TRUST_FULL - TRUST_FROM)));
    this.skipSource = new Float64Array(src.units.length).fill(params.skip);
    this.skipTarget = new Float64Array(tgt.units.length).fill(params.skip);
    const chromeSkip = params.skip * (params.chromeSkip ?? CHROME_SKIP);
    this.srcChrome = src.chrome ? prefixCounts(src.chrome) : null;
    this.tgtChrome = tgt.chrome ? prefixCounts(tgt.chrome) : null;
    for (let i = 0; i < src.units.length; i++) if (src.chrome?.[i]) this.skipSource[i] = chromeSkip;
    for (let j = 0; j < tgt.units.length; j++) if (tgt.chrome?.[j]) this.skipTarget[j] = chromeSkip;
    this.trust = trust;
    this.memberGap = (params.memberGap ?? 0) * trust;
    this.memberFloor = (params.memberFloor ?? 0) * typical;
    this.memberMinWeight = params.memberMinWeight ?? 0;
    this.pairGap = (params.pairGap ?? 0) * trust;
    this.srcWeight = Float64Array.from(src.units, (u) => u.totalWeight);
    this.tgtWeight = Float64Array.from(tgt.units, (u) => u.totalWeight);
  }

  /** Cost of leaving each unit one-sided (site chrome skips for less). */
  private skipSource: Float64Array;
  private skipTarget: Float64Array;
  private memberGap: number;
  private memberFloor: number;
  private memberMinWeight: number;
  private pairGap: number;
  /** How far missing coverage counts as evidence in this document (0-1; see the constructor). */
  trust: number;
  private srcWeight: Float64Array;
  private tgtWeight: Float64Array;
  /** Chrome lines before each unit (prefix counts), or null. */
  private srcChrome: Int32Array | null;
  private tgtChrome: Int32Array | null;

  /**
   * Whether similarity tells partners apart at all here: in half of the rows the best pair
   * must cover some weight above chance. Chinese against English (no shared script, no
   * dictionary) has none, and then (1 - similarity) would only charge every sentence the same
   * and make skipping cheaper than linking; length alone decides instead (Gale–Church).
   */
  private hasLexicalSignal(units: Unit[]): boolean {
    const best: number[] = [];
    for (let i = 0; i < units.length; i++) {
      const top = this.pairs.rawBestSource[i] - this.pairs.chanceSource[i];
      best.push(units[i].totalWeight > 0 ? top / units[i].totalWeight : 0);
    }
    best.sort((x, y) => x - y);
    return (best[best.length >> 1] ?? 0) >= MIN_LEXICAL_SIGNAL;
  }

  /**
   * How far the link's least-covered sentence (≥ memberMinWeight) falls short of the member
   * floor, from 0 (covered) to 1 (nothing above chance), times the document's trust; for a 1-1
   * link the lesser of its two. For the confidence: an untranslated or added sentence inside a
   * link. Only called for the links of the final path.
   */
  shortfall(i: number, j: number, a: number, b: number): number {
    if (a === 0 || b === 0 || this.trust === 0 || this.memberFloor <= 0) return 0;
    const pairs = this.pairs;
    const ratio = (excess: Float32Array, cap: number, x: number, y: number) => {
      let covered = 0;
      for (let d = 0; d < (excess === pairs.excessSource ? b : a); d++) {
        const c = excess === pairs.excessSource ? pairs.cell(x, y + d) : pairs.cell(x + d, y);
        if (c >= 0) covered += excess[c];
      }
      return cap > 0 ? Math.min(covered, cap) / cap : 1;
    };
    const short = (r: number) => Math.max(0, 1 - r / this.memberFloor);
    const members: number[] = [];
    // Light sentences count too, in proportion to their weight ("Danke." inside a link is
    // worth a doubt even if too light to change the path).
    const scale = (w: number) => Math.min(1, w / Math.max(this.memberMinWeight, 1e-9));
    for (let x = i; x < i + a; x++) members.push(scale(this.srcWeight[x]) * short(ratio(pairs.excessSource, pairs.capSource[x], x, j)));
    for (let y = j; y < j + b; y++) members.push(scale(this.tgtWeight[y]) * short(ratio(pairs.excessTarget, pairs.capTarget[y], i, y)));
    if (!members.length) return 0;
    return this.trust * (a === 1 && b === 1 ? (members.length === 2 ? Math.min(...members) : 0) : Math.max(...members));
  }

  /** Similarity and length cost of the last `cost` call (kept in fields: no allocation per call). */
  lastSim = 0;
  lastLengthCost = 0;

  /** A cost no link of source units [i, i+a) and target units [j, j+b) can go below (a, b > 0). */
  lowerBound(i: number, j: number, a: number, b: number): number {
    if (a === 1 && b === 1) return this.penalty[5];
    const charsS = this.srcChars[i + a] - this.srcChars[i];
    const charsT = this.tgtChars[j + b] - this.tgtChars[j];
    return ((a + b) / 2) * this.params.length * Math.min(lengthCost(charsS, charsT, this.ratio), 10) + this.penalty[a * 4 + b];
  }

  /** Cost of the link of source units [i, i+a) and target units [j, j+b). */
  cost(i: number, j: number, a: number, b: number): number {
    this.lastSim = 0;
    this.lastLengthCost = 0;
    // A one-sided link has one sentence: no paragraph is crossed and none is joined.
    if (a === 0 || b === 0) return a === 1 ? this.skipSource[i] : this.skipTarget[j];
    return a === 1 && b === 1 ? this.costPair(i, j) : this.costMulti(i, j, a, b);
  }

  /** Cost of leaving source unit i (or target unit j) one-sided. */
  skipCostSource(i: number): number { return this.skipSource[i]; }
  skipCostTarget(j: number): number { return this.skipTarget[j]; }

  /**
   * Cost of the 1-1 link (i, j), the search's most frequent question: its own function so that
   * it is optimised early and alone. (Neither a paragraph crossing nor chrome joined to text
   * can occur in a 1-1 link.)
   */
  costPair(i: number, j: number): number {
    const p = this.params;
    let cost: number;
    const pairs = this.pairs;
    const c = pairs.cell(i, j);
    const capS = pairs.capSource[i];
    const capT = pairs.capTarget[j];
    const cov = c < 0 ? 0 : Math.min(pairs.excessSource[c], capS) + Math.min(pairs.excessTarget[c], capT);
    const sim = capS + capT > 0 ? cov / (capS + capT) : 0;
    const lc = lengthCost(this.srcLength[i], this.tgtLength[j], this.ratio);
    this.lastSim = sim;
    this.lastLengthCost = lc;
    cost = this.lexicalWeight * (1 - sim) + p.length * Math.min(lc, 10) + this.penalty[5];
    // Two sentences that leave each other uncovered, where the lexicon normally covers most of
    // a sentence, are an omission beside an addition rather than a pair.
    if (this.pairGap > 0) {
      // Both must be uncovered: a poor translation still covers its source in one direction.
      const gapS = capS > 0 && this.srcWeight[i] >= this.memberMinWeight ? Math.max(0, this.memberFloor - (c < 0 ? 0 : Math.min(pairs.excessSource[c], capS)) / capS) : 0;
      const gapT = capT > 0 && this.tgtWeight[j] >= this.memberMinWeight ? Math.max(0, this.memberFloor - (c < 0 ? 0 : Math.min(pairs.excessTarget[c], capT)) / capT) : 0;
      cost += this.pairGap * 2 * Math.min(gapS, gapT);
    }
    if (this.srcEnds && this.tgtEnds && this.srcEnds[i] !== this.tgtEnds[j]) cost += p.paragraphEdge;
    return cost;
  }

  /** Cost of a link with more than one sentence on a side. */
  costMulti(i: number, j: number, a: number, b: number): number {
    const p = this.params;
    let cost: number;
    const pairs = this.pairs;
    const exS = pairs.excessSource;
    const exT = pairs.excessTarget;
    let covS = 0;
    let weightS = 0;
    let charsS = 0;
    let charsT = 0;
    const colT0 = pairs.capTarget[j];
    const colT1 = b > 1 ? pairs.capTarget[j + 1] : 0;
    const colT2 = b > 2 ? pairs.capTarget[j + 2] : 0;
    let sumT0 = 0;
    let sumT1 = 0;
    let sumT2 = 0;
    let gap = 0;
    for (let x = i; x < i + a; x++) {
      const base = pairs.rowBase(x);
      const c0 = j - pairs.rowStart(x);
      const w = pairs.rowWidth(x);
      let c = 0;
      for (let d = 0; d < b; d++) {
        const col = c0 + d;
        if (col < 0 || col >= w) continue;
        c += exS[base + col];
        const e = exT[base + col];
        if (d === 0) sumT0 += e;
        else if (d === 1) sumT1 += e;
        else sumT2 += e;
      }
      const cap = pairs.capSource[x];
      if (cap > 0 && this.srcWeight[x] >= this.memberMinWeight) gap += Math.max(0, this.memberFloor - Math.min(c, cap) / cap);
      covS += Math.min(c, cap);
      weightS += cap;
      charsS += this.srcLength[x];
    }
    const covT = Math.min(sumT0, colT0) + (b > 1 ? Math.min(sumT1, colT1) : 0) + (b > 2 ? Math.min(sumT2, colT2) : 0);
    const weightT = colT0 + colT1 + colT2;
    for (let y = j; y < j + b; y++) charsT += this.tgtLength[y];
    const sim = weightS + weightT > 0 ? (covS + covT) / (weightS + weightT) : 0;
    const lc = lengthCost(charsS, charsT, this.ratio);
    this.lastSim = sim;
    this.lastLengthCost = lc;
    cost = ((a + b) / 2) * (this.lexicalWeight * (1 - sim) + p.length * Math.min(lc, 10)) + this.penalty[a * 4 + b];
    if (this.memberGap > 0) {
      // Short fragments are exempt: a free translation folds "No answer." or "THE AUTHOR."
      // into its neighbour's sentence, and their few words say little either way.
      const tw = this.tgtWeight;
      const mw = this.memberMinWeight;
      if (colT0 > 0 && tw[j] >= mw) gap += Math.max(0, this.memberFloor - Math.min(sumT0, colT0) / colT0);
      if (colT1 > 0 && tw[j + 1] >= mw) gap += Math.max(0, this.memberFloor - Math.min(sumT1, colT1) / colT1);
      if (colT2 > 0 && tw[j + 2] >= mw) gap += Math.max(0, this.memberFloor - Math.min(sumT2, colT2) / colT2);
      cost += this.memberGap * gap;
    }
    if (this.srcCrossings && a > 1) cost += (this.srcCrossings[i + a - 1] - this.srcCrossings[i]) * p.paragraphCross;
    if (this.tgtCrossings && b > 1) cost += (this.tgtCrossings[j + b - 1] - this.tgtCrossings[j]) * p.paragraphCross;
    if (this.srcChrome || this.tgtChrome) {
      const chromeS = this.srcChrome ? this.srcChrome[i + a] - this.srcChrome[i] : 0;
      const chromeT = this.tgtChrome ? this.tgtChrome[j + b] - this.tgtChrome[j] : 0;
      // Only chrome joined to text on its own side: a label may have a translation of its own
      // ("Alle Rechte vorbehalten." / "Tous droits réservés.", which a list for two languages misses).
      if ((chromeS > 0 && chromeS < a) || (chromeT > 0 && chromeT < b)) cost += CHROME_LINK;
    }
    if (a > 0 && b > 0 && this.srcEnds && this.tgtEnds && this.srcEnds[i + a - 1] !== this.tgtEnds[j + b - 1]) cost += p.paragraphEdge;
    return cost;
  }
}

function prefixCounts(flags: Uint8Array): Int32Array {
  const out = new Int32Array(flags.length + 1);
  for (let k = 0; k < flags.length; k++) out[k + 1] = out[k] + flags[k];
  return out;
}

function prefixSums(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let k = 0; k < values.length; k++) out[k + 1] = out[k] + values[k];
  return out;
}

/** crossings[x]: paragraph boundaries between units 0..x (so [i, i+a) crosses crossings[i+a-1] - crossings[i]). */
function crossingCounts(paragraphs: number[]): Int32Array {
  const out = new Int32Array(paragraphs.length);
  for (let x = 1; x < paragraphs.length; x++) out[x] = out[x - 1] + (paragraphs[x] !== paragraphs[x - 1] ? 1 : 0);
  return out;
}

function paragraphEndFlags(paragraphs: number[]): Uint8Array {
  return Uint8Array.from(paragraphs, (p, x) => (x === paragraphs.length - 1 || paragraphs[x + 1] !== p ? 1 : 0));
}

export function fullBand(n: number, m: number): Band {
  return { lo: new Int32Array(n + 1).fill(0), hi: new Int32Array(n + 1).fill(m) };
}

/**
 * The forward pass of the search: cost[] and back[] of every cell of the band, row by row
 * (its own function, so that it is compiled on its own, small, in a short document's cold run).
 */
function fillCosts(scorer: LinkScorer, band: Band, offset: Int32Array, cost: Float64Array, back: Uint8Array, penalties: Float64Array, n: number): void {
  // The eight link types unrolled, in LINK_TYPES order (ties go to the earlier type): each
  // looks up the cell its link starts from in row i - a, column j - b, if the band holds it.
  const bandLo = band.lo;
  const bandHi = band.hi;
  const p11 = penalties[0];
  const p12 = penalties[3];
  const p21 = penalties[4];
  const p22 = penalties[5];
  const p13 = penalties[6];
  const p31 = penalties[7];
  for (let i = 0; i <= n; i++) {
    const lo = bandLo[i];
    const hi = bandHi[i];
    // Rows i-1, i-2, i-3: their first column and their offset (-1: no such row).
    const lo1 = i >= 1 ? bandLo[i - 1] : 0;
    const hi1 = i >= 1 ? bandHi[i - 1] : -1;
    const base1 = i >= 1 ? offset[i - 1] - lo1 : 0;
    const lo2 = i >= 2 ? bandLo[i - 2] : 0;
    const hi2 = i >= 2 ? bandHi[i - 2] : -1;
    const base2 = i >= 2 ? offset[i - 2] - lo2 : 0;
    const lo3 = i >= 3 ? bandLo[i - 3] : 0;
    const hi3 = i >= 3 ? bandHi[i - 3] : -1;
    const base3 = i >= 3 ? offset[i - 3] - lo3 : 0;
    const base0 = offset[i] - lo;
    for (let j = lo; j <= hi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestType = 0;
      let before: number;
      let c: number;
      // 1-1
      if (j >= 1 && j - 1 >= lo1 && j - 1 <= hi1) {
        before = cost[base1 + j - 1];
        if (before !== Infinity && before + p11 < best) {
          c = before + scorer.costPair(i - 1, j - 1);
          if (c < best) { best = c; bestType = 0; }
        }
      }
      // 1-0
      if (j >= lo1 && j <= hi1) {
        before = cost[base1 + j];
        if (before !== Infinity) {
          c = before + scorer.skipCostSource(i - 1);
          if (c < best) { best = c; bestType = 1; }
        }
      }
      // 0-1
      if (j >= 1 && j - 1 >= lo) {
        before = cost[base0 + j - 1];
        if (before !== Infinity) {
          c = before + scorer.skipCostTarget(j - 1);
          if (c < best) { best = c; bestType = 2; }
        }
      }
      // Every term of a link's cost is ≥ 0 beyond its type penalty and length cost: a link
      // that cannot beat the best so far even with perfect similarity is not scored (the
      // penalty alone is the cheaper test).
      // 1-2
      if (j >= 2 && j - 2 >= lo1 && j - 2 <= hi1) {
        before = cost[base1 + j - 2];
        if (before !== Infinity && before + p12 < best && before + scorer.lowerBound(i - 1, j - 2, 1, 2) < best) {
          c = before + scorer.costMulti(i - 1, j - 2, 1, 2);
          if (c < best) { best = c; bestType = 3; }
        }
      }
      // 2-1
      if (j >= 1 && j - 1 >= lo2 && j - 1 <= hi2) {
        before = cost[base2 + j - 1];
        if (before !== Infinity && before + p21 < best && before + scorer.lowerBound(i - 2, j - 1, 2, 1) < best) {
          c = before + scorer.costMulti(i - 2, j - 1, 2, 1);
          if (c < best) { best = c; bestType = 4; }
        }
      }
      // 2-2
      if (j >= 2 && j - 2 >= lo2 && j - 2 <= hi2) {
        before = cost[base2 + j - 2];
        if (before !== Infinity && before + p22 < best && before + scorer.lowerBound(i - 2, j - 2, 2, 2) < best) {
          c = before + scorer.costMulti(i - 2, j - 2, 2, 2);
          if (c < best) { best = c; bestType = 5; }
        }
      }
      // 1-3
      if (j >= 3 && j - 3 >= lo1 && j - 3 <= hi1) {
        before = cost[base1 + j - 3];
        if (before !== Infinity && before + p13 < best && before + scorer.lowerBound(i - 1, j - 3, 1, 3) < best) {
          c = before + scorer.costMulti(i - 1, j - 3, 1, 3);
          if (c < best) { best = c; bestType = 6; }
        }
      }
      // 3-1
      if (j >= 1 && j - 1 >= lo3 && j - 1 <= hi3) {
        before = cost[base3 + j - 1];
        if (before !== Infinity && before + p31 < best && before + scorer.lowerBound(i - 3, j - 1, 3, 1) < best) {
          c = before + scorer.costMulti(i - 3, j - 1, 3, 1);
          if (c < best) { best = c; bestType = 7; }
        }
      }
      cost[base0 + j] = best;
      back[base0 + j] = bestType;
    }
  }
}

/**
 * Minimum-cost path through the band; links in document order. The pair table (and with it
 * each sentence's chance level) covers `tableBand`, which may be wider than the band searched.
 */
export function searchBand(src: Side, tgt: Side, band: Band, params: ScoreParams, tableBand: Band = band): RawLink[] {
  const n = src.units.length;
  const m = tgt.units.length;
  const scorer = new LinkScorer(src, tgt, tableBand, params);
  const penalties = Float64Array.from(LINK_TYPES, ([a, b]) => scorer.penalty[a * 4 + b]);
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i] + (band.hi[i] - band.lo[i] + 1);
  const cost = new Float64Array(offset[n + 1]).fill(Infinity);
  const back = new Uint8Array(offset[n + 1]);
  const at = (i: number, j: number) => (j < band.lo[i] || j > band.hi[i] ? -1 : offset[i] + j - band.lo[i]);
  cost[at(0, 0)] = 0;
  fillCosts(scorer, band, offset, cost, back, penalties, n);
  if (at(n, m) < 0 || cost[at(n, m)] === Infinity) throw new Error("alignment band does not reach the end");
  const links: RawLink[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [a, b] = LINK_TYPES[back[at(i, j)]];
    const c = scorer.cost(i - a, j - b, a, b);
    links.push({ i: i - a, j: j - b, a, b, cost: c, sim: scorer.lastSim, lengthCost: scorer.lastLengthCost, leak: 0, shortfall: scorer.shortfall(i - a, j - b, a, b), trust: scorer.trust });
    i -= a;
    j -= b;
  }
  links.reverse();
  links.forEach((link, k) => {
    if (link.a === 0 || link.b === 0) return;
    for (const next of [links[k - 1], links[k + 1]]) {
      if (!next) continue;
      if (next.b > 0) { scorer.cost(link.i, next.j, link.a, next.b); link.leak = Math.max(link.leak, scorer.lastSim); }
      if (next.a > 0) { scorer.cost(next.i, link.j, next.a, link.b); link.leak = Math.max(link.leak, scorer.lastSim); }
    }
  });
  return links;
}

/** Cells per level above which the search first aligns blocks of sentences. */
export const FULL_SEARCH_CELLS = 250_000;
const BLOCK = 8;
/** Tokens of a typical sentence: the yardstick of FULL_SEARCH_CELLS. */
const TOKENS_PER_SENTENCE = 25;
// Block boundaries rarely match across sides: a coarse path can be a whole block off.
const MARGIN = BLOCK + 4;

/** Band around a coarse path: each coarse link's rectangle at the fine level, widened by MARGIN. */
export function bandAround(coarse: RawLink[], factor: number, n: number, m: number, margin = MARGIN): Band {
  const rlo = new Int32Array(n + 1).fill(m);
  const rhi = new Int32Array(n + 1).fill(0);
  for (const l of coarse) {
    const r0 = Math.min(n, l.i * factor);
    const r1 = Math.min(n, (l.i + l.a) * factor);
    const c0 = Math.min(m, l.j * factor);
    const c1 = Math.min(m, (l.j + l.b) * factor);
    for (let r = r0; r <= r1; r++) { rlo[r] = Math.min(rlo[r], c0); rhi[r] = Math.max(rhi[r], c1); }
  }
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let r = 0; r <= n; r++) {
    let a = m;
    let b = 0;
    for (let d = Math.max(0, r - margin); d <= Math.min(n, r + margin); d++) { a = Math.min(a, rlo[d]); b = Math.max(b, rhi[d]); }
    lo[r] = Math.max(0, a - margin);
    hi[r] = Math.min(m, b + margin);
  }
  lo[0] = 0;
  hi[n] = m;
  return { lo, hi };
}

/**
 * Blocks of many sentences cover each other's words almost completely, so similarity stops
 * telling neighbours apart there; what keeps the coarse path right is that a whole block is
 * rarely left out. Skipping is made dear; paragraphs are unknown at block level.
 */
function coarseParams(params: ScoreParams): ScoreParams {
  // Rows of a few blocks have no "typical non-partner" to measure chance against: the signal
  // check would switch similarity off there and leave long documents to length alone.
  // Blocks always cover each other well: missing coverage is no evidence of omission there.
  return { ...params, skip: params.skip * 4, paragraphCross: 0, paragraphEdge: 0, checkSignal: false, memberGap: 0, pairGap: 0 };
}

function fitsFullSearch(src: Side, tgt: Side, fullSearchCells: number): boolean {
  const n = src.units.length;
  const m = tgt.units.length;
  // The pair table costs cells × tokens per unit: blocks of sentences get a smaller full search.
  const tokens = (u: Unit[]) => u.reduce((x, v) => x + v.weights.length, 0) / Math.max(1, u.length);
  const blockScale = Math.max(1, (tokens(src.units) + tokens(tgt.units)) / 2 / TOKENS_PER_SENTENCE);
  return (n + 1) * (m + 1) * blockScale <= fullSearchCells || n < 2 * BLOCK || m < 2 * BLOCK;
}

/** How far (in sentences) a second pass may move a link of the first. */
export const GUIDE_MARGIN = 8;

/**
 * Aligns two sides of any size: full search when small, coarse-to-fine otherwise. With a
 * `guide` (the first pass's links), a small document is searched only near the guide, but
 * chance levels are still measured over the whole matrix, so the scores stay those of a full search.
 */
export function searchMultiResolution(src: Side, tgt: Side, params: ScoreParams, fullSearchCells = FULL_SEARCH_CELLS, guide?: RawLink[]): RawLink[] {
  const n = src.units.length;
  const m = tgt.units.length;
  if (fitsFullSearch(src, tgt, fullSearchCells)) {
    if (guide) return searchBand(src, tgt, bandAround(guide, 1, n, m, GUIDE_MARGIN), params, fullBand(n, m));
    return searchBand(src, tgt, fullBand(n, m), params);
  }
  const coarseSrc: Side = { units: mergeUnits(src.units, BLOCK), paragraphs: null };
  const coarseTgt: Side = { units: mergeUnits(tgt.units, BLOCK), paragraphs: null };
  const coarse = searchMultiResolution(coarseSrc, coarseTgt, coarseParams(params), fullSearchCells);
  return searchBand(src, tgt, bandAround(coarse, BLOCK, n, m), params);
}
