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
  /** Drop similarity where it tells nothing (sentence level only; see LinkScorer.hasLexicalSignal). */
  checkSignal?: boolean;
}

export interface Side {
  units: Unit[];
  /** Paragraph index per unit, or null when unknown. */
  paragraphs: number[] | null;
}

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
}

/** Pairwise covered weights near the band, so that multi-sentence links reuse them. */
class PairTable {
  private start: Int32Array;
  private width: Int32Array;
  private rowOffset: Int32Array;
  private cs: Float32Array;
  private ct: Float32Array;
  constructor(src: Unit[], tgt: Unit[], band: Band) {
    const n = src.length;
    this.start = new Int32Array(n);
    this.width = new Int32Array(n);
    this.rowOffset = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      // Sentence i takes part in links ending at rows i+1..i+3, columns up to 3 back.
      let lo = Infinity;
      let hi = -Infinity;
      for (let r = i + 1; r <= Math.min(n, i + 3); r++) { lo = Math.min(lo, band.lo[r]); hi = Math.max(hi, band.hi[r]); }
      lo = Math.max(0, lo - 3);
      hi = Math.min(tgt.length - 1, hi - 1);
      this.start[i] = lo;
      this.width[i] = Math.max(0, hi - lo + 1);
      this.rowOffset[i + 1] = this.rowOffset[i] + this.width[i];
    }
    this.cs = new Float32Array(this.rowOffset[n]);
    this.ct = new Float32Array(this.rowOffset[n]);
    // Stamping one unit's own keys into an array makes each probe an O(1) lookup.
    let keyCount = 0;
    for (const u of [...src, ...tgt]) {
      for (const k of u.own) keyCount = Math.max(keyCount, k + 1);
      for (const k of u.probes) keyCount = Math.max(keyCount, k + 1);
    }
    const stamp = new Int32Array(keyCount).fill(-1);
    for (let i = 0; i < n; i++) {
      for (const k of src[i].own) stamp[k] = i;
      for (let c = 0; c < this.width[i]; c++) this.ct[this.rowOffset[i] + c] = stampedCover(tgt[this.start[i] + c], stamp, i);
    }
    const rowsOfColumn: number[][] = tgt.map(() => []);
    for (let i = 0; i < n; i++) for (let c = 0; c < this.width[i]; c++) rowsOfColumn[this.start[i] + c].push(i);
    stamp.fill(-1);
    for (let j = 0; j < tgt.length; j++) {
      for (const k of tgt[j].own) stamp[k] = j;
      for (const i of rowsOfColumn[j]) this.cs[this.rowOffset[i] + j - this.start[i]] = stampedCover(src[i], stamp, j);
    }
  }
  /**
   * Chance coverage: the typical (80th-percentile) weight of a unit that the units near it on the other side
   * cover (mostly non-partners). Topic words and function words match everywhere; only
   * coverage above this level is evidence. It also stops a link from gaining similarity just
   * by taking in more sentences (Vecalign normalises its cosine cost for the same reason).
   */
  backgroundSource!: Float32Array;
  backgroundTarget!: Float32Array;

  computeBackground(targetCount: number): void {
    const n = this.width.length;
    this.backgroundSource = new Float32Array(n);
    const columns: number[][] = Array.from({ length: targetCount }, () => []);
    for (let i = 0; i < n; i++) {
      const row: number[] = [];
      for (let c = 0; c < this.width[i]; c++) {
        row.push(this.cs[this.rowOffset[i] + c]);
        columns[this.start[i] + c].push(this.ct[this.rowOffset[i] + c]);
      }
      this.backgroundSource[i] = chanceLevel(row);
    }
    this.backgroundTarget = Float32Array.from(columns, chanceLevel);
  }

  bestSource(i: number): number {
    let top = 0;
    for (let c = 0; c < this.width[i]; c++) top = Math.max(top, this.cs[this.rowOffset[i] + c]);
    return top;
  }

  source(i: number, j: number): number {
    const c = j - this.start[i];
    return c >= 0 && c < this.width[i] ? this.cs[this.rowOffset[i] + c] : 0;
  }
  target(i: number, j: number): number {
    const c = j - this.start[i];
    return c >= 0 && c < this.width[i] ? this.ct[this.rowOffset[i] + c] : 0;
  }
}

/** Partners are few per row: the 80th percentile of a row is still a non-partner's coverage (fitted on dev: .5 -> .825, .8 -> .832 strict F1). */
const BACKGROUND_QUANTILE = 0.8;

function chanceLevel(values: number[]): number {
  if (values.length < 3) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * BACKGROUND_QUANTILE)];
}

/** Weight of the tokens of `unit` with a probe key stamped `mark`. */
function stampedCover(unit: Unit, stamp: Int32Array, mark: number): number {
  let covered = 0;
  for (let k = 0; k < unit.weights.length; k++) {
    for (let p = unit.probeStart[k]; p < unit.probeStart[k + 1]; p++) {
      if (stamp[unit.probes[p]] === mark) { covered += unit.weights[k]; break; }
    }
  }
  return covered;
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
  private penalty = new Float64Array(16);
  constructor(private src: Side, private tgt: Side, band: Band, private params: ScoreParams) {
    for (const [a, b] of LINK_TYPES) this.penalty[a * 4 + b] = params.typePenalty[`${a}-${b}`] ?? 0;
    this.pairs = new PairTable(src.units, tgt.units, band);
    this.pairs.computeBackground(tgt.units.length);
    this.lexicalWeight = params.checkSignal === false || this.hasLexicalSignal(src.units) ? params.lexical : 0;
    const s = src.units.reduce((n, u) => n + u.length, 0);
    const t = tgt.units.reduce((n, u) => n + u.length, 0);
    this.ratio = s > 0 && t > 0 ? t / s : 1;
  }

  private lexicalWeight: number;

  /**
   * Whether similarity tells partners apart at all here: in half of the rows the best pair
   * must cover some weight above chance. Chinese against English (no shared script, no
   * dictionary) has none, and then (1 - similarity) would only charge every sentence the same
   * and make skipping cheaper than linking; length alone decides instead (Gale–Church).
   */
  private hasLexicalSignal(units: Unit[]): boolean {
    const best: number[] = [];
    for (let i = 0; i < units.length; i++) {
      let top: number;
      const bg = this.pairs.backgroundSource[i];
      top = this.pairs.bestSource(i) - bg;
      best.push(units[i].totalWeight > 0 ? top / units[i].totalWeight : 0);
    }
    best.sort((x, y) => x - y);
    return (best[best.length >> 1] ?? 0) >= MIN_LEXICAL_SIGNAL;
  }

  /** Similarity and length cost of the last `cost` call (kept in fields: no allocation per call). */
  lastSim = 0;
  lastLengthCost = 0;

  /** Cost of the link of source units [i, i+a) and target units [j, j+b). */
  cost(i: number, j: number, a: number, b: number): number {
    const p = this.params;
    let cost = 0;
    this.lastSim = 0;
    this.lastLengthCost = 0;
    if (a === 0 || b === 0) {
      cost = p.skip;
    } else {
      let covS = 0;
      let weightS = 0;
      let charsS = 0;
      for (let x = i; x < i + a; x++) {
        const u = this.src.units[x];
        const bg = Math.min(this.pairs.backgroundSource[x], u.totalWeight * 0.9);
        let c = 0;
        for (let y = j; y < j + b; y++) c += Math.max(0, this.pairs.source(x, y) - bg);
        covS += Math.min(c, u.totalWeight - bg);
        weightS += u.totalWeight - bg;
        charsS += u.length;
      }
      let covT = 0;
      let weightT = 0;
      let charsT = 0;
      for (let y = j; y < j + b; y++) {
        const u = this.tgt.units[y];
        const bg = Math.min(this.pairs.backgroundTarget[y], u.totalWeight * 0.9);
        let c = 0;
        for (let x = i; x < i + a; x++) c += Math.max(0, this.pairs.target(x, y) - bg);
        covT += Math.min(c, u.totalWeight - bg);
        weightT += u.totalWeight - bg;
        charsT += u.length;
      }
      const sim = weightS + weightT > 0 ? (covS + covT) / (weightS + weightT) : 0;
      const lc = lengthCost(charsS, charsT, this.ratio);
      this.lastSim = sim;
      this.lastLengthCost = lc;
      cost = ((a + b) / 2) * (this.lexicalWeight * (1 - sim) + p.length * Math.min(lc, 10)) + this.penalty[a * 4 + b];
    }
    if (this.src.paragraphs) cost += this.paragraphCost(this.src.paragraphs, i, a);
    if (this.tgt.paragraphs) cost += this.paragraphCost(this.tgt.paragraphs, j, b);
    if (a > 0 && b > 0 && this.src.paragraphs && this.tgt.paragraphs) {
      const endsS = paragraphEnds(this.src.paragraphs, i + a - 1);
      const endsT = paragraphEnds(this.tgt.paragraphs, j + b - 1);
      if (endsS !== endsT) cost += p.paragraphEdge;
    }
    return cost;
  }

  private paragraphCost(paragraphs: number[], start: number, count: number): number {
    if (count < 2) return 0;
    let crossings = 0;
    for (let x = start + 1; x < start + count; x++) if (paragraphs[x] !== paragraphs[x - 1]) crossings++;
    return crossings * this.params.paragraphCross;
  }
}

function paragraphEnds(paragraphs: number[], index: number): boolean {
  return index === paragraphs.length - 1 || paragraphs[index + 1] !== paragraphs[index];
}

export function fullBand(n: number, m: number): Band {
  return { lo: new Int32Array(n + 1).fill(0), hi: new Int32Array(n + 1).fill(m) };
}

/** Minimum-cost path through the band; links in document order. */
export function searchBand(src: Side, tgt: Side, band: Band, params: ScoreParams): RawLink[] {
  const n = src.units.length;
  const m = tgt.units.length;
  const scorer = new LinkScorer(src, tgt, band, params);
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i] + (band.hi[i] - band.lo[i] + 1);
  const cost = new Float64Array(offset[n + 1]).fill(Infinity);
  const back = new Uint8Array(offset[n + 1]);
  const at = (i: number, j: number) => (j < band.lo[i] || j > band.hi[i] ? -1 : offset[i] + j - band.lo[i]);
  cost[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = band.lo[i]; j <= band.hi[i]; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestType = 0;
      for (let t = 0; t < LINK_TYPES.length; t++) {
        const [a, b] = LINK_TYPES[t];
        if (a > i || b > j) continue;
        const prev = at(i - a, j - b);
        if (prev < 0 || cost[prev] === Infinity) continue;
        const c = cost[prev] + scorer.cost(i - a, j - b, a, b);
        if (c < best) { best = c; bestType = t; }
      }
      const here = at(i, j);
      cost[here] = best;
      back[here] = bestType;
    }
  }
  if (at(n, m) < 0 || cost[at(n, m)] === Infinity) throw new Error("alignment band does not reach the end");
  const links: RawLink[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [a, b] = LINK_TYPES[back[at(i, j)]];
    const c = scorer.cost(i - a, j - b, a, b);
    links.push({ i: i - a, j: j - b, a, b, cost: c, sim: scorer.lastSim, lengthCost: scorer.lastLengthCost });
    i -= a;
    j -= b;
  }
  return links.reverse();
}

/** Cells per level above which the search first aligns blocks of sentences. */
export const FULL_SEARCH_CELLS = 250_000;
const BLOCK = 8;
/** Tokens of a typical sentence: the yardstick of FULL_SEARCH_CELLS. */
const TOKENS_PER_SENTENCE = 25;
// Block boundaries rarely match across sides: a coarse path can be a whole block off.
const MARGIN = BLOCK + 4;

/** Band around a coarse path: each coarse link's rectangle at the fine level, widened by MARGIN. */
export function bandAround(coarse: RawLink[], factor: number, n: number, m: number): Band {
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
    for (let d = Math.max(0, r - MARGIN); d <= Math.min(n, r + MARGIN); d++) { a = Math.min(a, rlo[d]); b = Math.max(b, rhi[d]); }
    lo[r] = Math.max(0, a - MARGIN);
    hi[r] = Math.min(m, b + MARGIN);
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
  return { ...params, skip: params.skip * 4, paragraphCross: 0, paragraphEdge: 0, checkSignal: false };
}

/** Aligns two sides of any size: full search when small, coarse-to-fine otherwise. */
export function searchMultiResolution(src: Side, tgt: Side, params: ScoreParams, fullSearchCells = FULL_SEARCH_CELLS): RawLink[] {
  const n = src.units.length;
  const m = tgt.units.length;
  // The pair table costs cells × tokens per unit: blocks of sentences get a smaller full search.
  const tokens = (u: Unit[]) => u.reduce((x, v) => x + v.weights.length, 0) / Math.max(1, u.length);
  const blockScale = Math.max(1, (tokens(src.units) + tokens(tgt.units)) / 2 / TOKENS_PER_SENTENCE);
  if ((n + 1) * (m + 1) * blockScale <= fullSearchCells || n < 2 * BLOCK || m < 2 * BLOCK) {
    return searchBand(src, tgt, fullBand(n, m), params);
  }
  const coarseSrc: Side = { units: mergeUnits(src.units, BLOCK), paragraphs: null };
  const coarseTgt: Side = { units: mergeUnits(tgt.units, BLOCK), paragraphs: null };
  const coarse = searchMultiResolution(coarseSrc, coarseTgt, coarseParams(params), fullSearchCells);
  return searchBand(src, tgt, bandAround(coarse, BLOCK, n, m), params);
}
