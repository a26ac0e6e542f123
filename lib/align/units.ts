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
  if (token.kind === "url") return [`u:${token.form}`];
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

/** Characters that are not white space. */
function visibleLength(text: string): number {
  let count = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000)) count++;
  }
  return count;
}

/** One side's sentences as tokens; equal surfaces share one Token object (see tokenize). */
export function tokenizeSentences(texts: string[]): TokenizedSentence[] {
  const interned = new Map<string, Token>();
  return texts.map((text) => ({ length: visibleLength(text), tokens: tokenize(text, interned) }));
}

/**
 * Words in many sentences (articles, "und", "de") weigh less: they match everywhere and say
 * little about which sentence is the partner. Numbers and addresses weigh most.
 */
export function tokenWeight(token: Token, documentFrequency: number, sentenceCount: number): number {
  const base = token.kind === "number" || token.kind === "url" ? 2 : token.kind === "mark" ? 0.5 : token.form.length >= 4 ? 1 : 0.5;
  const share = documentFrequency / Math.max(1, sentenceCount);
  return share > 0.1 ? base * 0.35 : base;
}

export type ProbeExpander = (token: Token) => readonly string[];

interface TokenEntry { own: number[]; probes: number[]; weight: number }

/**
 * Builds one side's units, pass after pass: document frequencies are counted once, and each
 * distinct token's keys are kept, so a later pass recomputes only the tokens it changes (those
 * with learned translations).
 */
export class UnitBuilder {
  private df = new Map<string, number>();
  private entries = new Map<Token, TokenEntry>();

  constructor(private sentences: TokenizedSentence[], private keys: KeySpace) {
    // Each sentence counted once per form (a stamp instead of a Set per sentence).
    const lastSeen = new Map<string, number>();
    sentences.forEach((s, index) => {
      for (const t of s.tokens) {
        if (lastSeen.get(t.form) === index) continue;
        lastSeen.set(t.form, index);
        this.df.set(t.form, (this.df.get(t.form) ?? 0) + 1);
      }
    });
  }

  private entry(token: Token, expand: ProbeExpander): TokenEntry {
    const ownKeys = ownKeyStrings(token);
    const own: number[] = [];
    for (const key of ownKeys) own.push(this.keys.id(key));
    // The own keys first, then each other probe key once (plain loops: spreads and a Set per
    // token were most of this in the cold code of a short document).
    const probes = own.slice();
    for (const key of expand(token)) {
      const id = this.keys.id(key);
      if (!probes.includes(id)) probes.push(id);
    }
    return { own, probes, weight: tokenWeight(token, this.df.get(token.form) ?? 1, this.sentences.length) };
  }

  /** The units with `expand`'s probe keys; tokens for which `changed` is false keep the keys of an earlier build. */
  build(expand: ProbeExpander, changed: (token: Token) => boolean = () => true): Unit[] {
    const fresh = new Map<Token, TokenEntry>();
    const entryOf = (token: Token) => {
      let entry = fresh.get(token);
      if (entry) return entry;
      entry = changed(token) ? undefined : this.entries.get(token);
      if (!entry) {
        entry = this.entry(token, expand);
        this.entries.set(token, entry);
      }
      fresh.set(token, entry);
      return entry;
    };
    return this.sentences.map((s) => {
      const count = s.tokens.length;
      const weights = new Float32Array(count);
      const probeStart = new Int32Array(count + 1);
      const entries = s.tokens.map(entryOf);
      let size = 0;
      for (const e of entries) size += e.probes.length;
      const probes = new Int32Array(size);
      const ownList: number[] = [];
      let total = 0;
      let at = 0;
      for (let k = 0; k < count; k++) {
        const e = entries[k];
        weights[k] = e.weight;
        total += e.weight;
        probeStart[k] = at;
        probes.set(e.probes, at);
        at += e.probes.length;
        for (const id of e.own) ownList.push(id);
      }
      probeStart[count] = at;
      return { length: s.length, weights, probeStart, probes, own: sortedUnique(ownList), totalWeight: total };
    });
  }
}

/** One side's units in one go (see UnitBuilder). */
export function buildUnits(sentences: TokenizedSentence[], keys: KeySpace, expand: ProbeExpander): Unit[] {
  return new UnitBuilder(sentences, keys).build(expand);
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
    const own: number[] = [];
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
      for (const key of u.own) own.push(key);
    }
    const probeStart = new Int32Array(weights.length + 1);
    let size = 0;
    probeLists.forEach((list, k) => { probeStart[k] = size; size += list.length; });
    probeStart[weights.length] = size;
    const probes = new Int32Array(size);
    probeLists.forEach((list, k) => probes.set(list, probeStart[k]));
    out.push({
      length: group.reduce((n, u) => n + u.length, 0), weights: Float32Array.from(weights), probeStart, probes,
      own: sortedUnique(own), totalWeight: total,
    });
  }
  return out;
}

/** Ascending, without duplicates (typed-array sort is numeric and needs no comparator). */
function sortedUnique(keys: Iterable<number>): Int32Array {
  const sorted = Int32Array.from(keys).sort();
  let unique = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k];
  return sorted.slice(0, unique);
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
