// The document's current state as translation units: one per link, in link order, each
// side's corrected sentences joined. Every bilingual format is written from these, so
// the selection options mean the same in TMX, XLIFF, TSV and Moses.
import type { DocumentSnapshot, LinkRecord, SegmentRecord } from "../document";
import type { Lang } from "../types";

export interface SelectionOptions {
  /** 1-0 and 0-1 links: left out ("skip") or written with an empty side ("empty"). */
  unpaired?: "skip" | "empty";
  /** Only links a reviewer confirmed. */
  confirmedOnly?: boolean;
  /** Only links whose confidence is at least this (0…1). */
  minConfidence?: number;
}

export interface TranslationUnit {
  link: LinkRecord;
  /** "1-1", "2-1", "1-0", … (source count – target count). */
  type: string;
  source: string;
  target: string;
  sourceSegments: SegmentRecord[];
  targetSegments: SegmentRecord[];
}

/** Input an export cannot be written from (said so the user knows what to do). */
export class ExportError extends Error {}

// Scripts written without spaces between sentences.
const UNSPACED = new Set(["zh", "ja", "th", "lo", "km", "my", "bo"]);

/** Joins the sentences of one side of a link as they would stand in running text. */
export function joinSentences(texts: string[], lang: Lang | null): string {
  const base = (lang ?? "").toLowerCase().split(/[-_]/)[0];
  return texts.join(UNSPACED.has(base) ? "" : " ");
}

export function linkType(link: { source: number[]; target: number[] }): string {
  return `${link.source.length}-${link.target.length}`;
}

export function isUnpaired(link: { source: number[]; target: number[] }): boolean {
  return link.source.length === 0 || link.target.length === 0;
}

export function validateSelection(options: SelectionOptions): void {
  const { minConfidence, unpaired } = options;
  if (minConfidence !== undefined && !(Number.isFinite(minConfidence) && minConfidence >= 0 && minConfidence <= 1)) {
    throw new ExportError(`The minimum confidence must be a number from 0 to 1, got ${minConfidence}.`);
  }
  if (unpaired !== undefined && unpaired !== "skip" && unpaired !== "empty") {
    throw new ExportError(`Unpaired links can be "skip"ped or kept "empty", not "${unpaired}".`);
  }
}

export function requireBilingual(snapshot: DocumentSnapshot, format: string): void {
  if (snapshot.document.targetLang === null) {
    throw new ExportError(`"${snapshot.document.title}" is a single-language document; ${format} needs a translation. Export it as XLIFF or JSON instead.`);
  }
}

export function translationUnits(snapshot: DocumentSnapshot, options: SelectionOptions = {}, defaultUnpaired: "skip" | "empty" = "skip"): TranslationUnit[] {
  validateSelection(options);
  const unpaired = options.unpaired ?? defaultUnpaired;
  const { sourceLang, targetLang } = snapshot.document;
  const segment = (side: SegmentRecord[], i: number, name: string, link: LinkRecord) => {
    const s = side[i];
    if (!s) throw new ExportError(`Link ${link.id} refers to ${name} sentence ${i}, which does not exist: the document is inconsistent.`);
    return s;
  };
  return [...snapshot.links]
    .sort((a, b) => a.position - b.position)
    .filter((l) => !(options.confirmedOnly && l.status !== "confirmed"))
    .filter((l) => !(options.minConfidence !== undefined && l.confidence < options.minConfidence))
    .filter((l) => !(unpaired === "skip" && isUnpaired(l)))
    .map((link) => {
      const sourceSegments = link.source.map((i) => segment(snapshot.source, i, "source", link));
      const targetSegments = link.target.map((i) => segment(snapshot.target, i, "target", link));
      return {
        link, type: linkType(link), sourceSegments, targetSegments,
        source: joinSentences(sourceSegments.map((s) => s.text), sourceLang),
        target: joinSentences(targetSegments.map((s) => s.text), targetLang),
      };
    });
}
