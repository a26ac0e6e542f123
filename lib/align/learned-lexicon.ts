// A translation table learned from the document itself: IBM Model 1 (EM over word
// co-occurrence in aligned sentence pairs) trained on the first pass's links. It gives
// every language pair a lexicon, including pairs the shipped dictionary does not cover.

export interface LearnedLexicon {
  /** Likely translations of a source word form (folded), best first. */
  forward: Map<string, string[]>;
  /** Likely translations of a target word form. */
  backward: Map<string, string[]>;
}

const ITERATIONS = 5;
const MIN_PROBABILITY = 0.25;
const MIN_COUNT = 2;
const MAX_TRANSLATIONS = 3;

/**
 * Co-occurrence structure shared by both directions: every (source word, target word) cell of
 * every pair is a slot into one parameter array. Words seen in fewer than MIN_COUNT pairs
 * cannot reach MIN_COUNT in the table, and leaving them out keeps the table small.
 */
interface Cooccurrence {
  fromWords: string[];
  toWords: string[];
  /** Forward groups: per pair, per target word, the slots of its row (over the pair's source words). */
  forward: Groups;
  /** Backward groups: per pair, per source word, the slots of its column (over the pair's target words). */
  backward: Groups;
  slotFrom: Int32Array;
  slotTo: Int32Array;
}

/** Flat lists of slots: group g is the word word[g] with slots[start[g] .. start[g + 1]). */
interface Groups { word: Int32Array; start: Int32Array; slots: Int32Array }

function cooccurrence(pairs: Array<[string[], string[]]>): Cooccurrence {
  const count = (side: 0 | 1) => {
    const c = new Map<string, number>();
    for (const pair of pairs) for (const w of new Set(pair[side])) c.set(w, (c.get(w) ?? 0) + 1);
    return c;
  };
  const ids = (counts: Map<string, number>) => {
    const m = new Map<string, number>();
    for (const [w, c] of counts) if (c >= MIN_COUNT) m.set(w, m.size);
    return m;
  };
  const fromIds = ids(count(0));
  const toIds = ids(count(1));
  const known = (m: Map<string, number>, words: string[]) => {
    const out = new Set<number>();
    for (const w of words) { const id = m.get(w); if (id !== undefined) out.add(id); }
    return Int32Array.from(out);
  };
  const sides = pairs.map(([from, to]) => ({ es: known(fromIds, from), fs: known(toIds, to) }));
  let cells = 0;
  let rows = 0;
  let columns = 0;
  for (const { es, fs } of sides) { cells += es.length * fs.length; rows += fs.length; columns += es.length; }
  const forward: Groups = { word: new Int32Array(rows), start: new Int32Array(rows + 1), slots: new Int32Array(cells) };
  const backward: Groups = { word: new Int32Array(columns), start: new Int32Array(columns + 1), slots: new Int32Array(cells) };
  // (e, f) -> slot in an open-addressing table sized for every cell: a Map over a million
  // number keys cost more than EM itself.
  const slots = new SlotTable(cells);
  const slotFrom: number[] = [];
  const slotTo: number[] = [];
  let row = 0;
  let column = 0;
  let at = 0;
  for (const { es, fs } of sides) {
    const base = at;
    for (let l = 0; l < fs.length; l++) {
      forward.word[row] = fs[l];
      forward.start[row++] = at;
      for (let k = 0; k < es.length; k++) {
        const slot = slots.slotOf(es[k], fs[l], slotFrom.length);
        if (slot === slotFrom.length) { slotFrom.push(es[k]); slotTo.push(fs[l]); }
        forward.slots[at++] = slot;
      }
    }
    // The same cells column by column.
    let to = base;
    for (let k = 0; k < es.length; k++) {
      backward.word[column] = es[k];
      backward.start[column++] = to;
      for (let l = 0; l < fs.length; l++) backward.slots[to++] = forward.slots[base + l * es.length + k];
    }
  }
  forward.start[rows] = at;
  backward.start[columns] = at;
  return { fromWords: [...fromIds.keys()], toWords: [...toIds.keys()], forward, backward, slotFrom: Int32Array.from(slotFrom), slotTo: Int32Array.from(slotTo) };
}

/**
 * Open-addressing hash from (e, f) word-id pairs to slots: each entry is three Int32s
 * (e, f, slot) side by side, so a probe touches one cache line.
 */
class SlotTable {
  private entries: Int32Array;
  private mask: number;
  /** Room for `expected` pairs at most half full, so that it never grows. */
  constructor(expected: number) {
    let capacity = 1 << 12;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.entries = new Int32Array(capacity * 3).fill(-1);
  }
  /** The slot of (e, f), assigning `next` when the pair is new. */
  slotOf(e: number, f: number, next: number): number {
    const entries = this.entries;
    let h = (Math.imul(e, 0x9e3779b1) ^ Math.imul(f, 0x85ebca6b)) & this.mask;
    for (;;) {
      const at = h * 3;
      const key = entries[at];
      if (key === -1) {
        entries[at] = e;
        entries[at + 1] = f;
        entries[at + 2] = next;
        return next;
      }
      if (key === e && entries[at + 1] === f) return entries[at + 2];
      h = (h + 1) & this.mask;
    }
  }
}

/**
 * t(f | e) by EM (IBM Model 1 with a NULL word on the e side), in one direction over the
 * shared slots: `forward` reads the pairs as (source e, target f), otherwise as (target e,
 * source f). Returns the probability per slot.
 */
function trainModel1(co: Cooccurrence, forward: boolean): Float64Array {
  const slotCount = co.slotFrom.length;
  const eOfSlot = forward ? co.slotFrom : co.slotTo;
  const eCount = forward ? co.fromWords.length : co.toWords.length;
  const fCount = forward ? co.toWords.length : co.fromWords.length;
  // Forward, each target word f spreads over the source words of its pair; backward, the reverse.
  const { word, start, slots } = forward ? co.forward : co.backward;
  const groups = word.length;
  const t = new Float64Array(slotCount).fill(1);
  const tNull = new Float64Array(fCount).fill(1);
  const counts = new Float64Array(slotCount);
  const countsNull = new Float64Array(fCount);
  const totals = new Float64Array(eCount);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    counts.fill(0);
    countsNull.fill(0);
    for (let g = 0; g < groups; g++) {
      const f = word[g];
      const from = start[g];
      const to = start[g + 1];
      let z = tNull[f];
      for (let p = from; p < to; p++) z += t[slots[p]];
      countsNull[f] += tNull[f] / z;
      for (let p = from; p < to; p++) {
        const s = slots[p];
        counts[s] += t[s] / z;
      }
    }
    totals.fill(0);
    for (let s = 0; s < slotCount; s++) totals[eOfSlot[s]] += counts[s];
    for (let s = 0; s < slotCount; s++) t[s] = totals[eOfSlot[s]] > 0 ? counts[s] / totals[eOfSlot[s]] : 0;
    let nullTotal = 0;
    for (let f = 0; f < fCount; f++) nullTotal += countsNull[f];
    for (let f = 0; f < fCount; f++) tNull[f] = nullTotal > 0 ? countsNull[f] / nullTotal : 0;
  }
  return t;
}

function table(co: Cooccurrence, forward: boolean): Map<string, string[]> {
  const t = trainModel1(co, forward);
  const eWords = forward ? co.fromWords : co.toWords;
  const fWords = forward ? co.toWords : co.fromWords;
  const eOfSlot = forward ? co.slotFrom : co.slotTo;
  const fOfSlot = forward ? co.slotTo : co.slotFrom;
  const rows = new Map<number, Array<[number, number]>>();
  for (let s = 0; s < t.length; s++) {
    if (t[s] < MIN_PROBABILITY) continue;
    let row = rows.get(eOfSlot[s]);
    if (!row) rows.set(eOfSlot[s], (row = []));
    row.push([fOfSlot[s], t[s]]);
  }
  const out = new Map<string, string[]>();
  for (const [e, row] of rows) out.set(eWords[e], row.sort((x, y) => y[1] - x[1]).slice(0, MAX_TRANSLATIONS).map(([f]) => fWords[f]));
  return out;
}

/** `pairs`: word forms of the source and target side of each confident link. */
export function learnLexicon(pairs: Array<[string[], string[]]>): LearnedLexicon {
  const co = cooccurrence(pairs);
  return { forward: table(co, true), backward: table(co, false) };
}
