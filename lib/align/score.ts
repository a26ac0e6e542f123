// Strict and lax precision, recall and F1 of an alignment against gold, exactly as Vecalign's
// score.py (github.com/thompsonb/vecalign, after Sennrich & Volk's lax/strict measures):
//
// - Links empty on both sides are dropped; each side's links are compared as sets.
// - Precision runs over every hypothesis link. Strict: the link is in the gold as it is.
//   Lax: otherwise, it still counts when one of its source sentences is linked, in some gold
//   link, to one of its target sentences. So a 1-0 / 0-1 link counts only if the gold has
//   exactly the same deletion / insertion (it has no target / source to overlap with).
// - Recall is the same computation with gold and hypothesis swapped, after dropping the
//   one-sided (1-0, 0-1) links from both.
// - Counts are pooled over all documents before dividing (micro average); 0/0 gives 0.
// Sentences the gold leaves out (Text+Berg has a few) stay out: they are simply not scored.
import type { Link } from "../types";

export type Pair = { source: number[]; target: number[] };

export interface Counts { strictHits: number; strictMisses: number; laxHits: number; laxMisses: number }

export interface AlignmentScores {
  precisionStrict: number; recallStrict: number; f1Strict: number;
  precisionLax: number; recallLax: number; f1Lax: number;
}

const key = (l: Pair) => `${l.source.join(",")}:${l.target.join(",")}`;

function uniqueNonEmpty(links: Pair[]): Pair[] {
  const map = new Map<string, Pair>();
  for (const l of links) if (l.source.length || l.target.length) map.set(key(l), l);
  return [...map.values()];
}

/** Vecalign's `_precision`: how many `test` links the `gold` links confirm, strictly and laxly. */
export function precisionCounts(gold: Pair[], test: Pair[]): Counts {
  const goldLinks = uniqueNonEmpty(gold);
  const goldKeys = new Set(goldLinks.map(key));
  const goldTargetsOfSource = new Map<number, Set<number>>();
  for (const g of goldLinks) for (const s of g.source) {
    let set = goldTargetsOfSource.get(s);
    if (!set) goldTargetsOfSource.set(s, (set = new Set()));
    for (const t of g.target) set.add(t);
  }
  const c: Counts = { strictHits: 0, strictMisses: 0, laxHits: 0, laxMisses: 0 };
  for (const l of uniqueNonEmpty(test)) {
    if (goldKeys.has(key(l))) { c.strictHits++; c.laxHits++; continue; }
    c.strictMisses++;
    const overlaps = l.source.some((s) => l.target.some((t) => goldTargetsOfSource.get(s)?.has(t)));
    if (overlaps) c.laxHits++;
    else c.laxMisses++;
  }
  return c;
}

const ratio = (hits: number, misses: number) => (hits + misses === 0 ? 0 : hits / (hits + misses));
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores over several documents: `documents[k]` = { gold, test } of document k. */
export function scoreAlignments(documents: Array<{ gold: Pair[]; test: Pair[] }>): AlignmentScores {
  const p: Counts = { strictHits: 0, strictMisses: 0, laxHits: 0, laxMisses: 0 };
  const r: Counts = { ...p };
  const add = (into: Counts, c: Counts) => { into.strictHits += c.strictHits; into.strictMisses += c.strictMisses; into.laxHits += c.laxHits; into.laxMisses += c.laxMisses; };
  const twoSided = (links: Pair[]) => links.filter((l) => l.source.length && l.target.length);
  for (const { gold, test } of documents) {
    add(p, precisionCounts(gold, test));
    add(r, precisionCounts(twoSided(test), twoSided(gold)));
  }
  const precisionStrict = ratio(p.strictHits, p.strictMisses);
  const recallStrict = ratio(r.strictHits, r.strictMisses);
  const precisionLax = ratio(p.laxHits, p.laxMisses);
  const recallLax = ratio(r.laxHits, r.laxMisses);
  return {
    precisionStrict, recallStrict, f1Strict: f1(precisionStrict, recallStrict),
    precisionLax, recallLax, f1Lax: f1(precisionLax, recallLax),
  };
}

export type { Link };
