// The headless pipeline: segment, align and check a text pair (or a single text) in
// memory. The CLI, the importer and the tests all start here; lib/db stores the result.
import { align } from "./align";
import { checkAligned, checkMonolingual } from "./artifacts";
import type { DocumentSnapshot, FlagRecord, LinkRecord, SegmentRecord } from "./document";
import { refuseLongSentences, segmentPresegmented, segmentText } from "./segment";
import type { Finding, Lang, Link, Sentence, Side } from "./types";

export interface PairInput {
  title: string;
  sourceLang: Lang;
  targetLang: Lang;
  sourceText: string;
  targetText: string;
  /** One sentence per line (blank line = new paragraph) instead of running text. */
  presegmented?: boolean;
  sourceName?: string;
  targetName?: string;
}

export interface SingleInput {
  title: string;
  lang: Lang;
  text: string;
  presegmented?: boolean;
  name?: string;
}

export type Stage = "segment" | "align" | "check" | "store";
export type ProgressListener = (stage: Stage, done: number, total: number) => void;

/** Throws SentenceTooLongError (lib/segment) for a sentence too long to analyse. */
export function sentencesOf(text: string, lang: Lang, presegmented = false, label = "The text"): Sentence[] {
  return refuseLongSentences(presegmented ? segmentPresegmented(text) : segmentText(text, lang), label);
}

function segmentRecords(sentences: Sentence[], side: Side, firstId: number, now: string): SegmentRecord[] {
  return sentences.map((s, position) => ({
    id: firstId + position, side, position, paragraph: s.paragraph, start: s.start, end: s.end,
    originalText: s.text, text: s.text, version: 0, updatedAt: now,
  }));
}

function flagRecords(findings: Finding[], links: Link[], sentences: Record<Side, Sentence[]>): FlagRecord[] {
  const linkOf = { source: new Map<number, number>(), target: new Map<number, number>() };
  links.forEach((l, i) => {
    for (const s of l.source) linkOf.source.set(s, i + 1);
    for (const t of l.target) linkOf.target.set(t, i + 1);
  });
  return findings.map((f, i) => ({
    ...f, id: i + 1, linkId: linkOf[f.side].get(f.sentence) ?? null, excerpt: sentences[f.side][f.sentence]?.text.slice(f.span[0], f.span[1]) ?? "",
    status: "open", decidedBy: null, decidedAt: null,
  }));
}

/** Segment, align and check a pair. Ids in the snapshot are synthetic (1-based). */
export function analysePair(input: PairInput, onProgress?: ProgressListener): DocumentSnapshot {
  const now = new Date().toISOString();
  onProgress?.("segment", 0, 2);
  const source = sentencesOf(input.sourceText, input.sourceLang, input.presegmented, input.sourceName ?? "The source text");
  const target = sentencesOf(input.targetText, input.targetLang, input.presegmented, input.targetName ?? "The translation");
  onProgress?.("align", 1, 3);
  const links = align(source.map((s) => s.text), target.map((s) => s.text), {
    sourceLang: input.sourceLang, targetLang: input.targetLang,
    sourceParagraphs: source.map((s) => s.paragraph), targetParagraphs: target.map((s) => s.paragraph),
  });
  onProgress?.("check", 2, 3);
  const findings = checkAligned({ sourceLang: input.sourceLang, targetLang: input.targetLang, source, target, links });
  const sourceRecords = segmentRecords(source, "source", 1, now);
  const targetRecords = segmentRecords(target, "target", source.length + 1, now);
  const linkRecords: LinkRecord[] = links.map((l, i) => ({ ...l, id: i + 1, position: i, status: "automatic", version: 0 }));
  return {
    document: { id: 0, title: input.title, sourceLang: input.sourceLang, targetLang: input.targetLang, sourceName: input.sourceName ?? null, targetName: input.targetName ?? null, version: 0, createdAt: now, updatedAt: now },
    source: sourceRecords, target: targetRecords, links: linkRecords,
    flags: flagRecords(findings, links, { source, target }), annotations: [], revisions: [],
  };
}

/** Segment and check a single-language text (no target side, no links). */
export function analyseSingle(input: SingleInput, onProgress?: ProgressListener): DocumentSnapshot {
  const now = new Date().toISOString();
  onProgress?.("segment", 0, 2);
  const sentences = sentencesOf(input.text, input.lang, input.presegmented, input.name ?? "The text");
  onProgress?.("check", 1, 2);
  const findings = checkMonolingual({ lang: input.lang, sentences });
  return {
    document: { id: 0, title: input.title, sourceLang: input.lang, targetLang: null, sourceName: input.name ?? null, targetName: null, version: 0, createdAt: now, updatedAt: now },
    source: segmentRecords(sentences, "source", 1, now), target: [], links: [],
    flags: flagRecords(findings, [], { source: sentences, target: [] }), annotations: [], revisions: [],
  };
}
