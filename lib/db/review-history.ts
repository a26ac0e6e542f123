// The history panel: revisions of a document (or of one link / sentence), newest first,
// with author names and word-level diffs of the texts they changed.
import type { Db } from "./client";
import type { Side } from "../types";
import { wordDiff, type WordDiffPart } from "../review/diff";
import { movedSegments } from "../review/history-detail";
import { findManyIn } from "./chunked";
import type { SegmentRow } from "./review-change";
import type { StoredChange } from "./review";

export interface HistoryEntry {
  id: number;
  author: { login: string; name: string } | null;
  createdAt: string;
  operation: string;
  entity: "document" | "link" | "segment" | "flag" | "annotation";
  entityId: number | null;
  undone: boolean;
  target?: number;
  texts?: { segmentId: number; side: Side; before: string; after: string; diff: WordDiffPart[] }[];
  links: number[];
  /** decideFlag (and bulk decisions): which findings, and what was decided on each. */
  findings?: { id: number; detector: string; category: string; excerpt: string; message: { key: string; params: Record<string, string | number> }; from: string; to: string }[];
  /** Structural changes: the sentences that went to another link (1-based numbers as they stand now). */
  moved?: { side: Side; sentences: number[] }[];
  before: unknown;
  after: unknown;
}

export interface HistoryQuery { linkId?: number; segmentId?: number; limit?: number; beforeId?: number }

function segmentIdsOf(change: StoredChange | null): number[] {
  if (!change) return [];
  return [
    ...(change.source?.rows ?? []), ...(change.target?.rows ?? []), ...(change.edits ?? []),
  ].map((r) => r.id!).concat((change.annotations ?? []).map((a) => a.segmentId))
    .concat((change.links?.rows ?? []).flatMap((l) => [...l.sourceIds, ...l.targetIds]));
}

function texts(before: StoredChange | null, after: StoredChange | null): HistoryEntry["texts"] {
  const out: NonNullable<HistoryEntry["texts"]> = [];
  for (const side of ["source", "target"] as const) {
    const b = new Map((before?.[side]?.rows ?? []).map((r: SegmentRow) => [r.id!, r.text]));
    const a = after?.[side]?.rows ?? [];
    if (!b.size && !a.length) continue;
    const joinedBefore = [...b.values()].join(" ");
    const joinedAfter = a.map((r) => r.text).join(" ");
    if (joinedBefore === joinedAfter) continue;
    out.push({ segmentId: a[0]?.id ?? [...b.keys()][0], side, before: joinedBefore, after: joinedAfter, diff: wordDiff(joinedBefore, joinedAfter) });
  }
  // Sentences changed in place at many places (replace all, accept all): one diff each.
  const editedBefore = new Map((before?.edits ?? []).map((e) => [e.id, e.text]));
  for (const e of after?.edits ?? []) {
    const was = editedBefore.get(e.id);
    if (was !== undefined && was !== e.text) out.push({ segmentId: e.id, side: e.side, before: was, after: e.text, diff: wordDiff(was, e.text) });
  }
  return out.length ? out : undefined;
}

/** Revisions newest first; with linkId/segmentId only those that touched that link or sentence. */
export async function documentHistory(db: Db, documentId: number, query: HistoryQuery = {}): Promise<{ entries: HistoryEntry[]; nextBeforeId: number | null }> {
  const limit = Math.min(query.limit ?? 50, 500);
  const filtered = query.linkId !== undefined || query.segmentId !== undefined;
  const linkSegments = query.linkId !== undefined
    ? await db.link.findFirst({ where: { id: query.linkId, documentId }, select: { sourceIds: true, targetIds: true } })
    : null;
  const segmentsOfLink = new Set(linkSegments ? [...(linkSegments.sourceIds as number[]), ...(linkSegments.targetIds as number[])] : []);
  const matches = (r: { entity: string; entityId: number | null; before: unknown; after: unknown }) => {
    const before = r.before as StoredChange | null;
    const after = r.after as StoredChange | null;
    if (query.linkId !== undefined) {
      if (r.entity === "link" && r.entityId === query.linkId) return true;
      if ([...(before?.linkIds ?? []), ...(after?.linkIds ?? [])].includes(query.linkId)) return true;
      if ([...segmentIdsOf(before), ...segmentIdsOf(after)].some((id) => segmentsOfLink.has(id))) return true;
    }
    if (query.segmentId !== undefined) {
      if (r.entity === "segment" && r.entityId === query.segmentId) return true;
      if ([...segmentIdsOf(before), ...segmentIdsOf(after)].includes(query.segmentId)) return true;
    }
    return !filtered;
  };
  const entries: HistoryEntry[] = [];
  let cursor = query.beforeId;
  let exhausted = false;
  // Filtering needs the JSON, so page through the log until enough entries match.
  while (entries.length < limit && !exhausted) {
    const page = await db.revision.findMany({
      where: { documentId, ...(cursor !== undefined ? { id: { lt: cursor } } : {}) }, orderBy: { id: "desc" }, take: filtered ? 200 : limit - entries.length,
      include: { reviewer: { select: { login: true, displayName: true } } },
    });
    if (page.length < (filtered ? 200 : limit - entries.length)) exhausted = true;
    for (const r of page) {
      cursor = r.id;
      if (!matches(r)) continue;
      const before = r.before as StoredChange | null;
      const after = r.after as StoredChange | null;
      const target = after?.undoOf ?? after?.redoOf;
      entries.push({
        id: r.id, author: r.reviewer ? { login: r.reviewer.login, name: r.reviewer.displayName } : null, createdAt: r.createdAt.toISOString(),
        operation: r.operation, entity: r.entity as HistoryEntry["entity"], entityId: r.entityId, undone: r.undone,
        ...(target !== undefined ? { target } : {}), ...(r.operation !== "import" ? { texts: texts(before, after) } : {}),
        links: [...new Set([...(before?.linkIds ?? []), ...(after?.linkIds ?? [])])], before: r.before, after: r.after,
      });
      if (entries.length >= limit) break;
    }
  }
  await describeChanges(db, documentId, entries);
  const nextBeforeId = entries.length >= limit ? entries[entries.length - 1].id : null;
  return { entries, nextBeforeId };
}

type Decision = { id: number; status: string };
const decisionsOf = (change: unknown): Decision[] => ((change as { flags?: Decision[] } | null)?.flags ?? []);

/** Adds to each entry the findings it decided and the sentences it moved (two queries for the whole page). */
async function describeChanges(db: Db, documentId: number, entries: HistoryEntry[]): Promise<void> {
  const flagIds = [...new Set(entries.flatMap((e) => decisionsOf(e.after).map((d) => d.id)))];
  const flags = await findManyIn(flagIds, (part) => db.flag.findMany({ where: { id: { in: part }, documentId }, select: { id: true, detector: true, category: true, excerpt: true, messageKey: true, params: true } }));
  const flagById = new Map(flags.map((f) => [f.id, f]));
  const moves = new Map(entries.map((e) => [e.id, movedSegments((e.before as StoredChange | null)?.links, (e.after as StoredChange | null)?.links)]));
  const segmentIds = [...new Set([...moves.values()].flatMap((m) => [...m.source, ...m.target]))];
  const segments = await findManyIn(segmentIds, (part) => db.segment.findMany({ where: { id: { in: part }, documentId }, select: { id: true, position: true } }));
  const position = new Map(segments.map((s) => [s.id, s.position]));
  for (const e of entries) {
    const before = new Map(decisionsOf(e.before).map((d) => [d.id, d.status]));
    const findings = decisionsOf(e.after).flatMap((d) => {
      const f = flagById.get(d.id);
      if (!f) return [];
      return [{ id: f.id, detector: f.detector, category: f.category, excerpt: f.excerpt, message: { key: f.messageKey, params: f.params as Record<string, string | number> }, from: before.get(d.id) ?? "open", to: d.status }];
    });
    if (findings.length) e.findings = findings;
    const m = moves.get(e.id)!;
    const moved = (["source", "target"] as const).flatMap((side) => {
      const sentences = m[side].flatMap((id) => (position.has(id) ? [position.get(id)! + 1] : []));
      return sentences.length ? [{ side, sentences }] : [];
    });
    if (moved.length) e.moved = moved;
  }
}
