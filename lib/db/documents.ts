// Storing and loading whole documents. An import writes its document in bounded batches,
// each a short transaction, while the document is "importing": other writers (reviewers'
// edits, another process's import) get the database between batches instead of waiting
// behind one transaction of minutes. Until the last batch flips it to "ready" the document
// is invisible to lists, reports, exports and edits; an import that fails or is cancelled
// deletes it, and one whose process died is cleared by clearAbandonedImports.
import { hostname } from "node:os";
import type { Db, Tx } from "./client";
import { chunks } from "./chunked";
import { textProblem } from "../text-hygiene";
import { findingConfidence } from "../artifacts/confidence";
import type {
  AnnotationRecord, DocumentMeta, DocumentSnapshot, FlagRecord, LinkRecord, RevisionRecord, SegmentRecord,
} from "../document";
import type { Finding, MqmCategory, Severity, Side } from "../types";
import type { ProgressListener } from "../pipeline";

/** Long enough for a book-length re-alignment on a slow disk. */
export const LONG_TRANSACTION = { maxWait: 60_000, timeout: 15 * 60_000 };
const BATCH_TRANSACTION = { maxWait: 60_000, timeout: 60_000 };
/** An importing document whose process has not written for this long is abandoned. */
export const IMPORT_STALE_MS = 10 * 60_000;


export class ImportCancelledError extends Error {
  constructor() {
    super("The import was cancelled; nothing of it was kept.");
    this.name = "ImportCancelledError";
  }
}

/** This process, as recorded on the documents it is importing. */
export function importOwner(): string {
  return `${hostname()}:${process.pid}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the process recorded as `owner` ("host:pid", see importOwner) is gone: on this host, its pid
 * is dead; on another, it has given no sign of life (`heartbeat`) for IMPORT_STALE_MS.
 */
export function ownerGone(owner: string | null, heartbeat: Date | null, now = Date.now()): boolean {
  const [host, pid] = (owner ?? "").split(/:(?=\d+$)/);
  if (host === hostname() && pid) return Number(pid) !== process.pid && !processAlive(Number(pid));
  return !heartbeat || now - heartbeat.getTime() > IMPORT_STALE_MS;
}

/**
 * Deletes half-written imports whose process is gone (on this host: the pid is dead; from
 * elsewhere: no batch for IMPORT_STALE_MS). Run at server start and before each import.
 * Returns the ids removed.
 */
export async function clearAbandonedImports(db: Db, now = Date.now()): Promise<number[]> {
  const importing = await db.document.findMany({ where: { state: "importing" }, select: { id: true, importOwner: true, importHeartbeat: true } });
  const abandoned = importing.filter((d) => ownerGone(d.importOwner, d.importHeartbeat, now)).map((d) => d.id);
  if (abandoned.length) await db.document.deleteMany({ where: { id: { in: abandoned }, state: "importing" } });
  return abandoned;
}

/** Reviewers are referred to by login in snapshots; unknown logins become disabled accounts. */
async function reviewerIds(tx: Tx, logins: (string | null)[]): Promise<Map<string, number>> {
  const wanted = [...new Set(logins.filter((l): l is string => !!l))];
  const map = new Map<string, number>();
  for (const login of wanted) {
    const found = await tx.reviewer.findUnique({ where: { login } });
    const reviewer = found ?? (await tx.reviewer.create({ data: { login, displayName: login, passwordHash: "!disabled" } }));
    map.set(login, reviewer.id);
  }
  return map;
}

export interface CreateDocumentOptions {
  author?: number | null;
  onProgress?: ProgressListener;
  /** Aborting stops the import between two batches and deletes what was written. */
  signal?: AbortSignal;
}

/**
 * Writes a snapshot (from the pipeline or a JSON export) as a new document and returns
 * its id. Ids in the snapshot are only used to connect its parts; new ids are assigned.
 * Throws ImportCancelledError when `signal` aborts; nothing is left behind then or on error.
 */
export async function createDocument(db: Db, snapshot: DocumentSnapshot, options: CreateDocumentOptions = {}): Promise<number> {
  const { document: meta } = snapshot;
  const total = snapshot.source.length + snapshot.target.length + snapshot.links.length;
  let done = 0;
  const owner = importOwner();
  const { doc, people } = await db.$transaction(async (tx) => {
    const doc = await tx.document.create({
      data: { title: meta.title, sourceLang: meta.sourceLang, targetLang: meta.targetLang, sourceName: meta.sourceName, targetName: meta.targetName, state: "importing", importOwner: owner, importHeartbeat: new Date() },
    });
    const people = await reviewerIds(tx, [
      ...snapshot.flags.map((f) => f.decidedBy), ...snapshot.annotations.map((a) => a.author), ...snapshot.revisions.map((r) => r.author),
    ]);
    return { doc, people };
  }, BATCH_TRANSACTION);
  /** One batch: a short transaction that also shows the import is alive (and not cancelled). */
  const batch = async <T>(write: (tx: Tx) => Promise<T>): Promise<T> => {
    if (options.signal?.aborted) throw new ImportCancelledError();
    // Let waiting requests (reviewers' edits) have the connection between two batches.
    await new Promise((resolve) => setImmediate(resolve));
    return db.$transaction(async (tx) => {
      const alive = await tx.document.updateMany({ where: { id: doc.id, state: "importing" }, data: { importHeartbeat: new Date() } });
      if (!alive.count) throw new ImportCancelledError();
      return write(tx);
    }, BATCH_TRANSACTION);
  };
  try {
    const segmentId = { source: new Map<number, number>(), target: new Map<number, number>() };
    for (const side of ["source", "target"] as const) {
      for (const part of chunks(snapshot[side])) {
        const rows = await batch((tx) => tx.segment.createManyAndReturn({
          data: part.map((s) => ({ documentId: doc.id, side, position: s.position, paragraph: s.paragraph, start: s.start, end: s.end, originalText: s.originalText, text: s.text })),
          select: { id: true, position: true },
        }));
        const byPosition = new Map(rows.map((r) => [r.position, r.id]));
        for (const s of part) segmentId[side].set(s.position, byPosition.get(s.position)!);
        done += part.length;
        options.onProgress?.("store", done, total);
      }
    }
    const linkId = new Map<number, number>();
    for (const part of chunks(snapshot.links)) {
      const rows = await batch((tx) => tx.link.createManyAndReturn({
        data: part.map((l) => ({
          documentId: doc.id, position: l.position, confidence: l.confidence, status: l.status,
          sourceIds: l.source.map((p) => segmentId.source.get(p)!), targetIds: l.target.map((p) => segmentId.target.get(p)!),
        })),
        select: { id: true, position: true },
      }));
      const byPosition = new Map(rows.map((r) => [r.position, r.id]));
      for (const l of part) linkId.set(l.id, byPosition.get(l.position)!);
      done += part.length;
      options.onProgress?.("store", done, total);
    }
    for (const part of chunks(snapshot.flags)) {
      await batch((tx) => tx.flag.createMany({ data: part.map((f) => flagRow(doc.id, f, segmentId[f.side].get(f.sentence) ?? null, f.linkId === null ? null : linkId.get(f.linkId) ?? null, snapshotText(snapshot, f.side, f.sentence), people)) }));
    }
    const annotations = snapshot.annotations.filter((a) => segmentId[a.side].has(a.sentence));
    for (const part of chunks(annotations)) {
      await batch((tx) => tx.annotation.createMany({ data: part.map((a) => ({ documentId: doc.id, segmentId: segmentId[a.side].get(a.sentence)!, start: a.span[0], end: a.span[1], category: a.category, severity: a.severity, comment: a.comment, authorId: a.author ? people.get(a.author) ?? null : null, createdAt: new Date(a.createdAt) })) }));
    }
    // The copied history names the exporting document's row ids: kept to be read, never replayed.
    for (const part of chunks(snapshot.revisions)) {
      await batch((tx) => tx.revision.createMany({ data: part.map((r) => ({ documentId: doc.id, reviewerId: r.author ? people.get(r.author) ?? null : null, createdAt: new Date(r.createdAt), entity: r.entity, entityId: null, operation: r.operation, before: r.before as never, after: r.after as never, undone: r.undone, imported: true })) }));
    }
    await batch(async (tx) => {
      await tx.revision.create({ data: { documentId: doc.id, reviewerId: options.author ?? null, entity: "document", entityId: doc.id, operation: "import", after: { title: meta.title, sourceSentences: snapshot.source.length, targetSentences: snapshot.target.length, links: snapshot.links.length } } });
      await tx.document.update({ where: { id: doc.id }, data: { state: "ready", importOwner: null, importHeartbeat: null } });
    });
    return doc.id;
  } catch (err) {
    // Nothing half-written may stay; if even this fails, clearAbandonedImports will.
    await db.document.deleteMany({ where: { id: doc.id, state: "importing" } }).catch(() => undefined);
    throw err;
  }
}

function snapshotText(snapshot: DocumentSnapshot, side: Side, sentence: number): string {
  return snapshot[side][sentence]?.text ?? "";
}

export function flagRow(documentId: number, f: Finding & { excerpt?: string; status?: string; decidedAt?: string | null; decidedBy?: string | null }, segmentId: number | null, linkId: number | null, sentenceText: string, people?: Map<string, number>) {
  return {
    documentId, segmentId, linkId, side: f.side, detector: f.detector, category: f.category, severity: f.severity,
    // A snapshot's finding brings the text it was about (after an accepted fix the sentence differs).
    start: f.span[0], end: f.span[1], excerpt: f.excerpt ?? sentenceText.slice(f.span[0], f.span[1]),
    messageKey: f.message.key, params: f.message.params, suggestion: f.suggestion ?? null, evidence: (f.evidence ?? null) as never,
    status: f.status ?? "open", decidedBy: f.decidedBy && people ? people.get(f.decidedBy) ?? null : null,
    decidedAt: f.decidedAt ? new Date(f.decidedAt) : null,
  };
}

export class NotFoundError extends Error {}

/** Everything stored about one document, as plain data (sentence indices, not row ids). */
export async function loadSnapshot(db: Db, documentId: number): Promise<DocumentSnapshot> {
  const doc = await db.document.findUnique({ where: { id: documentId, state: "ready" } });
  if (!doc) throw new NotFoundError(`There is no document ${documentId}. \`bitext list\` shows the stored documents.`);
  if (doc.deletedAt) throw new NotFoundError(`Document ${documentId} has been deleted. An admin can restore it from the trash below the document list (\`bitext restore ${documentId}\`) until ${purgeDate(doc.deletedAt).toISOString().slice(0, 10)}.`);
  const [segments, links, flags, annotations, revisions, reviewers] = await Promise.all([
    db.segment.findMany({ where: { documentId }, orderBy: [{ side: "asc" }, { position: "asc" }] }),
    db.link.findMany({ where: { documentId }, orderBy: { position: "asc" } }),
    db.flag.findMany({ where: { documentId }, orderBy: { id: "asc" } }),
    db.annotation.findMany({ where: { documentId }, orderBy: { id: "asc" } }),
    db.revision.findMany({ where: { documentId }, orderBy: { id: "asc" } }),
    db.reviewer.findMany({ select: { id: true, login: true } }),
  ]);
  const login = new Map(reviewers.map((r) => [r.id, r.login]));
  const toSegment = (s: (typeof segments)[number]): SegmentRecord => ({
    id: s.id, side: s.side as Side, position: s.position, paragraph: s.paragraph, start: s.start, end: s.end,
    originalText: s.originalText, text: s.text, version: s.version, updatedAt: s.updatedAt.toISOString(),
  });
  const source = segments.filter((s) => s.side === "source").map(toSegment);
  const target = segments.filter((s) => s.side === "target").map(toSegment);
  const position = new Map(segments.map((s) => [s.id, s.position]));
  const segmentById = new Map(segments.map((s) => [s.id, s]));
  const linkRecords: LinkRecord[] = links.map((l) => ({
    id: l.id, position: l.position, status: l.status as LinkRecord["status"], version: l.version, confidence: l.confidence,
    source: (l.sourceIds as number[]).map((id) => position.get(id)!), target: (l.targetIds as number[]).map((id) => position.get(id)!),
  }));
  const flagRecords: FlagRecord[] = flags.map((f) => ({
    id: f.id, linkId: f.linkId, excerpt: f.excerpt, detector: f.detector, category: f.category as MqmCategory, severity: f.severity as Severity,
    side: f.side as Side, sentence: f.segmentId !== null ? position.get(f.segmentId) ?? -1 : -1, span: [f.start, f.end],
    message: { key: f.messageKey, params: f.params as Record<string, string | number> },
    ...(f.suggestion !== null ? { suggestion: f.suggestion } : {}), ...(f.evidence !== null ? { evidence: f.evidence as Record<string, unknown> } : {}),
    // Recomputed on every read, so a stored finding is judged by the calibration the workbench ships now.
    confidence: findingConfidence({ detector: f.detector, message: { key: f.messageKey, params: {} }, evidence: (f.evidence ?? undefined) as Record<string, unknown> | undefined }),
    status: f.status as FlagRecord["status"], decidedBy: f.decidedBy !== null ? login.get(f.decidedBy) ?? null : null, decidedAt: f.decidedAt?.toISOString() ?? null,
  }));
  const annotationRecords: AnnotationRecord[] = annotations.map((a) => ({
    id: a.id, side: segmentById.get(a.segmentId)!.side as Side, sentence: position.get(a.segmentId)!, span: [a.start, a.end],
    category: a.category as MqmCategory, severity: a.severity as Severity, comment: a.comment,
    author: a.authorId !== null ? login.get(a.authorId) ?? null : null, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), version: a.version,
  }));
  const revisionRecords: RevisionRecord[] = revisions.map((r) => ({
    id: r.id, author: r.reviewerId !== null ? login.get(r.reviewerId) ?? null : null, createdAt: r.createdAt.toISOString(),
    entity: r.entity as RevisionRecord["entity"], entityId: r.entityId, operation: r.operation, before: r.before, after: r.after, undone: r.undone,
  }));
  return { document: toMeta(doc), source, target, links: linkRecords, flags: flagRecords, annotations: annotationRecords, revisions: revisionRecords };
}

export function toMeta(doc: { id: number; title: string; sourceLang: string; targetLang: string | null; sourceName: string | null; targetName: string | null; version: number; createdAt: Date; updatedAt: Date }): DocumentMeta {
  return { id: doc.id, title: doc.title, sourceLang: doc.sourceLang, targetLang: doc.targetLang, sourceName: doc.sourceName, targetName: doc.targetName, version: doc.version, createdAt: doc.createdAt.toISOString(), updatedAt: doc.updatedAt.toISOString() };
}

export interface DocumentSummary extends DocumentMeta {
  sourceSentences: number;
  targetSentences: number;
  links: number;
  confirmedLinks: number;
  openFlags: number;
}

/** The stored documents (imports still running are not listed); with `deleted`, the ones in the trash instead. */
export async function listDocuments(db: Db, options: { deleted?: boolean } = {}): Promise<DocumentSummary[]> {
  const docs = await db.document.findMany({ where: { state: "ready", deletedAt: options.deleted ? { not: null } : null }, orderBy: { id: "asc" } });
  const [segments, links, confirmed, flags] = await Promise.all([
    db.segment.groupBy({ by: ["documentId", "side"], _count: { _all: true } }),
    db.link.groupBy({ by: ["documentId"], _count: { _all: true } }),
    db.link.groupBy({ by: ["documentId"], where: { status: "confirmed" }, _count: { _all: true } }),
    db.flag.groupBy({ by: ["documentId"], where: { status: "open" }, _count: { _all: true } }),
  ]);
  const count = <T extends { documentId: number; _count: { _all: number } }>(rows: T[], id: number, extra: (r: T) => boolean = () => true) =>
    rows.find((r) => r.documentId === id && extra(r))?._count._all ?? 0;
  return docs.map((d) => ({
    ...toMeta(d),
    sourceSentences: count(segments, d.id, (r) => r.side === "source"),
    targetSentences: count(segments, d.id, (r) => r.side === "target"),
    links: count(links, d.id), confirmedLinks: count(confirmed, d.id), openFlags: count(flags, d.id),
  }));
}

/** Days a deleted document stays in the trash before it is deleted for good. */
export const TRASH_DAYS = 30;

const purgeDate = (deletedAt: Date) => new Date(deletedAt.getTime() + TRASH_DAYS * 86_400_000);

export interface TrashedDocument { id: number; title: string; deletedAt: string; /** When it will be deleted for good. */ purgeAt: string }

/** A title as people type it: trimmed, one line, not empty, not absurdly long. Throws with what to do. */
export function checkTitle(title: string): string {
  const t = title.replace(/\s+/g, " ").trim();
  if (!t) throw new InvalidTitleError("The title is empty: give the document a name.");
  if (t.length > 300) throw new InvalidTitleError(`The title has ${t.length} characters; keep it to 300.`);
  const problem = textProblem(t, "The title");
  if (problem) throw new InvalidTitleError(problem);
  return t;
}

export class InvalidTitleError extends Error {}

/** Renames a document (live or deleted) and records who did it in its history. */
export async function renameDocument(db: Db, documentId: number, title: string, author: number | null = null): Promise<void> {
  const next = checkTitle(title);
  await db.$transaction(async (tx) => {
    const doc = await tx.document.findUnique({ where: { id: documentId }, select: { title: true } });
    if (!doc) throw new NotFoundError(`There is no document ${documentId}. \`bitext list\` shows the stored documents.`);
    if (doc.title === next) return;
    await tx.document.update({ where: { id: documentId }, data: { title: next } });
    await tx.revision.create({ data: { documentId, reviewerId: author, entity: "document", entityId: documentId, operation: "rename", before: { title: doc.title }, after: { title: next } } });
  });
}

/**
 * Deleting moves a document to the trash: hidden from pages, API, exports, reports and review
 * operations, its rows kept so that an admin can restore it, until TRASH_DAYS have passed
 * (purgeTrash). Returns false when there was nothing to delete. The history records who did it.
 */
export async function deleteDocument(db: Db, documentId: number, options: { author?: number | null; now?: Date } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.document.updateMany({ where: { id: documentId, deletedAt: null }, data: { deletedAt: now } });
    if (count !== 1) return false;
    await tx.revision.create({ data: { documentId, reviewerId: options.author ?? null, entity: "document", entityId: documentId, operation: "delete", before: { deletedAt: null }, after: { deletedAt: now.toISOString() } } });
    return true;
  });
}

/** Brings a deleted document back as it was. Returns false when it was not deleted. */
export async function restoreDocument(db: Db, documentId: number, author: number | null = null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const doc = await tx.document.findUnique({ where: { id: documentId }, select: { deletedAt: true } });
    if (!doc?.deletedAt) return false;
    await tx.document.update({ where: { id: documentId }, data: { deletedAt: null } });
    await tx.revision.create({ data: { documentId, reviewerId: author, entity: "document", entityId: documentId, operation: "restore", before: { deletedAt: doc.deletedAt.toISOString() }, after: { deletedAt: null } } });
    return true;
  });
}

/** True for a document that exists and is not deleted. */
export async function documentExists(db: Db, documentId: number): Promise<boolean> {
  return (await db.document.count({ where: { id: documentId, deletedAt: null, state: "ready" } })) === 1;
}

/** The trash, oldest first, after deleting for good what has been there longer than TRASH_DAYS. */
export async function listTrash(db: Db, now = new Date()): Promise<TrashedDocument[]> {
  await purgeTrash(db, now);
  const docs = await db.document.findMany({ where: { deletedAt: { not: null } }, orderBy: { deletedAt: "asc" }, select: { id: true, title: true, deletedAt: true } });
  return docs.map((d) => ({ id: d.id, title: d.title, deletedAt: d.deletedAt!.toISOString(), purgeAt: purgeDate(d.deletedAt!).toISOString() }));
}

/** Deletes for good (with every row of theirs) the documents deleted more than TRASH_DAYS ago. */
export async function purgeTrash(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - TRASH_DAYS * 86_400_000);
  const { count } = await db.document.deleteMany({ where: { deletedAt: { lt: before } } });
  return count;
}

/** The version of a live document (null when it does not exist or is deleted): the cheap "anything new?" of polling. */
export async function documentVersion(db: Db, documentId: number): Promise<number | null> {
  const doc = await db.document.findFirst({ where: { id: documentId, deletedAt: null, state: "ready" }, select: { version: true } });
  return doc?.version ?? null;
}
