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
const NULL_WORD = "\u0000";

/**
 * t(f | e) by EM, for e in `from`, f in `to`. Every co-occurring (e, f) gets one slot in a
 * flat array and every pair a precomputed slot matrix, so an iteration is array arithmetic.
 */
function trainModel1(pairs: Array<[string[], string[]]>): Map<string, Map<string, number>> {
  const fromIds = new Map<string, number>([[NULL_WORD, 0]]);
  const toIds = new Map<string, number>();
  const intern = (m: Map<string, number>, w: string) => { let id = m.get(w); if (id === undefined) m.set(w, (id = m.size)); return id; };
  // Words seen once cannot reach MIN_COUNT, and leaving them out keeps the table small.
  const count = (side: 0 | 1) => {
    const c = new Map<string, number>();
    for (const pair of pairs) for (const w of new Set(pair[side])) c.set(w, (c.get(w) ?? 0) + 1);
    return c;
  };
  const fromCount = count(0);
  const toCount0 = count(1);
  const interned = pairs.map(([from, to]) => ({
    es: [0, ...[...new Set(from)].filter((e) => fromCount.get(e)! >= MIN_COUNT).map((e) => intern(fromIds, e))],
    fs: [...new Set(to)].filter((f) => toCount0.get(f)! >= MIN_COUNT).map((f) => intern(toIds, f)),
  }));
  const slotOf = new Map<number, number>();
  const slotFrom: number[] = [];
  const slotTo: number[] = [];
  const toCount = toIds.size;
  const matrices = interned.map(({ es, fs }) => {
    const slots = new Int32Array(es.length * fs.length);
    for (let l = 0; l < fs.length; l++) {
      for (let k = 0; k < es.length; k++) {
        const code = es[k] * toCount + fs[l];
        let slot = slotOf.get(code);
        if (slot === undefined) { slotOf.set(code, (slot = slotFrom.length)); slotFrom.push(es[k]); slotTo.push(fs[l]); }
        slots[l * es.length + k] = slot;
      }
    }
    return { width: es.length, rows: fs.length, slots };
  });
  const slotCount = slotFrom.length;
  const t = new Float64Array(slotCount).fill(1);
  const counts = new Float64Array(slotCount);
  const totals = new Float64Array(fromIds.size);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    counts.fill(0);
    for (const { width, rows, slots } of matrices) {
      for (let l = 0; l < rows; l++) {
        let z = 0;
        for (let k = 0; k < width; k++) z += t[slots[l * width + k]];
        for (let k = 0; k < width; k++) counts[slots[l * width + k]] += t[slots[l * width + k]] / z;
      }
    }
    totals.fill(0);
    for (let x = 0; x < slotCount; x++) totals[slotFrom[x]] += counts[x];
    for (let x = 0; x < slotCount; x++) t[x] = totals[slotFrom[x]] > 0 ? counts[x] / totals[slotFrom[x]] : 0;
  }
  const fromWords = [...fromIds.keys()];
  const toWords = [...toIds.keys()];
  const out = new Map<string, Map<string, number>>();
  for (let x = 0; x < slotCount; x++) {
    const e = fromWords[slotFrom[x]];
    let row = out.get(e);
    if (!row) out.set(e, (row = new Map()));
    row.set(toWords[slotTo[x]], t[x]);
  }
  return out;
}

function table(pairs: Array<[string[], string[]]>): Map<string, string[]> {
  const frequency = new Map<string, number>();
  for (const [from] of pairs) for (const e of new Set(from)) frequency.set(e, (frequency.get(e) ?? 0) + 1);
  const out = new Map<string, string[]>();
  for (const [e, row] of trainModel1(pairs)) {
    if (e === NULL_WORD || (frequency.get(e) ?? 0) < MIN_COUNT) continue;
    const best = [...row].filter(([, p]) => p >= MIN_PROBABILITY).sort((x, y) => y[1] - x[1]).slice(0, MAX_TRANSLATIONS).map(([f]) => f);
    if (best.length) out.set(e, best);
  }
  return out;
}

/** `pairs`: word forms of the source and target side of each confident link. */
export function learnLexicon(pairs: Array<[string[], string[]]>): LearnedLexicon {
  return { forward: table(pairs), backward: table(pairs.map(([s, t]) => [t, s])) };
}
