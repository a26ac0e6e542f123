// Search over a whole document, and the changes that touch many sentences or findings at
// once (replace, replace all, accept all of a kind, dismiss all of a detector). The change
// itself is computed by lib/review/bulk.ts from the state read here; this module applies it
// in one transaction with one revision, so it is one undo step like any other operation.
import type { Db, Tx } from "./client";
import { findManyIn } from "./chunked";
import { InvalidOperationError } from "../review/errors";
import { acceptAllChange, dismissAllChange, replaceAllChange, replaceOneChange, similarFlags, type BulkChange, type FlagState, type SentenceText } from "../review/bulk";
import { emptyPatch, type ReviewPatch } from "../review/patch";
import { compileQuery, context, runQuery } from "../review/search";
import { mapSpan } from "../review/sentences";
import { defaultServices, type ReviewServices } from "../review/services";
import type { BulkOperation, SearchQuery, SearchResult } from "../review/types";
import type { Side } from "../types";
import { LONG_TRANSACTION } from "./documents";
import { addDecidedFlags, bumpDocument, mergeFlagChanges, mergePatch, staleView, undoState, type OperationResult, type StoredChange } from "./review";
import { annotationRowOf, writeChange, writeFlagDecisions } from "./review-change";
import { refreshEdited } from "./review-edits";
import { segmentRecord } from "./review-records";
import { serialised } from "./review-serial";

/** At most this many matches are listed (all are counted). */
export const SEARCH_LIMIT = 1000;

const sidesOf = (side: SearchQuery["side"]): Side[] => (side === "both" ? ["source", "target"] : [side]);

/** Every match of the query in the document: one query for the texts, the matching bounded in time. */
export async function searchDocument(db: Db, documentId: number, query: SearchQuery, limit = SEARCH_LIMIT): Promise<SearchResult> {
  const compiled = compileQuery(query);
  const doc = await db.document.findFirst({ where: { id: documentId, deletedAt: null, state: "ready" }, select: { id: true } });
  if (!doc) throw new InvalidOperationError(`There is no document ${documentId}.`, "notFound");
  const rows = await db.segment.findMany({ where: { documentId, side: { in: sidesOf(query.side) } }, orderBy: [{ position: "asc" }, { side: "asc" }], select: { id: true, side: true, position: true, text: true } });
  const { matches, total } = runQuery(compiled, rows.map((r) => r.text), { limit });
  const hits = matches.map(([i, start, end]) => ({ segmentId: rows[i].id, side: rows[i].side as Side, position: rows[i].position, start, end, ...context(rows[i].text, start, end) }));
  return { hits, total, truncated: total > hits.length };
}

const OPERATION_ENTITY = { replace: "segment", replaceAll: "document", acceptSimilar: "flag", dismissDetector: "document" } as const;

async function sentencesOf(tx: Tx, documentId: number, side: Side): Promise<SentenceText[]> {
  const rows = await tx.segment.findMany({ where: { documentId, side }, select: { id: true, side: true, text: true } });
  return rows.map((r) => ({ id: r.id, side: r.side as Side, text: r.text }));
}

/** The side replace may change: the target, or the one text of a single-language document (its source side). */
async function editableSide(tx: Tx, documentId: number): Promise<Side> {
  const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { targetLang: true } });
  return doc.targetLang ? "target" : "source";
}

function flagState(f: { id: number; segmentId: number | null; detector: string; messageKey: string; start: number; end: number; excerpt: string; suggestion: string | null; status: string; decidedBy: number | null; decidedAt: Date | null }) {
  const state: FlagState & { decidedBy: number | null; decidedAt: string | null } = { ...f, decidedAt: f.decidedAt?.toISOString() ?? null };
  return state;
}

/** Reads the state the operation depends on and computes its change (nothing written yet). */
async function computeChange(tx: Tx, documentId: number, reviewerId: number, op: BulkOperation, expectedVersion: number, documentVersionBefore: number): Promise<{ change: BulkChange; entityId: number }> {
  const at = new Date().toISOString();
  if (op.op === "replace") {
    const segment = await tx.segment.findFirst({ where: { id: op.segmentId, documentId } });
    if (!segment) throw new InvalidOperationError(`Sentence ${op.segmentId} does not exist in this document (any more): reload the document.`, "notFound");
    if (segment.version !== expectedVersion) throw await staleView(tx, documentId, "segment", segment.id, segmentRecord(segment));
    return { change: replaceOneChange({ id: segment.id, side: segment.side as Side, text: segment.text }, op.start, op.end, op.query, op.replacement, await editableSide(tx, documentId)), entityId: segment.id };
  }
  if (documentVersionBefore !== expectedVersion) throw await staleView(tx, documentId, "document", documentId, null);
  if (op.op === "replaceAll") {
    const side = await editableSide(tx, documentId);
    return { change: replaceAllChange(await sentencesOf(tx, documentId, side), op.query, op.replacement, side), entityId: documentId };
  }
  if (op.op === "acceptSimilar") {
    const exemplar = await tx.flag.findFirst({ where: { id: op.flagId, documentId } });
    if (!exemplar) throw new InvalidOperationError(`Finding ${op.flagId} does not exist in this document (any more): reload the document.`, "notFound");
    const candidates = similarFlags((await tx.flag.findMany({ where: { documentId, detector: exemplar.detector, messageKey: exemplar.messageKey, status: "open" } })).map(flagState), flagState(exemplar));
    const ids = [...new Set(candidates.flatMap((f) => (f.segmentId !== null ? [f.segmentId] : [])))];
    const sentences = await findManyIn(ids, (part) => tx.segment.findMany({ where: { id: { in: part }, documentId }, select: { id: true, side: true, text: true } }));
    const byId = new Map(sentences.map((s) => [s.id, { id: s.id, side: s.side as Side, text: s.text }]));
    return { change: acceptAllChange(candidates, byId, reviewerId, at), entityId: exemplar.id };
  }
  const open = await tx.flag.findMany({ where: { documentId, detector: op.detector, status: "open" } });
  return { change: dismissAllChange(open.map(flagState), op.detector, reviewerId, at), entityId: documentId };
}

/** Applies one bulk operation as one revision. Throws InvalidOperationError or ConflictError (nothing written then). */
export async function applyBulk(db: Db, input: { documentId: number; reviewerId: number; operation: BulkOperation; expectedVersion: number }, services: ReviewServices = defaultServices): Promise<OperationResult & { changed: number; skipped: number }> {
  const { documentId, reviewerId, operation } = input;
  return serialised(documentId, async () => {
    const result = await db.$transaction(async (tx) => {
      const doc = await bumpDocument(tx, documentId);
      const patch: ReviewPatch = emptyPatch({ id: doc.id, version: doc.version, updatedAt: doc.updatedAt.toISOString() });
      const { change, entityId } = await computeChange(tx, documentId, reviewerId, operation, input.expectedVersion, doc.version - 1);
      const editedIds = change.edits.map((e) => e.id);
      // Annotations on a changed sentence follow its text, as after an edit by hand.
      const annotations = (await findManyIn(editedIds, (part) => tx.annotation.findMany({ where: { segmentId: { in: part }, documentId } }))).map(annotationRowOf);
      const texts = new Map(change.edits.map((e) => [e.id, e]));
      const moved = annotations.map((a) => {
        const e = texts.get(a.segmentId)!;
        const [start, end] = mapSpan([a.start, a.end], e.before, e.after);
        return { ...a, start, end };
      });
      const changedAnnotations = new Set(moved.filter((a, k) => a.start !== annotations[k].start || a.end !== annotations[k].end).map((a) => a.id));
      const before: StoredChange = {
        edits: change.edits.map((e) => ({ id: e.id, side: e.side, text: e.before })),
        ...(changedAnnotations.size ? { annotations: annotations.filter((a) => changedAnnotations.has(a.id)) } : {}),
      };
      const after: StoredChange = {
        edits: change.edits.map((e) => ({ id: e.id, side: e.side, text: e.after })),
        ...(changedAnnotations.size ? { annotations: moved.filter((a) => changedAnnotations.has(a.id)) } : {}),
      };
      const written = await writeChange(tx, documentId, before, after, false);
      mergePatch(patch, written.patch);
      const decided = change.decisions.after.length ? await writeFlagDecisions(tx, documentId, change.decisions.before, change.decisions.after, false) : [];
      if (editedIds.length) mergeFlagChanges(patch, await refreshEdited(tx, documentId, editedIds, services));
      await addDecidedFlags(tx, patch, decided);
      const linkIds = editedIds.length
        ? (await tx.link.findMany({ where: { documentId }, select: { id: true, sourceIds: true, targetIds: true } }))
          .filter((l) => [...(l.sourceIds as number[]), ...(l.targetIds as number[])].some((id) => texts.has(id))).map((l) => l.id)
        : [];
      const flags = change.decisions.after.length ? { before: change.decisions.before, after: change.decisions.after } : null;
      const revision = await tx.revision.create({
        data: {
          documentId, reviewerId, entity: OPERATION_ENTITY[operation.op], entityId, operation: operation.op,
          before: { ...before, ...(flags ? { flags: flags.before } : {}), linkIds } as never,
          after: { ...written.after, ...(flags ? { flags: flags.after } : {}), linkIds } as never,
        },
      });
      patch.revisionId = revision.id;
      return { patch, changed: Math.max(change.edits.length, change.decisions.after.length), skipped: change.skipped };
    }, LONG_TRANSACTION);
    return { ...result, undo: await undoState(db, documentId, reviewerId) };
  });
}
