// Sentence alignment: two passes of a banded dynamic-programming search over a link score
// that combines length, anchors (numbers, identical words, cognates, marks), the shipped
// English–German dictionary and a lexicon learned from the first pass. See README.md.
import type { Lang, Link } from "../types";
import { chromeFlags } from "./chrome";
import { cognates } from "./cognates";
import { confidenceOf } from "./confidence";
import { dictionaryTranslator, type Translator } from "./dictionary";
import { learnLexicon, type LearnedLexicon } from "./learned-lexicon";
import { searchMultiResolution, type RawLink, type ScoreParams } from "./search";
import type { Token } from "./tokens";
import { KeySpace, tokenizeSentences, UnitBuilder, type TokenizedSentence } from "./units";

export { checkLinks } from "./check";

export interface AlignOptions {
  sourceLang?: Lang;
  targetLang?: Lang;
  /** Paragraph index per source sentence: links prefer not to cross paragraph boundaries. */
  sourceParagraphs?: number[];
  targetParagraphs?: number[];
  /** Score weights; defaults were fitted on Text+Berg dev, or Tom Sawyer val when the EN–DE dictionary applies (see README.md). */
  params?: Partial<ScoreParams>;
  /**
   * Second pass with a lexicon learned from the first. Default: only when the shipped
   * dictionary does not cover the pair (on Tom Sawyer val, EN–DE, the learned table added
   * noise to the dictionary: strict F1 .804 with it, .823 without).
   */
  learn?: boolean;
  /** Use the shipped English–German dictionary when the pair is en/de (default true). */
  dictionary?: boolean;
  /** Up to this many DP cells the search is exhaustive; above, coarse-to-fine (linear). */
  fullSearchCells?: number;
  /**
   * Also let words match whose folded forms are within this normalised edit distance
   * (Kangchendzönga / Kanchenjunga; cognates.ts). 0, the default, leaves it to the 4-letter
   * prefix key: on Text+Berg dev 0.3 moved strict F1 by +.0005 (.833 either way), on Tom
   * Sawyer val not at all, and it costs about a tenth more time.
   */
  cognateDistance?: number;
}

/**
 * Missing coverage as evidence of an omission or addition (search.ts, ScoreParams.memberGap):
 * chosen on the MT dev set (bench/mt-edits.ts); it applies only where the document's typical
 * coverage is high, so on Text+Berg and Tom Sawyer every link stays as it was.
 */
const ONE_SIDED_EVIDENCE = { memberGap: 1.5, memberFloor: 0.5, memberMinWeight: 3, pairGap: 0.7 };

export const DEFAULT_PARAMS: ScoreParams = {
  skip: 0.9,
  lexical: 1.25,
  length: 0.09,
  typePenalty: { "1-1": 0, "1-2": 0.15, "2-1": 0.15, "2-2": 0.4, "1-3": 0.4, "3-1": 0.4 },
  paragraphCross: 0.6,
  paragraphEdge: 0.2,
  ...ONE_SIDED_EVIDENCE,
};

/**
 * With the English–German dictionary, similarity is more reliable and deserves less weight
 * against length (fitted on Tom Sawyer val, the EN–DE dev split, by the same coordinate search).
 */
export const DICTIONARY_PARAMS: ScoreParams = {
  skip: 0.5,
  lexical: 0.6,
  length: 0.072,
  typePenalty: { "1-1": 0, "1-2": 0.188, "2-1": 0.188, "2-2": 0.4, "1-3": 0.5, "3-1": 0.5 },
  paragraphCross: 0.6,
  paragraphEdge: 0.2,
  ...ONE_SIDED_EVIDENCE,
};

const NO_KEYS: readonly string[] = [];
const MAX_LEARNING_PAIRS = 3000;

function paragraphsOf(given: number[] | undefined, count: number): number[] | null {
  return given && given.length === count ? given : null;
}

/** Probe keys from a word table (learned translations, edit-distance cognates): the words themselves. */
function keysOfTable(table: Map<string, string[]> | undefined): (token: Token) => readonly string[] {
  if (!table) return () => NO_KEYS;
  return (token) => (token.kind === "word" ? (table.get(token.form) ?? NO_KEYS).map((f) => `w:${f}`) : NO_KEYS);
}

/** The keys of all three sources in order (an empty list shared when none has any: most tokens). */
function concatKeys(dict: Translator | null, learned: (token: Token) => readonly string[], cognate: (token: Token) => readonly string[]): (token: Token) => readonly string[] {
  return (token) => {
    const a = dict ? dict(token) : NO_KEYS;
    const b = learned(token);
    const c = cognate(token);
    if (b.length === 0 && c.length === 0) return a;
    return a.length === 0 && c.length === 0 ? b : [...a, ...b, ...c];
  };
}

interface PassContext {
  srcUnits: UnitBuilder;
  tgtUnits: UnitBuilder;
  srcDict: Translator | null;
  tgtDict: Translator | null;
  /** Cognates by edit distance across the document's two vocabularies (cognates.ts). */
  srcCognates: Map<string, string[]>;
  tgtCognates: Map<string, string[]>;
  /** Site chrome lines (chrome.ts), one flag per sentence. */
  srcChrome: Uint8Array;
  tgtChrome: Uint8Array;
}

function runPass(source: TokenizedSentence[], target: TokenizedSentence[], options: AlignOptions, params: ScoreParams, context: PassContext, learned: LearnedLexicon | null, guide: RawLink[] | null = null): RawLink[] {
  const { srcDict, tgtDict } = context;
  const srcLearned = keysOfTable(learned?.forward);
  const tgtLearned = keysOfTable(learned?.backward);
  const srcCognate = keysOfTable(context.srcCognates);
  const tgtCognate = keysOfTable(context.tgtCognates);
  // A second pass changes only the tokens that have learned translations.
  // (A look-up, not the key list: building the list for every token cost more than the test.)
  const srcChanged = learned ? (t: Token) => t.kind === "word" && learned.forward.has(t.form) : undefined;
  const tgtChanged = learned ? (t: Token) => t.kind === "word" && learned.backward.has(t.form) : undefined;
  const srcUnits = context.srcUnits.build(concatKeys(srcDict, srcLearned, srcCognate), srcChanged);
  const tgtUnits = context.tgtUnits.build(concatKeys(tgtDict, tgtLearned, tgtCognate), tgtChanged);
  const chrome = (flags: Uint8Array) => (flags.includes(1) ? flags : null);
  const srcSide = { units: srcUnits, paragraphs: paragraphsOf(options.sourceParagraphs, source.length), chrome: chrome(context.srcChrome) };
  const tgtSide = { units: tgtUnits, paragraphs: paragraphsOf(options.targetParagraphs, target.length), chrome: chrome(context.tgtChrome) };
  return searchMultiResolution(srcSide, tgtSide, params, options.fullSearchCells, guide ?? undefined);
}

function wordForms(sentences: TokenizedSentence[], start: number, count: number): string[] {
  const out: string[] = [];
  for (let k = start; k < start + count; k++) for (const t of sentences[k].tokens) if (t.kind === "word") out.push(t.form);
  return out;
}

/** A link with what its score saw (for fitting the confidence model). */
export interface DetailedLink extends Link { similarity: number; lengthCost: number; leak: number; shortfall: number; trust: number }

/** One document of a batch: its two sides and, if known, their paragraphs. */
export interface BatchDocument {
  source: string[];
  target: string[];
  sourceParagraphs?: number[];
  targetParagraphs?: number[];
}

/** A document on its way through the two passes. */
interface Pending {
  src: TokenizedSentence[];
  tgt: TokenizedSentence[];
  options: AlignOptions;
  params: ScoreParams;
  context: PassContext;
  learn: boolean;
  raw: RawLink[];
}

function* vocabulary(sentences: TokenizedSentence[]): Iterable<string> {
  for (const s of sentences) for (const t of s.tokens) if (t.kind === "word") yield t.form;
}

function firstPass(source: string[], target: string[], options: AlignOptions): Pending {
  const src = tokenizeSentences(source);
  const tgt = tokenizeSentences(target);
  const useDictionary = options.dictionary !== false;
  const distance = options.cognateDistance ?? 0;
  const found = distance > 0 ? cognates(vocabulary(src), vocabulary(tgt), distance) : { forward: new Map<string, string[]>(), backward: new Map<string, string[]>() };
  const keys = new KeySpace();
  const context: PassContext = {
    srcUnits: new UnitBuilder(src, keys),
    tgtUnits: new UnitBuilder(tgt, keys),
    srcDict: useDictionary ? dictionaryTranslator(options.sourceLang, options.targetLang) : null,
    tgtDict: useDictionary ? dictionaryTranslator(options.targetLang, options.sourceLang) : null,
    srcCognates: found.forward,
    tgtCognates: found.backward,
    srcChrome: chromeFlags(source),
    tgtChrome: chromeFlags(target),
  };
  const hasDictionary = Boolean(context.srcDict && context.tgtDict);
  const base = hasDictionary ? DICTIONARY_PARAMS : DEFAULT_PARAMS;
  const params: ScoreParams = { ...base, ...options.params, typePenalty: { ...base.typePenalty, ...options.params?.typePenalty } };
  const raw = runPass(src, tgt, options, params, context, null);
  return { src, tgt, options, params, context, learn: options.learn ?? !hasDictionary, raw };
}

/**
 * The learned lexicon from the first pass's two-sided links of all `documents` (an even
 * sample of at most MAX_LEARNING_PAIRS: EM time grows with the pairs, and an even sample of a
 * long book learns its frequent words as well).
 */
function learnFrom(documents: Pending[]): LearnedLexicon {
  const linked = documents.flatMap((d) => d.raw.filter((l) => l.a > 0 && l.b > 0).map((l) => ({ d, l })));
  const stride = Math.max(1, linked.length / MAX_LEARNING_PAIRS);
  const sample = stride === 1 ? linked : Array.from({ length: MAX_LEARNING_PAIRS }, (_, k) => linked[Math.floor(k * stride)]);
  return learnLexicon(sample.map(({ d, l }): [string[], string[]] => [wordForms(d.src, l.i, l.a), wordForms(d.tgt, l.j, l.b)]));
}

function secondPass(d: Pending, lexicon: LearnedLexicon): void {
  d.raw = runPass(d.src, d.tgt, d.options, d.params, d.context, lexicon, d.raw);
}

function detailed(raw: RawLink[]): DetailedLink[] {
  return raw.map((l) => ({
    source: Array.from({ length: l.a }, (_, k) => l.i + k),
    target: Array.from({ length: l.b }, (_, k) => l.j + k),
    confidence: confidenceOf(l),
    similarity: l.sim,
    lengthCost: l.lengthCost,
    leak: l.leak,
    shortfall: l.shortfall,
    trust: l.trust,
  }));
}

function oneSided(source: string[], target: string[]): DetailedLink[] {
  return [
    ...source.map((_, i) => ({ source: [i], target: [], confidence: 1, similarity: 0, lengthCost: 0, leak: 0, shortfall: 0, trust: 0 })),
    ...target.map((_, j) => ({ source: [], target: [j], confidence: 1, similarity: 0, lengthCost: 0, leak: 0, shortfall: 0, trust: 0 })),
  ];
}

const plain = (links: DetailedLink[]): Link[] => links.map(({ source: s, target: t, confidence }) => ({ source: s, target: t, confidence }));

/** Aligns two sentence lists; every sentence ends up in exactly one link. */
export function align(source: string[], target: string[], options: AlignOptions = {}): Link[] {
  return plain(alignDetailed(source, target, options));
}

export function alignDetailed(source: string[], target: string[], options: AlignOptions = {}): DetailedLink[] {
  if (source.length === 0 || target.length === 0) return oneSided(source, target);
  const pending = firstPass(source, target, options);
  if (pending.learn) secondPass(pending, learnFrom([pending]));
  return detailed(pending.raw);
}

/**
 * Aligns several documents of one language pair, learning one lexicon from all of them (as
 * hunalign does in batch mode): a short document alone gives EM too few pairs. Text+Berg
 * test, 7 documents of 36–293 sentences: strict F1 .840 aligned one by one, .859 as a batch.
 * `options` apply to every document (their paragraphs come with the documents).
 */
export function alignBatch(documents: BatchDocument[], options: AlignOptions = {}): Link[][] {
  // Smallest first: the hot loops are compiled on the small documents and then run fast on the
  // big ones (Text+Berg test cold, 7 documents: about 8 % less time). The pooled lexicon still
  // sees the documents in their own order, so the links are the same.
  const pending: Array<Pending | null> = documents.map(() => null);
  const cells = (doc: BatchDocument) => doc.source.length * doc.target.length;
  const order = documents.map((_, k) => k).sort((x, y) => cells(documents[x]) - cells(documents[y]) || x - y);
  for (const k of order) {
    const doc = documents[k];
    if (doc.source.length === 0 || doc.target.length === 0) continue;
    pending[k] = firstPass(doc.source, doc.target, { ...options, sourceParagraphs: doc.sourceParagraphs, targetParagraphs: doc.targetParagraphs });
  }
  const learning = pending.filter((d): d is Pending => d !== null && d.learn);
  if (learning.length) {
    const lexicon = learnFrom(learning);
    for (const k of order) {
      const d = pending[k];
      if (d?.learn) secondPass(d, lexicon);
    }
  }
  return documents.map((doc, k) => plain(pending[k] ? detailed(pending[k].raw) : oneSided(doc.source, doc.target)));
}

function firstIndex(ids: number[], fallback: number): number {
  return ids.length ? ids[0] : fallback;
}

/**
 * Re-aligns only the stretches between fixed links: `fixed` are kept as they are (e.g.
 * reviewer-confirmed), in document order; returns the full link list.
 */
export function realign(source: string[], target: string[], fixed: Link[], options: AlignOptions = {}): Link[] {
  const out: Link[] = [];
  let s = 0;
  let t = 0;
  const fill = (sEnd: number, tEnd: number) => {
    if (sEnd < s || tEnd < t) throw new Error("fixed links are not in document order or overlap");
    const slice = (p: number[] | undefined, a: number, b: number) => p?.slice(a, b);
    const gap = align(source.slice(s, sEnd), target.slice(t, tEnd), {
      ...options,
      sourceParagraphs: slice(options.sourceParagraphs, s, sEnd),
      targetParagraphs: slice(options.targetParagraphs, t, tEnd),
    });
    for (const l of gap) out.push({ source: l.source.map((x) => x + s), target: l.target.map((y) => y + t), confidence: l.confidence });
    s = sEnd;
    t = tEnd;
  };
  for (const link of fixed) {
    fill(firstIndex(link.source, s), firstIndex(link.target, t));
    out.push(link);
    if (link.source.length) s = link.source[link.source.length - 1] + 1;
    if (link.target.length) t = link.target[link.target.length - 1] + 1;
  }
  fill(source.length, target.length);
  return out;
}
