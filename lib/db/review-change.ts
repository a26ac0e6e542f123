// A change as the revision log stores it: for each part of a document it touches, the rows
// before and after. Links and sentences change as contiguous windows (by position), which
// is what makes every structural operation — and its undo — one generic replacement.
// Undo writes `before` over `after` after checking that the rows still equal `after`.
// Renumbering positions is raw SQL: it is not a change of the rows (updatedAt stays).
import type { Tx } from "./client";
import { deleteManyIn, findFirstIn, findManyIn } from "./chunked";
import type { LinkStatus, FlagStatus } from "../document";
import type { Side } from "../types";
import { ConflictError, InvalidOperationError } from "../review/errors";
import { annotationRecords, linkRecords, segmentRecord } from "./review-records";
import type { ReviewPatch } from "../review/patch";
import { writeSegmentEdits, type SegmentEdit } from "./review-edits";

export interface LinkRow { id?: number; sourceIds: number[]; targetIds: number[]; confidence: number; status: LinkStatus; version?: number }
export interface SegmentRow { id?: number; paragraph: number; start: number | null; end: number | null; originalText: string; text: string; version?: number }
export interface AnnotationRow { id?: number; segmentId: number; start: number; end: number; category: string; severity: string; comment: string; authorId: number | null; createdAt: string; version?: number }
export interface FlagDecision { id: number; status: FlagStatus; decidedBy: number | null; decidedAt: string | null }

/** Contiguous rows by position; `prevId` is the row just before them (null at the start). */
export interface Window<R> { prevId: number | null; rows: R[] }

export interface ChangeState {
  links?: Window<LinkRow>;
  source?: Window<SegmentRow>;
  target?: Window<SegmentRow>;
  annotations?: AnnotationRow[];
  flags?: FlagDecision[];
  /** Sentences whose text changed in place, anywhere in the document (replace all, accept all). */
  edits?: SegmentEdit[];
}

const SIDES: Side[] = ["source", "target"];

const linkContent = (r: LinkRow) => JSON.stringify([r.sourceIds, r.targetIds, r.confidence, r.status]);
const segmentContent = (r: SegmentRow) => JSON.stringify([r.paragraph, r.start, r.end, r.originalText, r.text]);
const annotationContent = (r: AnnotationRow) => JSON.stringify([r.segmentId, r.start, r.end, r.category, r.severity, r.comment, r.authorId]);

function stale(entity: "link" | "segment" | "annotation" | "flag", id: number | null, what: string): ConflictError {
  return new ConflictError(`Someone else has changed ${what} since; undoing or redoing this change would overwrite their work, so it was not done.`, entity, id);
}

/** Drops the rows both windows share at their start and end, so a change stores only what differs. */
export function trimWindow<R extends { id?: number }>(before: R[], after: R[], content: (r: R) => string, prevIdOf: (index: number) => number | null, start: number): { before: Window<R>; after: Window<R> } {
  let head = 0;
  while (head < before.length && head < after.length && before[head].id === after[head].id && content(before[head]) === content(after[head])) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail].id === after[after.length - 1 - tail].id && content(before[before.length - 1 - tail]) === content(after[after.length - 1 - tail])) tail++;
  const prevId = prevIdOf(start + head);
  return { before: { prevId, rows: before.slice(head, before.length - tail) }, after: { prevId, rows: after.slice(head, after.length - tail) } };
}

export const trimLinks = (before: LinkRow[], after: LinkRow[], prevIdOf: (i: number) => number | null, start = 0) => trimWindow(before, after, linkContent, prevIdOf, start);

/**
 * Where a window starts now (its rows may have moved since it was recorded) and the ids of the
 * rows now at its positions, read with two small queries rather than the whole list.
 */
async function locate(
  position: (id: number) => Promise<number | null>,
  idsAt: (from: number, count: number) => Promise<number[]>,
  window: Window<{ id?: number }>, entity: "link" | "segment", check: boolean,
): Promise<{ at: number; ids: number[] }> {
  const first = window.rows[0]?.id;
  let at: number;
  if (first !== undefined) {
    const p = await position(first);
    if (p === null) throw stale(entity, first, `this ${entity === "link" ? "link" : "sentence"}`);
    at = p;
  } else if (window.prevId === null) {
    at = 0;
  } else {
    const p = await position(window.prevId);
    if (p === null) throw stale(entity, window.prevId, `the ${entity === "link" ? "link" : "sentence"} before this change`);
    at = p + 1;
  }
  return { at, ids: check && window.rows.length ? await idsAt(at, window.rows.length) : [] };
}

/**
 * Refuses a change that names a row of another document. Row ids in a change come from
 * the revision log, and a log can hold ids that are not this document's (revisions copied
 * in by an import of an export, a crafted file, a bug): every write goes through here, so
 * no undo, redo or operation can reach outside the document of its request.
 */
export async function assertOwnRows(tx: Tx, documentId: number, states: ChangeState[], flagIds: number[] = []): Promise<void> {
  const segments = new Set<number>();
  const links = new Set<number>();
  const annotations = new Set<number>();
  for (const state of states) {
    for (const side of SIDES) {
      const w = state[side];
      if (!w) continue;
      if (w.prevId !== null) segments.add(w.prevId);
      for (const r of w.rows) if (r.id !== undefined) segments.add(r.id);
    }
    if (state.links) {
      if (state.links.prevId !== null) links.add(state.links.prevId);
      for (const r of state.links.rows) {
        if (r.id !== undefined) links.add(r.id);
        for (const id of [...r.sourceIds, ...r.targetIds]) segments.add(id);
      }
    }
    for (const a of state.annotations ?? []) {
      if (a.id !== undefined) annotations.add(a.id);
      segments.add(a.segmentId);
    }
    for (const f of state.flags ?? []) flagIds.push(f.id);
  }
  const elsewhere = { documentId: { not: documentId } };
  const select = { id: true } as const;
  const ids = (set: Iterable<number>) => [...new Set(set)].filter((id) => Number.isSafeInteger(id));
  const checks: [string, () => Promise<{ id: number } | null>][] = [
    ["sentence", () => findFirstIn(ids(segments), (part) => tx.segment.findFirst({ where: { id: { in: part }, ...elsewhere }, select }))],
    ["link", () => findFirstIn(ids(links), (part) => tx.link.findFirst({ where: { id: { in: part }, ...elsewhere }, select }))],
    ["annotation", () => findFirstIn(ids(annotations), (part) => tx.annotation.findFirst({ where: { id: { in: part }, ...elsewhere }, select }))],
    ["finding", () => findFirstIn(ids(flagIds), (part) => tx.flag.findFirst({ where: { id: { in: part }, ...elsewhere }, select }))],
  ];
  for (const [what, query] of checks) {
    const foreign = await query();
    if (foreign) {
      throw new InvalidOperationError(`This change names ${what} ${foreign.id}, which belongs to another document, so nothing was changed. (Revisions copied in by an import cannot be undone.)`);
    }
  }
}


interface Written { patch: Pick<ReviewPatch, "shifts" | "links" | "segments" | "annotations" | "flags">; after: ChangeState; deleteSegments: number[] }

/**
 * Replaces the `from` state by `to` in the database. With `check`, first makes sure the
 * rows still equal `from` (undo/redo); operations skip it because they just read `from`.
 * Rows of `to` without an id are created and the returned `after` has their ids.
 */
export async function writeChange(tx: Tx, documentId: number, from: ChangeState, to: ChangeState, check: boolean): Promise<Written> {
  const patch: Written["patch"] = { shifts: {}, links: { upsert: [], remove: [] }, segments: { upsert: [], remove: [] }, annotations: { upsert: [], remove: [] }, flags: { upsert: [], remove: [] } };
  const after: ChangeState = { ...to };
  const deleteSegments: number[] = [];
  await assertOwnRows(tx, documentId, [from, to]);
  if (from.edits || to.edits) patch.segments.upsert.push(...(await writeSegmentEdits(tx, documentId, from.edits ?? [], to.edits ?? [], check)));

  for (const side of SIDES) {
    const f = from[side];
    const t = to[side];
    if (!f || !t) continue;
    const { at, ids: idsNow } = await locate(
      async (id) => (await tx.segment.findFirst({ where: { id, documentId, side }, select: { position: true } }))?.position ?? null,
      async (from, count) => (await tx.segment.findMany({ where: { documentId, side, position: { gte: from, lt: from + count } }, orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id),
      f, "segment", check,
    );
    const current = await findManyIn(f.rows.map((r) => r.id!), (part) => tx.segment.findMany({ where: { id: { in: part }, documentId, side } }));
    const byId = new Map(current.map((r) => [r.id, r]));
    if (check) {
      f.rows.forEach((r, k) => {
        const now = byId.get(r.id!);
        if (!now || idsNow[k] !== r.id || segmentContent(now) !== segmentContent(r)) throw stale("segment", r.id ?? null, "this sentence");
      });
      const back = t.rows.flatMap((r) => (r.id !== undefined && !byId.has(r.id) ? [r.id] : []));
      const taken = await findFirstIn(back, (part) => tx.segment.findFirst({ where: { id: { in: part } }, select: { id: true } }));
      if (taken) throw stale("segment", taken.id, "this sentence");
    }
    const keep = new Set(t.rows.flatMap((r) => (r.id !== undefined ? [r.id] : [])));
    for (const r of f.rows) if (!keep.has(r.id!)) deleteSegments.push(r.id!);
    const delta = t.rows.length - f.rows.length;
    if (delta !== 0) await tx.$executeRaw`UPDATE "Segment" SET "position" = "position" + ${delta} WHERE "documentId" = ${documentId} AND "side" = ${side} AND "position" >= ${at + f.rows.length}`;
    const rows: SegmentRow[] = [];
    for (const [k, r] of t.rows.entries()) {
      const data = { paragraph: r.paragraph, start: r.start, end: r.end, originalText: r.originalText, text: r.text, position: at + k };
      const now = r.id !== undefined ? byId.get(r.id) : undefined;
      let id = r.id;
      if (now) {
        const changed = segmentContent(now) !== segmentContent(r);
        if (changed || now.position !== at + k) await tx.segment.update({ where: { id: now.id }, data: { ...data, ...(changed ? { version: now.version + 1 } : {}) } });
      } else {
        id = (await tx.segment.create({ data: { ...data, ...(r.id !== undefined ? { id: r.id, version: (r.version ?? 0) + 1 } : {}), documentId, side }, select: { id: true } })).id;
      }
      rows.push({ ...r, id });
    }
    after[side] = { prevId: t.prevId, rows };
    if (delta !== 0) patch.shifts[side] = { at: at + f.rows.length, delta };
    patch.segments.remove.push(...deleteSegments.filter((id) => current.some((c) => c.id === id)));
    const written = (await findManyIn(rows.map((r) => r.id!), (part) => tx.segment.findMany({ where: { id: { in: part } } }))).sort((a, b) => a.position - b.position);
    for (const w of written) rows[rows.findIndex((r) => r.id === w.id)].version = w.version;
    patch.segments.upsert.push(...written.map(segmentRecord));
  }

  if (from.annotations || to.annotations) {
    const f = from.annotations ?? [];
    const t = to.annotations ?? [];
    const fromIds = new Set(f.map((a) => a.id!));
    const current = await findManyIn([...fromIds, ...t.flatMap((a) => (a.id !== undefined ? [a.id] : []))], (part) => tx.annotation.findMany({ where: { id: { in: part }, documentId } }));
    const byId = new Map(current.map((a) => [a.id, a]));
    if (check) {
      for (const a of f) {
        const now = byId.get(a.id!);
        if (!now || annotationContent({ ...now, createdAt: "" }) !== annotationContent(a)) throw stale("annotation", a.id ?? null, "this annotation");
      }
      for (const a of t) if (a.id !== undefined && !fromIds.has(a.id) && byId.has(a.id)) throw stale("annotation", a.id, "this annotation");
      if (deleteSegments.length) {
        const onDeleted = await findManyIn(deleteSegments, (part) => tx.annotation.findMany({ where: { segmentId: { in: part }, documentId }, select: { id: true } }));
        const extra = onDeleted.find((a) => !fromIds.has(a.id));
        if (extra) throw stale("annotation", extra.id, "the annotations on this sentence");
      }
    }
    const toIds = new Set(t.flatMap((a) => (a.id !== undefined ? [a.id] : [])));
    const removed = f.filter((a) => !toIds.has(a.id!)).map((a) => a.id!);
    await deleteManyIn(removed, (part) => tx.annotation.deleteMany({ where: { id: { in: part }, documentId } }));
    patch.annotations.remove.push(...removed);
    const rows: AnnotationRow[] = [];
    for (const a of t) {
      const data = { segmentId: a.segmentId, start: a.start, end: a.end, category: a.category, severity: a.severity, comment: a.comment, authorId: a.authorId };
      const now = a.id !== undefined ? byId.get(a.id) : undefined;
      let row;
      if (now) {
        const changed = annotationContent({ ...now, createdAt: "" }) !== annotationContent(a);
        row = changed ? await tx.annotation.update({ where: { id: now.id }, data: { ...data, version: now.version + 1 } }) : now;
      } else {
        row = await tx.annotation.create({ data: { ...data, documentId, createdAt: new Date(a.createdAt), ...(a.id !== undefined ? { id: a.id, version: (a.version ?? 0) + 1 } : {}) } });
      }
      rows.push({ ...a, id: row.id, version: row.version });
      patch.annotations.upsert.push(row as never);
    }
    after.annotations = rows;
  }
  if (deleteSegments.length) {
    // Findings on a sentence that is gone are gone too; an accepted or fixed one stays as the record of the error.
    const gone = await findManyIn(deleteSegments, (part) => tx.flag.findMany({ where: { segmentId: { in: part }, documentId, status: { notIn: ["accepted", "fixed"] } }, select: { id: true } }));
    await deleteManyIn(gone.map((f) => f.id), (part) => tx.flag.deleteMany({ where: { id: { in: part } } }));
    patch.flags.remove.push(...gone.map((f) => f.id));
    await deleteManyIn(deleteSegments, (part) => tx.segment.deleteMany({ where: { id: { in: part }, documentId } }));
  }

  if (from.links && to.links) {
    const f = from.links;
    const t = to.links;
    const { at, ids: idsNow } = await locate(
      async (id) => (await tx.link.findFirst({ where: { id, documentId }, select: { position: true } }))?.position ?? null,
      async (from, count) => (await tx.link.findMany({ where: { documentId, position: { gte: from, lt: from + count } }, orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id),
      f, "link", check,
    );
    const current = await findManyIn(f.rows.map((r) => r.id!), (part) => tx.link.findMany({ where: { id: { in: part }, documentId } }));
    const byId = new Map(current.map((r) => [r.id, r]));
    const asRow = (l: (typeof current)[number]): LinkRow => ({ id: l.id, sourceIds: l.sourceIds as number[], targetIds: l.targetIds as number[], confidence: l.confidence, status: l.status as LinkStatus });
    if (check) {
      f.rows.forEach((r, k) => {
        const now = byId.get(r.id!);
        if (!now || idsNow[k] !== r.id || linkContent(asRow(now)) !== linkContent(r)) throw stale("link", r.id ?? null, "this link");
      });
      const back = t.rows.flatMap((r) => (r.id !== undefined && !byId.has(r.id) ? [r.id] : []));
      const taken = await findFirstIn(back, (part) => tx.link.findFirst({ where: { id: { in: part } }, select: { id: true } }));
      if (taken) throw stale("link", taken.id, "this link");
    }
    const keep = new Set(t.rows.flatMap((r) => (r.id !== undefined ? [r.id] : [])));
    const removed = f.rows.filter((r) => !keep.has(r.id!)).map((r) => r.id!);
    await deleteManyIn(removed, (part) => tx.link.deleteMany({ where: { id: { in: part }, documentId } }));
    patch.links.remove.push(...removed);
    const delta = t.rows.length - f.rows.length;
    if (delta !== 0) await tx.$executeRaw`UPDATE "Link" SET "position" = "position" + ${delta} WHERE "documentId" = ${documentId} AND "position" >= ${at + f.rows.length}`;
    const rows: LinkRow[] = [];
    const newRows: { k: number; data: Parameters<Tx["link"]["create"]>[0]["data"] }[] = [];
    for (const [k, r] of t.rows.entries()) {
      const data = { sourceIds: r.sourceIds, targetIds: r.targetIds, confidence: r.confidence, status: r.status, position: at + k };
      const now = r.id !== undefined ? byId.get(r.id) : undefined;
      if (now) {
        const changed = linkContent(asRow(now)) !== linkContent(r);
        if (changed || now.position !== at + k) await tx.link.update({ where: { id: now.id }, data: { ...data, ...(changed ? { version: now.version + 1 } : {}) } });
        rows.push({ ...r });
      } else if (r.id !== undefined) {
        await tx.link.create({ data: { ...data, id: r.id, version: (r.version ?? 0) + 1, documentId } });
        rows.push({ ...r });
      } else {
        newRows.push({ k, data: { ...data, documentId } });
        rows.push({ ...r });
      }
    }
    // A re-alignment can create thousands of links: one statement for all of them.
    if (newRows.length) {
      const created = await tx.link.createManyAndReturn({ data: newRows.map((n) => n.data) as never, select: { id: true, position: true } });
      const byPosition = new Map(created.map((c) => [c.position, c.id]));
      for (const n of newRows) rows[n.k].id = byPosition.get(at + n.k);
    }
    const written = (await findManyIn(rows.map((r) => r.id!), (part) => tx.link.findMany({ where: { id: { in: part } } }))).sort((a, b) => a.position - b.position);
    const version = new Map(written.map((w) => [w.id, w.version]));
    for (const r of rows) r.version = version.get(r.id!);
    after.links = { prevId: t.prevId, rows };
    if (delta !== 0) patch.shifts.links = { at: at + f.rows.length, delta };
    patch.links.upsert.push(...(await linkRecords(tx, written)));
  }
  if (patch.annotations.upsert.length) patch.annotations.upsert = await annotationRecords(tx, patch.annotations.upsert as never);
  return { patch, after, deleteSegments };
}

/** Reviewer decisions on findings; rows that a re-run of the detectors removed are skipped. */
export async function writeFlagDecisions(tx: Tx, documentId: number, from: FlagDecision[], to: FlagDecision[], check: boolean): Promise<number[]> {
  await assertOwnRows(tx, documentId, [{ flags: from }, { flags: to }]);
  const current = await findManyIn(to.map((f) => f.id), (part) => tx.flag.findMany({ where: { id: { in: part }, documentId }, select: { id: true, status: true } }));
  const status = new Map(current.map((c) => [c.id, c.status]));
  if (check) {
    for (const f of from) {
      if (status.has(f.id) && status.get(f.id) !== f.status) throw stale("flag", f.id, "the decision on this finding");
    }
  }
  const written: number[] = [];
  for (const f of to) {
    if (!status.has(f.id)) continue;
    await tx.flag.update({ where: { id: f.id }, data: { status: f.status, decidedBy: f.decidedBy, decidedAt: f.decidedAt ? new Date(f.decidedAt) : null } });
    written.push(f.id);
  }
  return written;
}

export function linkRowOf(l: { id: number; sourceIds: unknown; targetIds: unknown; confidence: number; status: string; version: number }): LinkRow {
  return { id: l.id, sourceIds: l.sourceIds as number[], targetIds: l.targetIds as number[], confidence: l.confidence, status: l.status as LinkStatus, version: l.version };
}

export function segmentRowOf(s: { id: number; paragraph: number; start: number | null; end: number | null; originalText: string; text: string; version: number }): SegmentRow {
  return { id: s.id, paragraph: s.paragraph, start: s.start, end: s.end, originalText: s.originalText, text: s.text, version: s.version };
}

export function annotationRowOf(a: { id: number; segmentId: number; start: number; end: number; category: string; severity: string; comment: string; authorId: number | null; createdAt: Date; version: number }): AnnotationRow {
  return { id: a.id, segmentId: a.segmentId, start: a.start, end: a.end, category: a.category, severity: a.severity, comment: a.comment, authorId: a.authorId, createdAt: a.createdAt.toISOString(), version: a.version };
}
