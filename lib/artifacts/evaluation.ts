// Measuring the detectors against hand-made truth: the seed gold (fixtures/artifacts/seeds.gold.json)
// and the per-detector cases (fixtures/artifacts/cases.json). Shared by the tests and by
// bench/artifacts.ts so that both count the same way: a finding matches an expected artifact
// when detector, side and sentence agree and the spans overlap.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { segmentText } from "../segment";
import type { Finding, Lang, Link, Sentence, Side } from "../types";
import { checkAligned, checkMonolingual } from "./index";

export interface Expected {
  side: Side;
  sentence: number;
  excerpt: string;
  /** 1-based occurrence of the excerpt in the sentence (default 1). */
  occurrence?: number;
  detector?: string;
}

export interface GoldArtifact extends Expected {
  file: string;
  detector: string;
  category: string;
  inSeedReadme: boolean;
  note?: string;
}

export interface Case {
  id: string;
  detector: string;
  note: string;
  expect: Expected[];
  sourceLang?: Lang;
  targetLang?: Lang;
  source?: string[];
  target?: string[];
  links?: Link[];
  lang?: Lang;
  paragraphs?: string[][];
}

export interface Outcome {
  /** Expected artifacts found (by some finding of the right detector). */
  found: GoldArtifact[] | Expected[];
  missed: Expected[];
  /** Findings that match nothing expected. */
  spurious: Array<{ finding: Finding; text: string }>;
  findings: Finding[];
  sentences: number;
}

const FIXTURES = path.join(process.cwd(), "fixtures");

export function spanOf(text: string, excerpt: string, occurrence = 1): [number, number] {
  let at = -1;
  for (let k = 0; k < occurrence; k++) at = text.indexOf(excerpt, at + 1);
  if (at < 0) throw new Error(`Excerpt "${excerpt}" (occurrence ${occurrence}) not in sentence "${text}"`);
  return [at, at + excerpt.length];
}

/** Pairs findings with expectations; each finding counts for at most one expectation and vice versa. */
export function matchFindings(
  findings: Finding[],
  expected: Expected[],
  sentenceText: (side: Side, i: number) => string,
  defaultDetector?: string,
): { found: Expected[]; missed: Expected[]; spurious: Array<{ finding: Finding; text: string }> } {
  const used = new Set<number>();
  const found: Expected[] = [];
  const missed: Expected[] = [];
  for (const e of expected) {
    const [a, b] = spanOf(sentenceText(e.side, e.sentence), e.excerpt, e.occurrence);
    const k = findings.findIndex(
      (f, i) => !used.has(i) && f.detector === (e.detector ?? defaultDetector) && f.side === e.side && f.sentence === e.sentence && f.span[0] < b && a < f.span[1],
    );
    if (k >= 0) {
      used.add(k);
      found.push(e);
    } else missed.push(e);
  }
  const spurious = findings
    .filter((_, i) => !used.has(i))
    .map((finding) => ({ finding, text: sentenceText(finding.side, finding.sentence).slice(finding.span[0], finding.span[1]) }));
  return { found, missed, spurious };
}

interface GoldFile {
  documents: Array<{ source: string; target?: string; sourceLang?: Lang; targetLang?: Lang; lang?: Lang }>;
  artifacts: GoldArtifact[];
}

export function readGold(): GoldFile {
  return JSON.parse(readFileSync(path.join(FIXTURES, "artifacts", "seeds.gold.json"), "utf8")) as GoldFile;
}

export function readCases(): Case[] {
  return (JSON.parse(readFileSync(path.join(FIXTURES, "artifacts", "cases.json"), "utf8")) as { cases: Case[] }).cases;
}

function seedText(file: string): string {
  return readFileSync(path.join(FIXTURES, "seeds", file), "utf8");
}

/** Links of the seed pair: the shared gold alignment (Vecalign format) when present, else the
 *  pair's paragraph-for-paragraph, sentence-for-sentence structure (15 1-1 links, checked by reading). */
export function seedLinks(source: Sentence[], target: Sentence[], name = "000_001"): Link[] {
  const file = path.join(FIXTURES, "gold", `${name}.align`);
  if (existsSync(file)) {
    const parse = (s: string) => (s.trim() === "[]" ? [] : s.replace(/[[\]\s]/g, "").split(",").map(Number));
    return readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => {
        const [s, t] = l.split(":");
        return { source: parse(s!), target: parse(t!), confidence: 1 };
      });
  }
  if (source.length !== target.length) throw new Error("Seed pair without a gold alignment and with unequal sentence counts.");
  return source.map((_, i) => ({ source: [i], target: [i], confidence: 1 }));
}

export interface SeedRun {
  file: string;
  outcome: Outcome;
  gold: GoldArtifact[];
}

/** Runs every detector on every seed document and matches the findings with the gold. `links`
 *  replaces the seed pair's links (to measure with the aligner's output instead of the gold). */
export function runSeeds(links?: (source: Sentence[], target: Sentence[]) => Link[], only?: string[]): SeedRun[] {
  const gold = readGold();
  const runs: SeedRun[] = [];
  for (const d of gold.documents) {
    if (d.target) {
      const source = segmentText(seedText(d.source), d.sourceLang!);
      const target = segmentText(seedText(d.target), d.targetLang!);
      const doc = { sourceLang: d.sourceLang!, targetLang: d.targetLang!, source, target, links: (links ?? seedLinks)(source, target) };
      const findings = checkAligned(doc, only);
      const expected = gold.artifacts.filter((a) => (a.file === d.target && a.side === "target") || (a.file === d.source && a.side === "source"));
      const m = matchFindings(findings, filterOnly(expected, only), (side, i) => (side === "source" ? source : target)[i]!.text);
      runs.push({ file: `${d.source} + ${d.target}`, gold: expected, outcome: { ...m, findings, sentences: source.length + target.length } });
    } else {
      const sentences = segmentText(seedText(d.source), d.lang!);
      const findings = checkMonolingual({ lang: d.lang!, sentences }, only);
      const expected = gold.artifacts.filter((a) => a.file === d.source);
      const m = matchFindings(findings, filterOnly(expected, only), (_, i) => sentences[i]!.text);
      runs.push({ file: d.source, gold: expected, outcome: { ...m, findings, sentences: sentences.length } });
    }
  }
  return runs;
}

function filterOnly<T extends Expected>(expected: T[], only?: string[]): T[] {
  return only ? expected.filter((e) => only.includes(e.detector!)) : expected;
}

function caseSentences(lines: string[][]): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  lines.forEach((p, paragraph) => {
    for (const text of p) {
      out.push({ text, start: offset, end: offset + text.length, paragraph });
      offset += text.length + 1;
    }
    offset += 1;
  });
  return out;
}

/** Runs a case's own detector on it. */
export function runCase(c: Case): Outcome {
  if (c.paragraphs) {
    const sentences = caseSentences(c.paragraphs);
    const findings = checkMonolingual({ lang: c.lang!, sentences }, [c.detector]);
    const m = matchFindings(findings, c.expect, (_, i) => sentences[i]!.text, c.detector);
    return { ...m, findings, sentences: sentences.length };
  }
  const source = caseSentences(c.source!.map((s) => [s]));
  const target = caseSentences(c.target!.map((s) => [s]));
  const links = c.links ?? source.map((_, i) => ({ source: [i], target: [i], confidence: 1 }));
  const findings = checkAligned({ sourceLang: c.sourceLang!, targetLang: c.targetLang!, source, target, links }, [c.detector]);
  const m = matchFindings(findings, c.expect, (side, i) => (side === "source" ? source : target)[i]!.text, c.detector);
  return { ...m, findings, sentences: source.length + target.length };
}

/** A blind-batch document: a case without a single detector or given links. */
export type BlindDocument = Omit<Case, "detector" | "links">;

export function readBlind(): BlindDocument[] {
  return (JSON.parse(readFileSync(path.join(FIXTURES, "artifacts", "blind.json"), "utf8")) as { documents: BlindDocument[] }).documents;
}

/** A blind document with every detector (each expectation names its detector); pairs are linked 1-1. */
export function runBlindDocument(d: BlindDocument): Outcome {
  if (d.paragraphs) {
    const sentences = caseSentences(d.paragraphs);
    const findings = checkMonolingual({ lang: d.lang!, sentences });
    return { ...matchFindings(findings, d.expect, (_, i) => sentences[i]!.text), findings, sentences: sentences.length };
  }
  const source = caseSentences(d.source!.map((s) => [s]));
  const target = caseSentences(d.target!.map((s) => [s]));
  const links = source.map((_, i) => ({ source: [i], target: [i], confidence: 1 }));
  const findings = checkAligned({ sourceLang: d.sourceLang!, targetLang: d.targetLang!, source, target, links });
  return { ...matchFindings(findings, d.expect, (side, i) => (side === "source" ? source : target)[i]!.text), findings, sentences: source.length + target.length };
}
