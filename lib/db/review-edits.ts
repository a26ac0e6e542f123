// Sentence texts changed in place, anywhere in a document, as one change: what replace-all
// and accept-all write. The windows of review-change.ts hold contiguous rows; replacing 16
// matches spread over a book would make one window of thousands of unchanged rows, so these
// changes list just the sentences they touch (`edits` of a ChangeState), and undo/redo
// write them back through writeChange like any other part of a change.
import type { Tx } from "./client";
import { findManyIn } from "./chunked";
import { ConflictError, InvalidOperationError } from "../review/errors";
import type { SegmentRecord } from "../document";
import type { Side } from "../types";
import { defaultServices, type ReviewServices } from "../review/services";
import { CONTEXT_LINKS, refreshFindings, type FlagChanges } from "./flags";
import { segmentRecord } from "./review-records";

/** One sentence's text in a change (before or after). */
export interface SegmentEdit { id: number; side: Side; text: string }

/**
 * Writes `to` over `from`. With `check` (undo/redo) the sentences must still read as `from`;
 * a sentence of another document is refused like every other write of a change.
 */
export async function writeSegmentEdits(tx: Tx, documentId: number, from: SegmentEdit[], to: SegmentEdit[], check: boolean): Promise<SegmentRecord[]> {
  const ids = [...new Set([...from, ...to].map((e) => e.id))];
  const rows = await findManyIn(ids, (part) => tx.segment.findMany({ where: { id: { in: part } } }));
  const foreign = rows.find((r) => r.documentId !== documentId);
  if (foreign) throw new InvalidOperationError(`This change names sentence ${foreign.id}, which belongs to another document, so nothing was changed. (Revisions copied in by an import cannot be undone.)`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const gone = ids.find((id) => !byId.has(id));
  const stale = (id: number) => new ConflictError("Someone else has changed this sentence since; undoing or redoing this change would overwrite their work, so it was not done.", "segment", id);
  if (gone !== undefined) throw stale(gone);
  if (check) for (const e of from) if (byId.get(e.id)!.text !== e.text) throw stale(e.id);
  const changed: number[] = [];
  for (const e of to) {
    const now = byId.get(e.id)!;
    if (now.text === e.text) continue;
    await tx.segment.update({ where: { id: e.id }, data: { text: e.text, version: now.version + 1 } });
    changed.push(e.id);
  }
  const written = await findManyIn(changed, (part) => tx.segment.findMany({ where: { id: { in: part } } }));
  return written.map(segmentRecord);
}

/**
 * Findings brought up to date after texts changed at many places: the changed sentences are
 * grouped into stretches of links, and each stretch is re-checked with its context as after a
 * single edit (refreshFindings reads CONTEXT_LINKS links either side of one link). Measured on a
 * book (bench figures in the #16 notes), this beats one run over the whole document even with
 * hundreds of places, so there is no whole-document fallback.
 */
export async function refreshEdited(tx: Tx, documentId: number, segmentIds: number[], services: ReviewServices = defaultServices): Promise<FlagChanges> {
  if (!segmentIds.length) return { upsert: [], remove: [] };
  const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { targetLang: true } });
  const wanted = new Set(segmentIds);
  const places: { at: number; segments: number[] }[] = [];
  if (doc.targetLang) {
    const links = await tx.link.findMany({ where: { documentId }, orderBy: { position: "asc" }, select: { position: true, sourceIds: true, targetIds: true } });
    for (const l of links) {
      const ids = [...(l.sourceIds as number[]), ...(l.targetIds as number[])];
      if (ids.some((id) => wanted.has(id))) places.push({ at: l.position, segments: ids });
    }
  } else {
    const rows = await findManyIn(segmentIds, (part) => tx.segment.findMany({ where: { id: { in: part }, documentId }, select: { id: true, position: true } }));
    for (const r of rows.sort((a, b) => a.position - b.position)) places.push({ at: r.position, segments: [r.id] });
  }
  const stretches: { from: number; to: number; segments: number[] }[] = [];
  for (const p of places) {
    const last = stretches[stretches.length - 1];
    if (last && p.at - last.from <= CONTEXT_LINKS) { last.to = p.at; last.segments.push(...p.segments); }
    else stretches.push({ from: p.at, to: p.at, segments: [...p.segments] });
  }
  const upsert = new Map<number, FlagChanges["upsert"][number]>();
  const remove: number[] = [];
  for (const s of stretches) {
    const middle = Math.floor((s.from + s.to) / 2);
    const changes = await refreshFindings(tx, documentId, { services, segmentIds: s.segments, ...(doc.targetLang ? { nearLink: middle } : {}) });
    for (const f of changes.upsert) upsert.set(f.id, f);
    remove.push(...changes.remove);
  }
  return { upsert: [...upsert.values()], remove };
}
