// What the review page derives from a snapshot: the rows it shows (links, or sentences of a
// single-language text), which of them are problems, and the indexes the rows look things
// up in. Pure and O(n), recomputed once per change rather than per row.
import type { AnnotationRecord, DocumentSnapshot, FlagRecord, LinkStatus } from "@/lib/document";
import type { MqmCategory, Side } from "@/lib/types";

/** Below this an automatic link is shown as low confidence. */
export const LOW_CONFIDENCE = 0.5;

export interface Row {
  /** The link id, or (single-language text) the sentence's segment id. */
  key: number;
  linkId: number | null;
  position: number;
  source: number[];
  target: number[];
  confidence: number;
  status: LinkStatus;
  version: number;
  openFlags: number;
  categories: Set<MqmCategory>;
  low: boolean;
}

export type Filter = "all" | "flagged" | "unconfirmed" | "low" | "edited" | "commented" | `category:${MqmCategory}` | `reviewer:${string}`;

/** What the filters by work need beyond a row: corrected sentences, commented links, who did what. */
export interface WorkIndex {
  /** Row keys with a sentence whose text differs from the imported one. */
  edited: Set<number>;
  /** Link ids with comments. */
  commented: Set<number>;
  /** Login → row keys where that reviewer corrected a sentence, decided a finding or annotated. */
  byReviewer: Map<string, Set<number>>;
}

export interface ReviewIndex {
  rows: Row[];
  flagsBySentence: Map<string, FlagRecord[]>;
  annotationsBySentence: Map<string, AnnotationRecord[]>;
  /** Row index of each link id. */
  rowOfLink: Map<number, number>;
  /** Row index of each sentence, per side. */
  rowOfSentence: { source: Int32Array; target: Int32Array };
  categories: MqmCategory[];
  confirmed: number;
  problems: number;
  /** Open findings shown, and those left out for a confidence below the threshold. */
  openFindings: number;
  hiddenFindings: number;
}

export const sentenceKey = (side: Side, position: number) => `${side}:${position}`;

function group<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item); else map.set(k, [item]);
  }
  return map;
}

/** An open finding below the confidence threshold is doubtful and left out unless the reviewer asks for it. */
export function isDoubtful(f: FlagRecord, minConfidence: number): boolean {
  return f.status === "open" && f.confidence < minConfidence;
}

export function buildIndex(snapshot: DocumentSnapshot, minConfidence = 0): ReviewIndex {
  const flags = snapshot.flags.filter((f) => !isDoubtful(f, minConfidence));
  const flagsBySentence = group(flags, (f) => (f.sentence >= 0 ? sentenceKey(f.side, f.sentence) : null));
  const annotationsBySentence = group(snapshot.annotations, (a) => sentenceKey(a.side, a.sentence));
  const bilingual = snapshot.document.targetLang !== null;
  const rows: Row[] = bilingual
    ? snapshot.links.map((l) => ({ key: l.id, linkId: l.id, position: l.position, source: l.source, target: l.target, confidence: l.confidence, status: l.status, version: l.version, openFlags: 0, categories: new Set(), low: false }))
    : snapshot.source.map((s) => ({ key: s.id, linkId: null, position: s.position, source: [s.position], target: [], confidence: 1, status: "automatic", version: s.version, openFlags: 0, categories: new Set(), low: false }));
  const rowOfSentence = { source: new Int32Array(snapshot.source.length).fill(-1), target: new Int32Array(snapshot.target.length).fill(-1) };
  const allCategories = new Set<MqmCategory>();
  let confirmed = 0;
  let problems = 0;
  rows.forEach((row, i) => {
    for (const side of ["source", "target"] as const) {
      for (const s of row[side]) {
        if (s < rowOfSentence[side].length) rowOfSentence[side][s] = i;
        for (const f of flagsBySentence.get(sentenceKey(side, s)) ?? []) {
          if (f.status === "open") { row.openFlags++; row.categories.add(f.category); }
        }
        for (const a of annotationsBySentence.get(sentenceKey(side, s)) ?? []) row.categories.add(a.category);
      }
    }
    row.categories.forEach((c) => allCategories.add(c));
    row.low = bilingual && row.status !== "confirmed" && row.confidence < LOW_CONFIDENCE;
    if (row.status === "confirmed") confirmed++;
    if (isProblem(row)) problems++;
  });
  return {
    rows, flagsBySentence, annotationsBySentence,
    rowOfLink: new Map(rows.flatMap((r, i) => (r.linkId !== null ? [[r.linkId, i] as [number, number]] : []))),
    rowOfSentence, categories: [...allCategories].sort(), confirmed, problems,
    openFindings: flags.filter((f) => f.status === "open").length, hiddenFindings: snapshot.flags.length - flags.length,
  };
}

/** What "next problem" stops at: open findings or a doubtful automatic link. */
export function isProblem(row: Row): boolean {
  return row.openFlags > 0 || row.low;
}

export function matchesFilter(row: Row, filter: Filter, work?: WorkIndex): boolean {
  switch (filter) {
    case "all": return true;
    case "flagged": return row.openFlags > 0;
    case "unconfirmed": return row.status !== "confirmed";
    case "low": return row.low;
    case "edited": return !!work?.edited.has(row.key);
    case "commented": return row.linkId !== null && !!work?.commented.has(row.linkId);
    default:
      if (filter.startsWith("reviewer:")) return !!work?.byReviewer.get(filter.slice("reviewer:".length))?.has(row.key);
      return row.categories.has(filter.slice("category:".length) as MqmCategory);
  }
}

/** Row indices shown under a filter (all of them for "all"). */
export function visibleRows(index: ReviewIndex, filter: Filter, work?: WorkIndex): number[] {
  const out: number[] = [];
  index.rows.forEach((row, i) => { if (matchesFilter(row, filter, work)) out.push(i); });
  return out;
}

/**
 * The work index of a document: `touched` (segment id → last writer) marks corrections, the
 * snapshot's decisions and annotations name their reviewers, `commentCounts` the commented links.
 */
export function buildWorkIndex(snapshot: DocumentSnapshot, rows: Row[], touched: Record<number, { author: string | null }>, commentCounts: Record<number, number>): WorkIndex {
  const rowOf = new Map<string, number>();
  for (const r of rows) {
    for (const p of r.source) rowOf.set(sentenceKey("source", p), r.key);
    for (const p of r.target) rowOf.set(sentenceKey("target", p), r.key);
  }
  const edited = new Set<number>();
  const byReviewer = new Map<string, Set<number>>();
  const credit = (login: string | null, key: number | undefined) => {
    if (login === null || key === undefined) return;
    byReviewer.set(login, (byReviewer.get(login) ?? new Set()).add(key));
  };
  for (const side of ["source", "target"] as const) {
    for (const s of snapshot[side]) {
      if (s.text === s.originalText) continue;
      const key = rowOf.get(sentenceKey(side, s.position));
      if (key !== undefined) edited.add(key);
      credit(touched[s.id]?.author ?? null, key);
    }
  }
  for (const f of snapshot.flags) if (f.status !== "open") credit(f.decidedBy, rowOf.get(sentenceKey(f.side, f.sentence)));
  for (const a of snapshot.annotations) credit(a.author, rowOf.get(sentenceKey(a.side, a.sentence)));
  const commented = new Set(Object.entries(commentCounts).filter(([, n]) => n > 0).map(([id]) => Number(id)));
  return { edited, commented, byReviewer };
}

/** The next (dir 1) or previous (dir -1) row from `from` that satisfies `test`, or -1. */
export function findRow(rows: Row[], from: number, dir: 1 | -1, test: (row: Row) => boolean): number {
  for (let i = from + dir; i >= 0 && i < rows.length; i += dir) if (test(rows[i])) return i;
  return -1;
}

export const MQM_CATEGORY_LIST: MqmCategory[] = [
  "Accuracy/Mistranslation", "Accuracy/Omission", "Accuracy/Addition", "Accuracy/Untranslated",
  "Terminology/Inconsistent", "Fluency/Spelling", "Fluency/Grammar", "Fluency/Punctuation", "Fluency/Spacing",
  "Locale/Number format", "Design/Markup", "Style/Awkward", "Other",
];
export const SEVERITY_LIST = ["neutral", "minor", "major", "critical"] as const;
