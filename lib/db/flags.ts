// Findings as Flag rows: re-running the detectors on the current texts and links while
// keeping what reviewers decided. A stored flag and a new finding are "the same" when their
// fingerprints (services.findingKey) match; the stored row — id, status, decider — survives.
import type { Tx } from "./client";
import type { FlagRecord } from "../document";
import type { Finding, Link, Sentence, Side } from "../types";
import { defaultServices, type ReviewServices } from "../review/services";
import { flagRow } from "./documents";
import { flagRecords } from "./review-records";
import { linkHolding } from "./review-locate";

export interface FlagChanges { upsert: FlagRecord[]; remove: number[] }

interface Options {
  services?: ReviewServices;
  /** Only flags on these segments are replaced (a text edit); the detectors still see the whole document. */
  segmentIds?: number[];
  /** Position of a link holding (some of) segmentIds, when the caller knows it. */
  nearLink?: number;
  /** The document's languages, when the caller has read the row already (saves reading it again). */
  langs?: { sourceLang: string; targetLang: string | null };
}

export function asSentence(s: { text: string; start: number | null; paragraph: number }): Sentence {
  const start = s.start ?? 0;
  return { text: s.text, start, end: start + s.text.length, paragraph: s.paragraph };
}

type StoredFlag = { id: number; segmentId: number | null; start: number; status: string };

/**
 * Takes the stored flag that best continues `row` out of `candidates` (same fingerprint): on the
 * same sentence nearest to it. An accepted flag only continues a finding at exactly its place —
 * its words were replaced, so the same words elsewhere are another finding.
 */
function closest<T extends StoredFlag>(candidates: T[], row: { segmentId: number | null; start: number }): T | undefined {
  let best = -1;
  let bestScore = Infinity;
  candidates.forEach((c, i) => {
    const sameSentence = c.segmentId === row.segmentId;
    if (c.status === "accepted" && !(sameSentence && c.start === row.start)) return;
    // A fixed finding comes back only on its own sentence (an undo, or the error typed again).
    if (c.status === "fixed" && !sameSentence) return;
    const score = (sameSentence ? 0 : 1e9) + Math.abs(c.start - row.start);
    if (score < bestScore) { best = i; bestScore = score; }
  });
  return best < 0 ? undefined : candidates.splice(best, 1)[0];
}

type SegmentLite = { id: number; side: string; position: number; text: string; originalText: string; start: number | null; paragraph: number };

/** What the detectors see: sentences per side (indices are local to the view) and links over them. */
type LinkLite = { id: number; sourceIds: unknown; targetIds: unknown; confidence: number };
interface DetectionView { segments: SegmentLite[]; linkRows: LinkLite[]; bySide: Record<Side, SegmentLite[]>; links: Link[]; linkOf: Map<number, number> }

const SEGMENT_FIELDS = { id: true, side: true, position: true, text: true, originalText: true, start: true, paragraph: true } as const;

/**
 * An open finding the detectors no longer find was fixed by hand when its sentence was corrected,
 * its flagged words were in the sentence as imported and are gone from it now. Otherwise it went
 * away for another reason (the alignment changed, the detectors' context moved) and is dropped.
 */
export function fixedByHand(flag: { status: string; excerpt: string }, sentence: { text: string; originalText: string } | undefined): boolean {
  if (flag.status !== "open" || !sentence || !flag.excerpt) return false;
  return sentence.text !== sentence.originalText && sentence.originalText.includes(flag.excerpt) && !sentence.text.includes(flag.excerpt);
}

function view(segments: SegmentLite[], linkRows: LinkLite[]): DetectionView {
  const bySide = { source: segments.filter((s) => s.side === "source"), target: segments.filter((s) => s.side === "target") };
  const local = new Map<number, number>();
  bySide.source.forEach((s, i) => local.set(s.id, i));
  bySide.target.forEach((s, i) => local.set(s.id, i));
  const linkOf = new Map<number, number>();
  const links: Link[] = linkRows.map((l) => {
    for (const id of [...(l.sourceIds as number[]), ...(l.targetIds as number[])]) linkOf.set(id, l.id);
    return { source: (l.sourceIds as number[]).map((id) => local.get(id)!), target: (l.targetIds as number[]).map((id) => local.get(id)!), confidence: l.confidence };
  });
  return { segments, linkRows, bySide, links, linkOf };
}

async function wholeDocument(tx: Tx, documentId: number): Promise<DetectionView> {
  const segments = await tx.segment.findMany({ where: { documentId }, orderBy: { position: "asc" }, select: SEGMENT_FIELDS });
  const linkRows = await tx.link.findMany({ where: { documentId }, orderBy: { position: "asc" }, select: { id: true, sourceIds: true, targetIds: true, confidence: true } });
  return view(segments, linkRows);
}

/** Links this far either side of an edited one give the detectors their context. */
export const CONTEXT_LINKS = 10;

async function aroundLink(tx: Tx, documentId: number, linkPosition: number): Promise<DetectionView> {
  const linkRows = await tx.link.findMany({
    where: { documentId, position: { gte: linkPosition - CONTEXT_LINKS, lte: linkPosition + CONTEXT_LINKS } }, orderBy: { position: "asc" },
    select: { id: true, sourceIds: true, targetIds: true, confidence: true },
  });
  const ids = linkRows.flatMap((l) => [...(l.sourceIds as number[]), ...(l.targetIds as number[])]);
  const segments = await tx.segment.findMany({ where: { id: { in: ids } }, orderBy: { position: "asc" }, select: SEGMENT_FIELDS });
  return view(segments, linkRows);
}

async function aroundSentence(tx: Tx, documentId: number, position: number): Promise<DetectionView> {
  const segments = await tx.segment.findMany({ where: { documentId, side: "source", position: { gte: position - CONTEXT_LINKS, lte: position + CONTEXT_LINKS } }, orderBy: { position: "asc" }, select: SEGMENT_FIELDS });
  return view(segments, []);
}

/**
 * Re-runs the detectors for a document and brings its Flag rows up to date; returns what changed.
 * With `segmentIds` only the flags of those sentences are replaced, and the detectors read just
 * the link holding them and CONTEXT_LINKS links either side (a text edit stays fast on a long
 * document; findings that need the whole document are brought up to date by the next full run).
 */
export async function refreshFindings(tx: Tx, documentId: number, options: Options = {}): Promise<FlagChanges> {
  const services = options.services ?? defaultServices;
  const doc = options.langs ?? await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { sourceLang: true, targetLang: true } });
  let seen: DetectionView;
  if (options.segmentIds?.length) {
    if (options.nearLink !== undefined && doc.targetLang) {
      seen = await aroundLink(tx, documentId, options.nearLink);
    } else {
      const first = await tx.segment.findFirst({ where: { id: { in: options.segmentIds } }, orderBy: { position: "asc" } });
      const holder = first && doc.targetLang ? await linkHolding(tx, documentId, first.id, first.side as Side, first.position) : null;
      seen = holder ? await aroundLink(tx, documentId, holder.position) : first ? await aroundSentence(tx, documentId, first.position) : view([], []);
    }
  } else {
    seen = await wholeDocument(tx, documentId);
  }
  const scope = options.segmentIds ? new Set(options.segmentIds) : null;
  const detect = (v: DetectionView, only?: string[]) => {
    const found = doc.targetLang
      ? services.checkAligned({ sourceLang: doc.sourceLang, targetLang: doc.targetLang, source: v.bySide.source.map(asSentence), target: v.bySide.target.map(asSentence), links: v.links }, only)
      : services.checkMonolingual({ lang: doc.sourceLang, sentences: v.bySide.source.map(asSentence) }, only);
    return found.flatMap((f) => {
      const segment = v.bySide[f.side][f.sentence];
      return segment && (!scope || scope.has(segment.id)) ? [{ f, segment }] : [];
    });
  };
  const { linkOf } = seen;
  let fresh: { f: Finding; segment: SegmentLite }[];
  const local = services.linkLocalDetectors;
  if (scope && local?.length && doc.targetLang) {
    // Detectors that judge a link by itself read only the changed links; the others keep their context.
    const changedLinks = seen.linkRows.filter((l) => [...(l.sourceIds as number[]), ...(l.targetIds as number[])].some((id) => scope.has(id)));
    const ids = new Set(changedLinks.flatMap((l) => [...(l.sourceIds as number[]), ...(l.targetIds as number[])]));
    const narrow = view(seen.segments.filter((x) => ids.has(x.id)), changedLinks);
    const others = services.detectorIds.filter((id) => !local.includes(id));
    fresh = [...detect(narrow, local), ...(others.length ? detect(seen, others) : [])];
  } else {
    fresh = detect(seen);
  }
  const stored = await tx.flag.findMany({ where: { documentId, ...(scope ? { segmentId: { in: [...scope] } } : {}) } });
  const textOf = new Map(seen.segments.map((x) => [x.id, x.text]));
  const segmentOf = new Map(seen.segments.map((x) => [x.id, x]));

  // Stored flags keyed as the finding they were (their text at detection time is the excerpt).
  const waiting = new Map<string, (typeof stored)[number][]>();
  for (const f of stored) {
    const finding: Finding = {
      detector: f.detector, category: f.category as Finding["category"], severity: f.severity as Finding["severity"], side: f.side as Side,
      sentence: 0, span: [0, f.excerpt.length], message: { key: f.messageKey, params: f.params as Finding["message"]["params"] },
      ...(f.suggestion !== null ? { suggestion: f.suggestion } : {}), confidence: 0,
    };
    const key = services.findingKey(finding, f.excerpt);
    waiting.set(key, [...(waiting.get(key) ?? []), f]);
  }
  const keep = new Set<number>();
  const changed: Awaited<ReturnType<typeof tx.flag.update>>[] = [];
  const created: ReturnType<typeof flagRow>[] = [];
  for (const { f, segment } of fresh) {
    const text = textOf.get(segment.id)!;
    const local: Finding = { ...f, span: [0, f.span[1] - f.span[0]] };
    const key = services.findingKey(local, text.slice(f.span[0], f.span[1]));
    const row = flagRow(documentId, f, segment.id, linkOf.get(segment.id) ?? null, text);
    const match = closest(waiting.get(key) ?? [], row);
    if (match) {
      keep.add(match.id);
      const back = match.status === "fixed";
      const moved = back || match.segmentId !== row.segmentId || match.linkId !== row.linkId || match.start !== row.start || match.end !== row.end
        || JSON.stringify(match.params) !== JSON.stringify(row.params) || match.severity !== row.severity || match.messageKey !== row.messageKey;
      if (moved) {
        changed.push(await tx.flag.update({ where: { id: match.id }, data: { segmentId: row.segmentId, linkId: row.linkId, start: row.start, end: row.end, excerpt: row.excerpt, params: row.params, severity: row.severity, messageKey: row.messageKey, evidence: row.evidence, ...(back ? { status: "open", decidedAt: null, decidedBy: null } : {}) } }));
      }
    } else {
      created.push(row);
    }
  }
  // An accepted finding is usually gone after its fix: its row stays as the record of the decision.
  // A finding fixed by hand stays too, so the report counts it as accepting its suggestion would.
  const gone = stored.filter((f) => !keep.has(f.id) && f.status !== "accepted" && f.status !== "fixed");
  const fixed = gone.filter((f) => f.segmentId !== null && fixedByHand(f, segmentOf.get(f.segmentId))).map((f) => f.id);
  const remove = gone.filter((f) => !fixed.includes(f.id)).map((f) => f.id);
  if (remove.length) await tx.flag.deleteMany({ where: { id: { in: remove } } });
  if (fixed.length) {
    changed.push(...await tx.flag.updateManyAndReturn({ where: { id: { in: fixed } }, data: { status: "fixed", decidedAt: new Date() } }));
  }
  const newRows = created.length ? await tx.flag.createManyAndReturn({ data: created }) : [];
  // The detectors' view knows where each of its sentences is: no query for the records' places.
  const places = new Map(seen.segments.map((x) => [x.id, { side: x.side as Side, position: x.position }]));
  return { upsert: await flagRecords(tx, [...changed, ...newRows], places), remove };
}
