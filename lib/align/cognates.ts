// Cognates by normalised edit distance: words of the two sides whose folded forms differ in
// at most a fraction of their letters (Kangchendzönga / Kanchenjunga, Muztagh / Mustagh,
// Photographie / photographies). The 4-letter prefix key (units.ts) already matches words
// that share their beginning; this finds the rest, across the two vocabularies of a document.
import { COGNATE_PREFIX } from "./units";

/** Longest word pair compared (letters): edit distance is quadratic in it. */
const MAX_LENGTH = 24;
/** Shortest word compared: short words are too often similar by chance. */
export const MIN_COGNATE_LENGTH = 5;

// Rows reused across calls: the comparison runs for many word pairs.
let rowA = new Int32Array(MAX_LENGTH + 1);
let rowB = new Int32Array(MAX_LENGTH + 1);

/** Levenshtein distance if it is at most `limit`, else limit + 1 (banded, stops early). */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > rowA.length) { rowA = new Int32Array(b.length + 1); rowB = new Int32Array(b.length + 1); }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    if (from > 1) current[from - 1] = limit + 1;
    for (let j = from; j <= to; j++) {
      const substitute = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitute, (j - 1 >= from - 1 ? current[j - 1] : limit + 1) + 1, (j <= Math.min(b.length, i - 1 + limit) ? previous[j] : limit + 1) + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) current[to + 1] = limit + 1;
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], limit + 1);
}

/**
 * For each word form of `source` (folded, ≥ MIN_COGNATE_LENGTH letters), the forms of
 * `target` within normalised edit distance `threshold` (distance / longer length) that do not
 * already share its 4-letter prefix, and the same the other way. Candidates share their first
 * two letters and a similar length, which keeps the comparison near-linear in vocabulary size.
 */
export function cognates(source: Iterable<string>, target: Iterable<string>, threshold: number): { forward: Map<string, string[]>; backward: Map<string, string[]> } {
  const usable = (w: string) => w.length >= MIN_COGNATE_LENGTH && w.length <= MAX_LENGTH;
  // Target words by their first two letters, each bucket sorted by length.
  const buckets = new Map<string, string[]>();
  for (const w of new Set(target)) {
    if (!usable(w)) continue;
    const key = w.slice(0, 2);
    (buckets.get(key) ?? buckets.set(key, []).get(key)!).push(w);
  }
  for (const bucket of buckets.values()) bucket.sort((x, y) => x.length - y.length);
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const s of new Set(source)) {
    if (!usable(s)) continue;
    const bucket = buckets.get(s.slice(0, 2));
    if (!bucket) continue;
    // Only lengths within the distance limit can be close enough.
    const shortest = Math.ceil(s.length * (1 - threshold));
    let k = 0;
    while (k < bucket.length && bucket[k].length < shortest) k++;
    for (; k < bucket.length; k++) {
      const t = bucket[k];
      const limit = Math.floor(threshold * Math.max(s.length, t.length));
      if (t.length - s.length > limit) break;
      if (limit < 1 || s === t || s.slice(0, COGNATE_PREFIX) === t.slice(0, COGNATE_PREFIX)) continue;
      if (boundedEditDistance(s, t, limit) > limit) continue;
      (forward.get(s) ?? forward.set(s, []).get(s)!).push(t);
      (backward.get(t) ?? backward.set(t, []).get(t)!).push(s);
    }
  }
  return { forward, backward };
}
