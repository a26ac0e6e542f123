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

/** t(f | e) by EM, for e in `from`, f in `to`. */
function trainModel1(pairs: Array<[string[], string[]]>): Map<string, Map<string, number>> {
  const t = new Map<string, Map<string, number>>();
  // Uniform start over co-occurring words only: memory stays proportional to co-occurrences.
  for (const [from, to] of pairs) {
    for (const e of [NULL_WORD, ...from]) {
      let row = t.get(e);
      if (!row) t.set(e, (row = new Map()));
      for (const f of to) row.set(f, 1);
    }
  }
  for (const row of t.values()) for (const f of row.keys()) row.set(f, 1 / row.size);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const counts = new Map<string, Map<string, number>>();
    for (const [from, to] of pairs) {
      const es = [NULL_WORD, ...from];
      for (const f of to) {
        let z = 0;
        for (const e of es) z += t.get(e)!.get(f)!;
        for (const e of es) {
          const c = t.get(e)!.get(f)! / z;
          let row = counts.get(e);
          if (!row) counts.set(e, (row = new Map()));
          row.set(f, (row.get(f) ?? 0) + c);
        }
      }
    }
    for (const [e, row] of counts) {
      let total = 0;
      for (const c of row.values()) total += c;
      const target = t.get(e)!;
      for (const f of target.keys()) target.set(f, (row.get(f) ?? 0) / total);
    }
  }
  return t;
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
