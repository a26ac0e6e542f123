// A sentence (or, on the coarse levels of the search, a block of sentences) reduced to what
// the link score needs: its length and its tokens as integer keys. "Own" keys say what a
// unit contains; "probe" keys say what its tokens would look like on the other side
// (themselves, their cognate prefix, their dictionary and learned translations). A token is
// covered by the other side when one of its probe keys is among the other side's own keys.
import { tokenize, foldWord, type Token } from "./tokens";

export interface Unit {
  /** Characters without spaces: tokenised and untokenised copies of a text measure alike. */
  length: number;
  /** Per token: weight, and its probe keys as a slice of `probes` (probeStart[k]..probeStart[k+1]). */
  weights: Float32Array;
  probeStart: Int32Array;
  probes: Int32Array;
  /** Own keys, sorted ascending, no duplicates. */
  own: Int32Array;
  totalWeight: number;
}

/** Interns key strings as small integers, shared by both sides of one alignment. */
export class KeySpace {
  private ids = new Map<string, number>();
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
  lookup(key: string): number | undefined {
    return this.ids.get(key);
  }
}

/** Cognates share a prefix once accents are gone: expédition/Expedition, kilomètres/Kilometer. */
// 4 rather than 5 or 6: Text+Berg dev strict F1 .833 vs .828/.828, Tom Sawyer val .880 vs .877/.874.
export const COGNATE_PREFIX = 4;

export function ownKeyStrings(token: Token): string[] {
  if (token.kind === "number") return [`n:${token.form}`];
  if (token.kind === "mark") return [`m:${token.form}`];
  const keys = [`w:${token.form}`];
  if (token.form.length >= COGNATE_PREFIX) keys.push(`p:${token.form.slice(0, COGNATE_PREFIX)}`);
  return keys;
}

/** Key strings a translation (a word of the other language) would produce on the other side. */
export function translationKeyStrings(translation: string): string[] {
  const form = foldWord(translation);
  return form.length >= COGNATE_PREFIX ? [`p:${form.slice(0, COGNATE_PREFIX)}`] : [`w:${form}`];
}

export interface TokenizedSentence {
  length: number;
  tokens: Token[];
}

export function tokenizeSentences(texts: string[]): TokenizedSentence[] {
  return texts.map((text) => ({ length: text.replace(/\s+/g, "").length, tokens: tokenize(text) }));
}

/**
 * Words in many sentences (articles, "und", "de") weigh less: they match everywhere and say
 * little about which sentence is the partner. Numbers and names weigh most.
 */
export function tokenWeight(token: Token, documentFrequency: number, sentenceCount: number): number {
  const base = token.kind === "number" ? 2 : token.kind === "mark" ? 0.5 : token.form.length >= 4 ? 1 : 0.5;
  const share = documentFrequency / Math.max(1, sentenceCount);
  return share > 0.1 ? base * 0.35 : base;
}

export type ProbeExpander = (token: Token) => readonly string[];

export function buildUnits(sentences: TokenizedSentence[], keys: KeySpace, expand: ProbeExpander): Unit[] {
  const df = new Map<string, number>();
  for (const s of sentences) for (const f of new Set(s.tokens.map((t) => t.form))) df.set(f, (df.get(f) ?? 0) + 1);
  // Same token, same keys: intern each distinct token once.
  const ownCache = new Map<string, number[]>();
  const probeCache = new Map<string, number[]>();
  return sentences.map((s) => {
    const weights = new Float32Array(s.tokens.length);
    const probeStart = new Int32Array(s.tokens.length + 1);
    const probes: number[] = [];
    const own = new Set<number>();
    let total = 0;
    s.tokens.forEach((token, k) => {
      const w = tokenWeight(token, df.get(token.form) ?? 1, sentences.length);
      weights[k] = w;
      total += w;
      probeStart[k] = probes.length;
      const cacheKey = `${token.kind}|${token.surface}`;
      let ownIds = ownCache.get(cacheKey);
      let probeIds = probeCache.get(cacheKey);
      if (!ownIds || !probeIds) {
        const ownKeys = ownKeyStrings(token);
        ownIds = ownKeys.map((key) => keys.id(key));
        probeIds = [...new Set([...ownKeys, ...expand(token)].map((key) => keys.id(key)))];
        ownCache.set(cacheKey, ownIds);
        probeCache.set(cacheKey, probeIds);
      }
      for (const id of ownIds) own.add(id);
      for (const id of probeIds) probes.push(id);
    });
    probeStart[s.tokens.length] = probes.length;
    return {
      length: s.length, weights, probeStart, probes: Int32Array.from(probes),
      own: Int32Array.from([...own].sort((a, b) => a - b)), totalWeight: total,
    };
  });
}

/**
 * Blocks of `factor` consecutive units, for the coarse levels of the search. A token that
 * recurs in a block is kept once with its weights summed (its first probe key is its own
 * form): coarse pair work then grows with the block's vocabulary, not its length.
 */
export function mergeUnits(units: Unit[], factor: number): Unit[] {
  const out: Unit[] = [];
  for (let start = 0; start < units.length; start += factor) {
    const group = units.slice(start, start + factor);
    const slotOf = new Map<number, number>();
    const weights: number[] = [];
    const probeLists: Int32Array[] = [];
    const own = new Set<number>();
    let total = 0;
    for (const u of group) {
      for (let t = 0; t < u.weights.length; t++) {
        const first = u.probes[u.probeStart[t]];
        total += u.weights[t];
        const slot = slotOf.get(first);
        if (slot !== undefined) { weights[slot] += u.weights[t]; continue; }
        slotOf.set(first, weights.length);
        weights.push(u.weights[t]);
        probeLists.push(u.probes.subarray(u.probeStart[t], u.probeStart[t + 1]));
      }
      for (const key of u.own) own.add(key);
    }
    const probeStart = new Int32Array(weights.length + 1);
    let size = 0;
    probeLists.forEach((list, k) => { probeStart[k] = size; size += list.length; });
    probeStart[weights.length] = size;
    const probes = new Int32Array(size);
    probeLists.forEach((list, k) => probes.set(list, probeStart[k]));
    out.push({
      length: group.reduce((n, u) => n + u.length, 0), weights: Float32Array.from(weights), probeStart, probes,
      own: Int32Array.from([...own].sort((a, b) => a - b)), totalWeight: total,
    });
  }
  return out;
}

function hasKey(sorted: Int32Array, key: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === key) return true;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Weight of the tokens of `a` that `b` covers. */
export function coveredWeight(a: Unit, b: Unit): number {
  let covered = 0;
  for (let k = 0; k < a.weights.length; k++) {
    for (let p = a.probeStart[k]; p < a.probeStart[k + 1]; p++) {
      if (hasKey(b.own, a.probes[p])) { covered += a.weights[k]; break; }
    }
  }
  return covered;
}
