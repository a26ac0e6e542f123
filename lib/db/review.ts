// Review operations against the database: each one runs in a single transaction that checks
// the version the reviewer's view was based on, applies the pure operation from lib/review,
// writes the changed rows, re-runs the detectors where the text or alignment changed, and
// appends a Revision with the before/after rows needed to undo it.
import { checkLinks } from "../align";
import { findManyIn } from "./chunked";
import type { Db, Tx } from "./client";
import type { LinkStatus } from "../document";
import type { Side } from "../types";
import { ConflictError, InvalidOperationError, type ConflictEntity } from "../review/errors";
import { applyLinkOperation, realignFrom, type LinkOperation, type LinkState } from "../review/links";
import { aboutLinks, emptyPatch, type ReviewPatch, type UndoState } from "../review/patch";
import { joinText, mapSpan, secondPartOffset, splitText } from "../review/sentences";
import { defaultServices, realignerOf, type ReviewServices } from "../review/services";
import type { ReviewOperation } from "../review/types";
import { textProblem } from "../text-hygiene";
import { LONG_TRANSACTION, toMeta } from "./documents";
import { refreshFindings, type FlagChanges } from "./flags";
import { refreshEdited } from "./review-edits";
import {
  annotationRowOf, linkRowOf, segmentRowOf, trimLinks, writeChange, writeFlagDecisions,
  type AnnotationRow, type ChangeState, type FlagDecision, type LinkRow, type SegmentRow,
} from "./review-change";
import { annotationRecords, flagRecords, linkRecords, segmentRecord } from "./review-records";
import { linkHolding, linkIdBefore } from "./review-locate";
import { serialised } from "./review-serial";

export { ConflictError, InvalidOperationError } from "../review/errors";

export interface OperationInput {
  documentId: number;
  reviewerId: number;
  operation: ReviewOperation;
  expectedVersion: number;
  expectedVersions?: { links?: Record<number, number>; segments?: Record<number, number> };
}

export interface OperationResult { patch: ReviewPatch; undo: UndoState }

/** A revision's before/after: the change plus the links it concerns (for per-link history). */
export type StoredChange = ChangeState & { linkIds?: number[]; undoOf?: number; redoOf?: number };

const UNDOABLE_EXCLUDED = ["undo", "redo", "import"];
/** Revisions undo and redo may replay: made in this document, not copied in by an import. */
const OWN = { imported: false };
const TRANSACTION = { maxWait: 20_000, timeout: 120_000 };

function now(): string { return new Date().toISOString(); }

// ---------------------------------------------------------------- loading

async function alignmentRows(tx: Tx, documentId: number) {
  const [links, source, target] = await Promise.all([
    tx.link.findMany({ where: { documentId }, orderBy: { position: "asc" } }),
    tx.segment.findMany({ where: { documentId, side: "source" }, orderBy: { position: "asc" }, select: { id: true } }),
    tx.segment.findMany({ where: { documentId, side: "target" }, orderBy: { position: "asc" }, select: { id: true } }),
  ]);
  const rows = links.map(linkRowOf);
  const ids = { source: source.map((s) => s.id), target: target.map((t) => t.id) };
  const position = new Map<number, number>();
  ids.source.forEach((id, i) => position.set(id, i));
  ids.target.forEach((id, i) => position.set(id, i));
  const states: LinkState[] = rows.map((r) => ({ id: r.id, source: r.sourceIds.map((id) => position.get(id)!), target: r.targetIds.map((id) => position.get(id)!), confidence: r.confidence, status: r.status }));
  return { rows, states, ids };
}

/** Links at positions p-2 … p+2 with their sentence positions (only the sentences they hold). */
async function alignmentAround(tx: Tx, documentId: number, p: number) {
  const links = await tx.link.findMany({ where: { documentId, position: { gte: p - 2, lte: p + 2 } }, orderBy: { position: "asc" } });
  const rows = links.map(linkRowOf);
  const segments = await findManyIn(rows.flatMap((r) => [...r.sourceIds, ...r.targetIds]), (part) => tx.segment.findMany({ where: { id: { in: part } }, select: { id: true, side: true, position: true } }));
  const position = new Map(segments.map((x) => [x.id, x.position]));
  const ids = { source: [] as number[], target: [] as number[] };
  for (const x of segments) ids[x.side as Side][x.position] = x.id;
  const states: LinkState[] = rows.map((r) => ({ id: r.id, source: r.sourceIds.map((id) => position.get(id)!), target: r.targetIds.map((id) => position.get(id)!), confidence: r.confidence, status: r.status }));
  return { rows, states, ids };
}

function toRows(states: LinkState[], ids: { source: number[]; target: number[] }, before: Map<number, LinkRow>): LinkRow[] {
  return states.map((l) => ({ ...(l.id !== undefined ? { id: l.id, version: before.get(l.id)?.version } : {}), sourceIds: l.source.map((p) => ids.source[p]), targetIds: l.target.map((p) => ids.target[p]), confidence: l.confidence, status: l.status }));
}

async function findLink(tx: Tx, documentId: number, linkId: number) {
  const link = await tx.link.findFirst({ where: { id: linkId, documentId } });
  if (!link) throw new InvalidOperationError(`Link ${linkId} does not exist in this document (any more): reload the document.`, "notFound");
  return link;
}

async function findSegment(tx: Tx, documentId: number, segmentId: number) {
  const segment = await tx.segment.findFirst({ where: { id: segmentId, documentId } });
  if (!segment) throw new InvalidOperationError(`Sentence ${segmentId} does not exist in this document (any more): reload the document.`, "notFound");
  return segment;
}

// ---------------------------------------------------------------- conflicts

const ENTITY_NAME: Record<ConflictEntity, string> = { document: "This document", link: "This link", segment: "This sentence", flag: "This finding", annotation: "This annotation" };

/** The latest revision that touched the entity (looked for among the document's recent revisions). */
async function lastChange(tx: Tx, documentId: number, entity: ConflictEntity, entityId: number | null) {
  const recent = await tx.revision.findMany({ where: { documentId }, orderBy: { id: "desc" }, take: 100, include: { reviewer: true } });
  const touches = (r: (typeof recent)[number]) => {
    if (entity === "document" || entityId === null) return true;
    if (r.entity === entity && r.entityId === entityId) return true;
    const change = r.after as StoredChange | null;
    if (entity === "link") return !!change?.linkIds?.includes(entityId) || !!change?.links?.rows.some((l) => l.id === entityId);
    if (entity === "segment") return [...(change?.source?.rows ?? []), ...(change?.target?.rows ?? []), ...(change?.edits ?? [])].some((x) => x.id === entityId);
    if (entity === "annotation") return !!change?.annotations?.some((a) => a.id === entityId);
    if (entity === "flag") return !!change?.flags?.some((f) => f.id === entityId);
    return false;
  };
  return recent.find(touches) ?? recent[0] ?? null;
}

export async function staleView(tx: Tx, documentId: number, entity: ConflictEntity, entityId: number | null, current: unknown): Promise<ConflictError> {
  const revision = await lastChange(tx, documentId, entity, entityId);
  const who = revision?.reviewer ? { login: revision.reviewer.login, name: revision.reviewer.displayName } : null;
  const when = revision?.createdAt.toISOString() ?? null;
  const by = who ? ` by ${who.name}` : "";
  const at = when ? ` at ${when.slice(11, 16)} UTC` : "";
  const message = `${ENTITY_NAME[entity]} was changed${by}${at} since you loaded it. The view has been refreshed; please redo your change.`;
  const doc = await tx.document.findUnique({ where: { id: documentId } });
  return new ConflictError(message, entity, entityId, who, when, current, doc ? doc.version - 1 : null);
}

async function expectVersion(tx: Tx, documentId: number, entity: ConflictEntity, row: { id: number; version: number }, expected: number, current: () => Promise<unknown>) {
  if (row.version !== expected) throw await staleView(tx, documentId, entity, row.id, await current());
}

async function checkExtraVersions(tx: Tx, input: OperationInput) {
  for (const [id, version] of Object.entries(input.expectedVersions?.links ?? {})) {
    const link = await findLink(tx, input.documentId, Number(id));
    await expectVersion(tx, input.documentId, "link", link, version, async () => (await linkRecords(tx, [link]))[0]);
  }
  for (const [id, version] of Object.entries(input.expectedVersions?.segments ?? {})) {
    const segment = await findSegment(tx, input.documentId, Number(id));
    await expectVersion(tx, input.documentId, "segment", segment, version, async () => segmentRecord(segment));
  }
}

// ---------------------------------------------------------------- operations

interface Computed {
  before: StoredChange;
  after: StoredChange;
  patch: ReviewPatch;
  entity: ConflictEntity;
  entityId: number;
  /** "all": the alignment changed; a list: only these segments' texts did. */
  refresh: "all" | number[] | null;
  /** Position of a link the refresh is about, when known (saves looking it up). */
  nearLink?: number;
}

export function mergePatch(into: ReviewPatch, part: Pick<ReviewPatch, "shifts" | "links" | "segments" | "annotations" | "flags">) {
  Object.assign(into.shifts, part.shifts);
  for (const key of ["links", "segments", "annotations", "flags"] as const) {
    (into[key].upsert as unknown[]).push(...part[key].upsert);
    into[key].remove.push(...part[key].remove);
  }
}

async function linkOperation(tx: Tx, input: OperationInput, op: Extract<ReviewOperation, { linkId: number }>, services: ReviewServices, patch: ReviewPatch, documentVersionBefore: number): Promise<Computed> {
  const link = await findLink(tx, input.documentId, op.linkId);
  if (op.op === "confirmThrough" || op.op === "realignFrom") {
    if (documentVersionBefore !== input.expectedVersion) {
      const doc = await tx.document.findUniqueOrThrow({ where: { id: input.documentId } });
      throw await staleView(tx, input.documentId, "document", input.documentId, { ...toMeta(doc), version: documentVersionBefore });
    }
  } else {
    await expectVersion(tx, input.documentId, "link", link, input.expectedVersion, async () => (await linkRecords(tx, [link]))[0]);
  }
  const local = op.op !== "confirmThrough" && op.op !== "realignFrom";
  // Local operations touch the link and its neighbours only: read two links either side.
  const { rows, states, ids } = local ? await alignmentAround(tx, input.documentId, link.position) : await alignmentRows(tx, input.documentId);
  const at = local ? link.position - Math.max(0, link.position - 2) : link.position;
  let next: LinkState[];
  if (op.op === "realignFrom") {
    const doc = await tx.document.findUniqueOrThrow({ where: { id: input.documentId } });
    if (!doc.targetLang) throw new InvalidOperationError("A single-language document has no alignment to redo.");
    const texts = await tx.segment.findMany({ where: { documentId: input.documentId }, orderBy: { position: "asc" }, select: { side: true, text: true } });
    const source = texts.filter((t) => t.side === "source").map((t) => t.text);
    const target = texts.filter((t) => t.side === "target").map((t) => t.text);
    next = realignFrom(states, at, source, target, realignerOf(services, { sourceLang: doc.sourceLang, targetLang: doc.targetLang }));
    // The aligner is another stage's code: never store an alignment that breaks the invariants.
    const problems = checkLinks(next, source.length, target.length);
    if (problems.length) throw new Error(`Re-alignment produced an invalid alignment: ${problems.slice(0, 3).join("; ")}`);
  } else {
    next = applyLinkOperation(states, { ...op, link: at } as LinkOperation);
  }
  const byId = new Map(rows.map((r) => [r.id!, r]));
  // The slice starts at the document's start or two links before the named one, and a local
  // operation changes nothing before the previous link: rows[i - 1] is the row before a change.
  const window = trimLinks(rows, toRows(next, ids, byId), (i) => (i > 0 ? rows[i - 1].id! : null));
  if (!window.before.rows.length && !window.after.rows.length) throw new InvalidOperationError("This changes nothing: the links are already like that.", "nothingToChange");
  const written = await writeChange(tx, input.documentId, { links: window.before }, { links: window.after }, false);
  mergePatch(patch, written.patch);
  const linkIds = [...new Set([...window.before.rows, ...written.after.links!.rows].map((r) => r.id!))];
  const structural = !["confirm", "unconfirm", "confirmThrough"].includes(op.op);
  const segments = [...window.before.rows, ...window.after.rows].flatMap((r) => [...r.sourceIds, ...r.targetIds]);
  return {
    before: { links: window.before, linkIds }, after: { ...written.after, linkIds }, patch, entity: "link", entityId: op.linkId,
    refresh: !structural ? null : op.op === "realignFrom" ? "all" : [...new Set(segments)], nearLink: link.position,
  };
}

async function annotationsOn(tx: Tx, documentId: number, segmentIds: number[]): Promise<AnnotationRow[]> {
  return (await findManyIn(segmentIds, (part) => tx.annotation.findMany({ where: { segmentId: { in: part }, documentId } }))).sort((a, b) => a.id - b.id).map(annotationRowOf);
}

async function prevSegmentId(tx: Tx, documentId: number, side: string, position: number): Promise<number | null> {
  if (position === 0) return null;
  return (await tx.segment.findFirst({ where: { documentId, side, position: position - 1 }, select: { id: true } }))?.id ?? null;
}

async function textChange(tx: Tx, input: OperationInput, segment: Awaited<ReturnType<typeof findSegment>>, text: string, patch: ReviewPatch, flags?: { before: FlagDecision[]; after: FlagDecision[] }): Promise<Computed> {
  const side = segment.side as Side;
  const before = segmentRowOf(segment);
  const after: SegmentRow = { ...before, text };
  const annotations = await annotationsOn(tx, input.documentId, [segment.id]);
  const moved = annotations.map((a) => {
    const [start, end] = mapSpan([a.start, a.end], segment.text, text);
    return { ...a, start, end };
  });
  const changedIds = new Set(moved.filter((a, k) => a.start !== annotations[k].start || a.end !== annotations[k].end).map((a) => a.id));
  const prevId = await prevSegmentId(tx, input.documentId, side, segment.position);
  const from: ChangeState = { [side]: { prevId, rows: [before] }, ...(changedIds.size ? { annotations: annotations.filter((a) => changedIds.has(a.id)) } : {}) };
  const to: ChangeState = { [side]: { prevId, rows: [after] }, ...(changedIds.size ? { annotations: moved.filter((a) => changedIds.has(a.id)) } : {}) };
  const written = await writeChange(tx, input.documentId, from, to, false);
  mergePatch(patch, written.patch);
  const holder = await linkHolding(tx, input.documentId, segment.id, side, segment.position);
  const linkIds = holder ? [holder.id] : [];
  const scope = holder ? [...(holder.sourceIds as number[]), ...(holder.targetIds as number[])] : [segment.id];
  return {
    before: { ...from, ...(flags ? { flags: flags.before } : {}), linkIds }, after: { ...written.after, ...(flags ? { flags: flags.after } : {}), linkIds },
    patch, entity: flags ? "flag" : "segment", entityId: segment.id, refresh: scope, ...(holder ? { nearLink: holder.position } : {}),
  };
}

async function splitSentence(tx: Tx, input: OperationInput, op: Extract<ReviewOperation, { op: "splitSentence" }>, patch: ReviewPatch): Promise<Computed> {
  const segment = await findSegment(tx, input.documentId, op.segmentId);
  await expectVersion(tx, input.documentId, "segment", segment, input.expectedVersion, async () => segmentRecord(segment));
  if (op.at <= 0 || op.at >= segment.text.length) throw new InvalidOperationError(`A sentence of ${segment.text.length} characters can only be split strictly inside it, not at ${op.at}.`);
  const side = segment.side as Side;
  const [first, second] = splitText(segment.text, op.at);
  const offset = secondPartOffset(segment.text, op.at);
  const before = segmentRowOf(segment);
  const firstRow: SegmentRow = { ...before, text: first, originalText: first, start: null, end: null };
  const secondRow: SegmentRow = { paragraph: segment.paragraph, start: null, end: null, originalText: second, text: second };
  const prevId = await prevSegmentId(tx, input.documentId, side, segment.position);
  const written = await writeChange(tx, input.documentId, { [side]: { prevId, rows: [before] } }, { [side]: { prevId, rows: [firstRow, secondRow] } }, false);
  const newId = written.after[side]!.rows[1].id!;
  mergePatch(patch, written.patch);
  // Annotations in the second part follow it; one across the cut stays with the first part.
  const annotations = await annotationsOn(tx, input.documentId, [segment.id]);
  const moved = annotations.map((a) => (a.start >= offset
    ? { ...a, segmentId: newId, start: a.start - offset, end: Math.min(a.end - offset, second.length) }
    : { ...a, end: Math.min(a.end, first.length) }));
  const changed = moved.filter((a, k) => JSON.stringify(a) !== JSON.stringify(annotations[k]));
  const changedIds = new Set(changed.map((a) => a.id));
  let annotationsWritten: ChangeState = {};
  if (changed.length) {
    const w = await writeChange(tx, input.documentId, { annotations: annotations.filter((a) => changedIds.has(a.id)) }, { annotations: changed }, false);
    mergePatch(patch, w.patch);
    annotationsWritten = w.after;
  }
  const holder = await linkHolding(tx, input.documentId, segment.id, side, segment.position);
  if (!holder) throw new InvalidOperationError(`No link holds sentence ${segment.id}.`);
  const linkBefore = linkRowOf(holder);
  const key = side === "source" ? "sourceIds" : "targetIds";
  const sideIds = [...linkBefore[key]];
  sideIds.splice(sideIds.indexOf(segment.id) + 1, 0, newId);
  const linkAfter: LinkRow = { ...linkBefore, [key]: sideIds };
  const linkPrev = await linkIdBefore(tx, input.documentId, holder.position);
  const w = await writeChange(tx, input.documentId, { links: { prevId: linkPrev, rows: [linkBefore] } }, { links: { prevId: linkPrev, rows: [linkAfter] } }, false);
  mergePatch(patch, w.patch);
  const linkIds = [holder.id];
  return {
    before: { [side]: { prevId, rows: [before] }, ...(changed.length ? { annotations: annotations.filter((a) => changedIds.has(a.id)) } : {}), links: { prevId: linkPrev, rows: [linkBefore] }, linkIds },
    after: { ...written.after, ...annotationsWritten, links: w.after.links, linkIds },
    patch, entity: "segment", entityId: segment.id, refresh: [...linkAfter.sourceIds, ...linkAfter.targetIds], nearLink: holder.position,
  };
}

async function joinWithNext(tx: Tx, input: OperationInput, op: Extract<ReviewOperation, { op: "joinWithNext" }>, patch: ReviewPatch): Promise<Computed> {
  const segment = await findSegment(tx, input.documentId, op.segmentId);
  await expectVersion(tx, input.documentId, "segment", segment, input.expectedVersion, async () => segmentRecord(segment));
  const side = segment.side as Side;
  const next = await tx.segment.findFirst({ where: { documentId: input.documentId, side, position: segment.position + 1 } });
  if (!next) throw new InvalidOperationError(`This is the last ${side} sentence: there is no next sentence to join it with.`);
  const joined = joinText(segment.text, next.text);
  const joinedOriginal = joinText(segment.originalText, next.originalText);
  const firstBefore = segmentRowOf(segment);
  const secondBefore = segmentRowOf(next);
  const firstAfter: SegmentRow = { ...firstBefore, text: joined.text, originalText: joinedOriginal.text, end: next.end !== null && segment.start !== null ? next.end : null, start: next.end !== null ? segment.start : null };
  const annotations = await annotationsOn(tx, input.documentId, [next.id]);
  const offset = segment.text.length + joined.separator.length;
  const movedAnnotations = annotations.map((a) => ({ ...a, segmentId: segment.id, start: a.start + offset, end: a.end + offset }));
  // The two sentences must end up in one link: the links holding them (and any between) merge.
  const first = await linkHolding(tx, input.documentId, segment.id, side, segment.position);
  const second = await linkHolding(tx, input.documentId, next.id, side, next.position);
  if (!first || !second) throw new InvalidOperationError("These sentences are not both in a link: reload the document.");
  const group = (await tx.link.findMany({ where: { documentId: input.documentId, position: { gte: first.position, lte: second.position } }, orderBy: { position: "asc" } })).map(linkRowOf);
  const a = 0;
  const b = group.length - 1;
  const rows = group;
  const mergedLink: LinkRow = a === b
    ? { ...rows[a], sourceIds: rows[a].sourceIds.filter((id) => id !== next.id), targetIds: rows[a].targetIds.filter((id) => id !== next.id) }
    : { id: rows[a].id, version: rows[a].version, sourceIds: group.flatMap((r) => r.sourceIds).filter((id) => id !== next.id), targetIds: group.flatMap((r) => r.targetIds).filter((id) => id !== next.id), confidence: 1, status: "automatic" as LinkStatus };
  const prevId = await prevSegmentId(tx, input.documentId, side, segment.position);
  const linkPrev = await linkIdBefore(tx, input.documentId, first.position);
  const from: ChangeState = { [side]: { prevId, rows: [firstBefore, secondBefore] }, links: { prevId: linkPrev, rows: group }, ...(annotations.length ? { annotations } : {}) };
  const to: ChangeState = { [side]: { prevId, rows: [firstAfter] }, links: { prevId: linkPrev, rows: [mergedLink] }, ...(annotations.length ? { annotations: movedAnnotations } : {}) };
  const written = await writeChange(tx, input.documentId, from, to, false);
  mergePatch(patch, written.patch);
  const linkIds = group.map((r) => r.id!);
  const scope = group.flatMap((r) => [...r.sourceIds, ...r.targetIds]).filter((id) => id !== next.id);
  return { before: { ...from, linkIds }, after: { ...written.after, linkIds }, patch, entity: "segment", entityId: segment.id, refresh: scope, nearLink: first.position };
}

async function decideFlag(tx: Tx, input: OperationInput, op: Extract<ReviewOperation, { op: "decideFlag" }>, patch: ReviewPatch): Promise<Computed> {
  const flag = await tx.flag.findFirst({ where: { id: op.flagId, documentId: input.documentId } });
  if (!flag) throw new InvalidOperationError(`Finding ${op.flagId} does not exist in this document (any more): reload the document.`, "notFound");
  const current = async () => (await flagRecords(tx, [flag]))[0];
  if (op.from !== undefined && flag.status !== op.from) throw await staleView(tx, input.documentId, "flag", flag.id, await current());
  const segment = flag.segmentId !== null ? await findSegment(tx, input.documentId, flag.segmentId) : null;
  if (segment) await expectVersion(tx, input.documentId, "segment", segment, input.expectedVersion, async () => segmentRecord(segment));
  if (flag.status === op.decision) throw new InvalidOperationError(`This finding is already ${op.decision}.`, "nothingToChange");
  const decided = op.decision === "open" ? { decidedBy: null, decidedAt: null } : { decidedBy: input.reviewerId, decidedAt: now() };
  const flags = {
    before: [{ id: flag.id, status: flag.status as FlagDecision["status"], decidedBy: flag.decidedBy, decidedAt: flag.decidedAt?.toISOString() ?? null }],
    after: [{ id: flag.id, status: op.decision, ...decided }],
  };
  let computed: Computed;
  if (op.decision === "accepted" && flag.suggestion !== null && segment) {
    if (segment.text.slice(flag.start, flag.end) !== flag.excerpt) throw new InvalidOperationError(`The sentence no longer reads "${flag.excerpt}" where this finding was: its suggestion cannot be applied. Dismiss the finding or edit the text.`);
    const text = segment.text.slice(0, flag.start) + flag.suggestion + segment.text.slice(flag.end);
    computed = await textChange(tx, input, segment, text, patch, flags);
  } else {
    const holder = flag.linkId !== null ? [flag.linkId] : [];
    computed = { before: { flags: flags.before, linkIds: holder }, after: { flags: flags.after, linkIds: holder }, patch, entity: "flag", entityId: flag.id, refresh: null };
  }
  await writeFlagDecisions(tx, input.documentId, flags.before, flags.after, false);
  computed.entityId = flag.id;
  return computed;
}

async function annotationOperation(tx: Tx, input: OperationInput, op: Extract<ReviewOperation, { op: "addAnnotation" | "updateAnnotation" | "deleteAnnotation" }>, patch: ReviewPatch): Promise<Computed> {
  let from: AnnotationRow[];
  let to: AnnotationRow[];
  let segmentId: number;
  let side: Side;
  let position: number;
  const commentProblem = op.op !== "deleteAnnotation" && op.comment !== undefined ? textProblem(op.comment, "The comment") : null;
  if (commentProblem) throw new InvalidOperationError(commentProblem);
  if (op.op === "addAnnotation") {
    const segment = await findSegment(tx, input.documentId, op.segmentId);
    await expectVersion(tx, input.documentId, "segment", segment, input.expectedVersion, async () => segmentRecord(segment));
    if (!(op.start < op.end && op.end <= segment.text.length)) throw new InvalidOperationError(`The span ${op.start}–${op.end} is not inside the sentence (${segment.text.length} characters): select at least one character of it.`);
    from = [];
    to = [{ segmentId: segment.id, start: op.start, end: op.end, category: op.category, severity: op.severity, comment: op.comment, authorId: input.reviewerId, createdAt: now() }];
    segmentId = segment.id;
    side = segment.side as Side;
    position = segment.position;
  } else {
    const annotation = await tx.annotation.findFirst({ where: { id: op.annotationId, documentId: input.documentId } });
    if (!annotation) throw new InvalidOperationError(`Annotation ${op.annotationId} does not exist (any more): reload the document.`, "notFound");
    await expectVersion(tx, input.documentId, "annotation", annotation, input.expectedVersion, async () => (await annotationRecords(tx, [annotation]))[0]);
    const row = annotationRowOf(annotation);
    from = [row];
    to = op.op === "deleteAnnotation" ? [] : [{ ...row, ...(op.category ? { category: op.category } : {}), ...(op.severity ? { severity: op.severity } : {}), ...(op.comment !== undefined ? { comment: op.comment } : {}) }];
    segmentId = annotation.segmentId;
    const segment = await tx.segment.findUniqueOrThrow({ where: { id: segmentId }, select: { side: true, position: true } });
    side = segment.side as Side;
    position = segment.position;
  }
  const written = await writeChange(tx, input.documentId, { annotations: from }, { annotations: to }, false);
  mergePatch(patch, written.patch);
  const holder = await linkHolding(tx, input.documentId, segmentId, side, position);
  const linkIds = holder ? [holder.id] : [];
  const entityId = op.op === "addAnnotation" ? written.after.annotations![0].id! : op.annotationId;
  return { before: { annotations: from, linkIds }, after: { ...written.after, linkIds }, patch, entity: "annotation", entityId, refresh: null };
}

async function compute(tx: Tx, input: OperationInput, services: ReviewServices, patch: ReviewPatch, documentVersionBefore: number): Promise<Computed> {
  const op = input.operation;
  switch (op.op) {
    case "mergeWithNext": case "mergeWithPrevious": case "splitLink": case "shift": case "insertGap":
    case "confirm": case "unconfirm": case "confirmThrough": case "realignFrom":
      return linkOperation(tx, input, op, services, patch, documentVersionBefore);
    case "splitSentence": return splitSentence(tx, input, op, patch);
    case "joinWithNext": return joinWithNext(tx, input, op, patch);
    case "editText": {
      const segment = await findSegment(tx, input.documentId, op.segmentId);
      await expectVersion(tx, input.documentId, "segment", segment, input.expectedVersion, async () => segmentRecord(segment));
      if (!op.text.trim()) throw new InvalidOperationError("A sentence cannot be empty: to remove a sentence, join it with its neighbour instead.");
      const problem = textProblem(op.text, "The sentence");
      if (problem) throw new InvalidOperationError(problem);
      if (op.text === segment.text) throw new InvalidOperationError("The text is unchanged.");
      return textChange(tx, input, segment, op.text, patch);
    }
    case "decideFlag": return decideFlag(tx, input, op, patch);
    case "addAnnotation": case "updateAnnotation": case "deleteAnnotation": return annotationOperation(tx, input, op, patch);
  }
}

/** Bumps the document's version (the first write, which also serialises concurrent operations). */
export async function bumpDocument(tx: Tx, documentId: number) {
  const updated = await tx.document.updateManyAndReturn({ where: { id: documentId, deletedAt: null, state: "ready" }, data: { version: { increment: 1 } } });
  if (!updated.length) throw new InvalidOperationError(`There is no document ${documentId}.`, "notFound");
  return updated[0];
}

type Langs = { sourceLang: string; targetLang: string | null };

async function refresh(tx: Tx, documentId: number, scope: Computed["refresh"], services: ReviewServices, patch: ReviewPatch, langs: Langs, nearLink?: number) {
  if (scope === null) return;
  mergeFlagChanges(patch, await refreshFindings(tx, documentId, { services, langs, ...(scope === "all" ? {} : { segmentIds: scope, nearLink }) }));
}

export function mergeFlagChanges(patch: ReviewPatch, changes: FlagChanges) {
  const known = new Set(patch.flags.upsert.map((f) => f.id));
  patch.flags.upsert.push(...changes.upsert.filter((f) => !known.has(f.id)));
  patch.flags.remove.push(...changes.remove);
}

export async function addDecidedFlags(tx: Tx, patch: ReviewPatch, ids: number[]) {
  if (!ids.length) return;
  const rows = await findManyIn(ids, (part) => tx.flag.findMany({ where: { id: { in: part } } }));
  const records = await flagRecords(tx, rows);
  patch.flags.upsert = [...patch.flags.upsert.filter((f) => !ids.includes(f.id)), ...records];
}

/** Applies one reviewer operation. Throws InvalidOperationError or ConflictError (nothing written then). */
export async function applyOperation(db: Db, input: OperationInput, services: ReviewServices = defaultServices): Promise<OperationResult> {
  return serialised(input.documentId, async () => {
    let undoable: UndoState["undo"] = null;
    const patch = await db.$transaction(async (tx) => {
      const doc = await bumpDocument(tx, input.documentId);
      const patch = emptyPatch({ id: doc.id, version: doc.version, updatedAt: doc.updatedAt.toISOString() });
      await checkExtraVersions(tx, input);
      const computed = await compute(tx, input, services, patch, doc.version - 1);
      await refresh(tx, input.documentId, computed.refresh, services, patch, doc, computed.nearLink);
      if (input.operation.op === "decideFlag") await addDecidedFlags(tx, patch, [input.operation.flagId]);
      const revision = await tx.revision.create({
        data: { documentId: input.documentId, reviewerId: input.reviewerId, entity: computed.entity, entityId: computed.entityId, operation: input.operation.op, before: computed.before as never, after: computed.after as never },
      });
      patch.revisionId = revision.id;
      patch.about = aboutLinks(computed.entity === "link" ? computed.entityId : null, computed.after.linkIds, computed.before.linkIds);
      undoable = { revisionId: revision.id, operation: revision.operation };
      return patch;
    }, input.operation.op === "realignFrom" ? LONG_TRANSACTION : TRANSACTION);
    // A new change is the reviewer's newest: it is what undo takes back, and it ends their redo
    // stack (redoTarget stops at it), so the state needs no queries.
    return { patch, undo: { undo: undoable, redo: null } };
  });
}

// ---------------------------------------------------------------- undo / redo

type RevisionRow = Awaited<ReturnType<Tx["revision"]["findFirstOrThrow"]>>;

async function undoTarget(tx: Tx | Db, documentId: number, reviewerId: number): Promise<RevisionRow | null> {
  return tx.revision.findFirst({ where: { documentId, reviewerId, undone: false, operation: { notIn: UNDOABLE_EXCLUDED }, ...OWN }, orderBy: { id: "desc" } });
}

/** The reviewer's redo stack ends at their latest new change: walk back through undo/redo entries to the newest still-undone one. */
async function redoTarget(tx: Tx | Db, documentId: number, reviewerId: number): Promise<RevisionRow | null> {
  let cursor: number | undefined;
  for (let page = 0; page < 50; page++) {
    const recent = await tx.revision.findMany({
      where: { documentId, reviewerId, operation: { not: "import" }, ...OWN, ...(cursor !== undefined ? { id: { lt: cursor } } : {}) },
      orderBy: { id: "desc" }, take: 10, select: { id: true, operation: true },
    });
    if (!recent.length) return null;
    for (const r of recent) {
      cursor = r.id;
      if (r.operation === "redo") continue;
      if (r.operation !== "undo") return null;
      const marker = await tx.revision.findUnique({ where: { id: r.id }, select: { before: true } });
      const target = (marker?.before as StoredChange | null)?.undoOf;
      if (target === undefined) continue;
      const row = typeof target === "number" ? await tx.revision.findFirst({ where: { id: target, documentId, ...OWN } }) : null;
      if (row?.undone) return row;
    }
  }
  return null;
}

export async function undoState(db: Db | Tx, documentId: number, reviewerId: number): Promise<UndoState> {
  const [u, r] = await Promise.all([undoTarget(db, documentId, reviewerId), redoTarget(db, documentId, reviewerId)]);
  return { undo: u ? { revisionId: u.id, operation: u.operation } : null, redo: r ? { revisionId: r.id, operation: r.operation } : null };
}

/**
 * Annotations added since on a sentence whose text an undo/redo changes back: their spans follow
 * the text like after an edit (the change's own annotations are already in it).
 */
async function withAnnotationsOfOthers(tx: Tx, documentId: number, from: StoredChange, to: StoredChange): Promise<[StoredChange, StoredChange]> {
  const before = new Map([...(from.source?.rows ?? []), ...(from.target?.rows ?? []), ...(from.edits ?? [])].map((r) => [r.id!, r.text]));
  const after = new Map([...(to.source?.rows ?? []), ...(to.target?.rows ?? []), ...(to.edits ?? [])].map((r) => [r.id!, r.text]));
  const retexted = [...before.keys()].filter((id) => after.has(id) && after.get(id) !== before.get(id));
  if (!retexted.length) return [from, to];
  const known = new Set([...(from.annotations ?? []), ...(to.annotations ?? [])].map((a) => a.id));
  const others = (await annotationsOn(tx, documentId, retexted)).filter((a) => !known.has(a.id));
  if (!others.length) return [from, to];
  const moved = others.map((a) => {
    const [start, end] = mapSpan([a.start, a.end], before.get(a.segmentId)!, after.get(a.segmentId)!);
    return { ...a, start, end };
  });
  return [{ ...from, annotations: [...(from.annotations ?? []), ...others] }, { ...to, annotations: [...(to.annotations ?? []), ...moved] }];
}

async function replay(db: Db, documentId: number, reviewerId: number, direction: "undo" | "redo", services: ReviewServices): Promise<OperationResult & { revisionId: number }> {
  return serialised(documentId, async () => {
    const result = await db.$transaction(async (tx) => {
      const doc = await bumpDocument(tx, documentId);
      const target = direction === "undo" ? await undoTarget(tx, documentId, reviewerId) : await redoTarget(tx, documentId, reviewerId);
      if (!target) throw new InvalidOperationError(direction === "undo" ? "There is nothing of yours to undo in this document." : "There is nothing to redo: you have not undone anything since your last change.", direction === "undo" ? "nothingToUndo" : "nothingToRedo");
      const stored = { before: target.before as StoredChange, after: target.after as StoredChange };
      const [from, to] = await withAnnotationsOfOthers(tx, documentId, ...(direction === "undo" ? [stored.after, stored.before] as const : [stored.before, stored.after] as const));
      const patch = emptyPatch({ id: doc.id, version: doc.version, updatedAt: doc.updatedAt.toISOString() });
      const written = await writeChange(tx, documentId, from, to, true).catch(async (err) => {
        if (err instanceof ConflictError) {
          const who = await lastChange(tx, documentId, err.entity, err.entityId);
          const by = who?.reviewer ? ` (${who.reviewer.displayName} at ${who.createdAt.toISOString().slice(11, 16)} UTC)` : "";
          throw new ConflictError(`Cannot ${direction} "${target.operation}": ${err.message.replace(/^Someone else/, `someone else${by}`)}`, err.entity, err.entityId, who?.reviewer ? { login: who.reviewer.login, name: who.reviewer.displayName } : null, who?.createdAt.toISOString() ?? null, null, doc.version - 1);
        }
        throw err;
      });
      mergePatch(patch, written.patch);
      const decided = from.flags && to.flags ? await writeFlagDecisions(tx, documentId, from.flags, to.flags, true) : [];
      const scope = [from, to].flatMap((c) => [
        ...(c.source?.rows ?? []), ...(c.target?.rows ?? []),
      ].map((r) => r.id!).concat((c.links?.rows ?? []).flatMap((l) => [...l.sourceIds, ...l.targetIds])));
      const refreshScope: Computed["refresh"] = target.operation === "realignFrom" ? "all" : ["confirm", "unconfirm", "confirmThrough"].includes(target.operation) || !scope.length ? null : [...new Set(scope)];
      await refresh(tx, documentId, refreshScope, services, patch, doc);
      if (to.edits?.length) mergeFlagChanges(patch, await refreshEdited(tx, documentId, to.edits.map((e) => e.id), services));
      await addDecidedFlags(tx, patch, decided);
      await tx.revision.update({ where: { id: target.id }, data: { undone: direction === "undo" } });
      const marker = direction === "undo" ? { undoOf: target.id } : { redoOf: target.id };
      const revision = await tx.revision.create({
        data: { documentId, reviewerId, entity: target.entity, entityId: target.entityId, operation: direction, before: { ...from, ...marker } as never, after: { ...to, ...marker, linkIds: stored.after.linkIds ?? [] } as never },
      });
      patch.revisionId = revision.id;
      patch.about = aboutLinks(target.entity === "link" ? target.entityId : null, stored.after.linkIds, stored.before.linkIds);
      return { patch, revisionId: revision.id };
    }, LONG_TRANSACTION);
    return { ...result, undo: await undoState(db, documentId, reviewerId) };
  });
}

/** Undoes the reviewer's latest change that is not undone yet. */
export function undo(db: Db, documentId: number, reviewerId: number, services: ReviewServices = defaultServices) {
  return replay(db, documentId, reviewerId, "undo", services);
}

/** Re-applies the change the reviewer undid last (unless they made a new change since). */
export function redo(db: Db, documentId: number, reviewerId: number, services: ReviewServices = defaultServices) {
  return replay(db, documentId, reviewerId, "redo", services);
}
