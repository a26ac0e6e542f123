// Web import jobs as rows (model ImportJob): any request, and a server started after this one
// stopped, reads a job's state and progress from the database. The queue that runs them lives
// in lib/import/jobs.ts; this module only stores.
import type { Db } from "./client";
import { importOwner, ownerGone } from "./documents";
import type { ImportProblem } from "../import/errors";

export type ImportJobState = "queued" | "running" | "done" | "failed" | "cancelled";

/** A job as the API and the import form see it (the input texts stay in the database). */
export interface ImportJobView {
  id: string;
  state: ImportJobState;
  stage: string;
  /** 0..1 within the whole import. */
  progress: number;
  title: string | null;
  documentId?: number;
  problems?: ImportProblem[];
  error?: string;
  /** A failed job whose input is kept: POST /api/import/jobs/:id/retry runs it again. */
  retryable: boolean;
  attempts: number;
  createdAt: string;
  /** Who started it: only they may cancel or retry it. */
  author: number | null;
}

/** The decoded, checked input of an import: what the analysis needs to run it (again). */
export interface ImportJobInput {
  title: string | null;
  sourceLang: string;
  /** null for a single-language text. */
  targetLang: string | null;
  sourceName: string;
  targetName: string | null;
  sourceText: string;
  targetText: string | null;
  presegmented: boolean;
}

/** How long finished jobs are kept: done or cancelled for a day, failed (retryable) for a week. */
const KEEP_FINISHED_MS = 24 * 3_600_000;
const KEEP_FAILED_MS = 7 * 24 * 3_600_000;

export const INTERRUPTED_MESSAGE = {
  running: "The server stopped while this import was running; nothing of it was kept. Retry it to import the same text again.",
  queued: "The server stopped before this import started. Retry it to import the same text.",
} as const;

type Row = NonNullable<Awaited<ReturnType<Db["importJob"]["findUnique"]>>>;

function toView(row: Row): ImportJobView {
  return {
    id: row.id,
    state: row.state as ImportJobState,
    stage: row.stage,
    progress: row.progress,
    title: row.title,
    ...(row.documentId !== null ? { documentId: row.documentId } : {}),
    ...(row.problems ? { problems: row.problems as unknown as ImportProblem[] } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    retryable: row.retryable,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    author: row.authorId,
  };
}

export async function createImportJob(db: Db, id: string, input: ImportJobInput, authorId: number | null): Promise<ImportJobView> {
  return toView(await db.importJob.create({ data: { id, ...input, authorId, owner: importOwner() } }));
}

export async function findImportJob(db: Db, id: string): Promise<ImportJobView | null> {
  const row = await db.importJob.findUnique({ where: { id } });
  if (!row) return null;
  // A job of a server that stopped (found before that server's successor cleared it, or on another host).
  if ((row.state === "queued" || row.state === "running") && ownerGone(row.owner, row.updatedAt)) {
    await failInterrupted(db, [row]);
    return findImportJob(db, id);
  }
  return toView(row);
}

/** The stored input of a job, for running it. */
export async function importJobInput(db: Db, id: string): Promise<ImportJobInput | null> {
  const row = await db.importJob.findUnique({ where: { id } });
  if (!row || row.sourceText === null) return null;
  const { title, sourceLang, targetLang, sourceName, targetName, sourceText, targetText, presegmented } = row;
  return { title, sourceLang, targetLang, sourceName, targetName, sourceText, targetText, presegmented };
}

/** Recent jobs of one reviewer, newest first. */
export async function listImportJobs(db: Db, authorId: number | null, limit = 20): Promise<ImportJobView[]> {
  const rows = await db.importJob.findMany({ where: { authorId }, orderBy: { createdAt: "desc" }, take: limit });
  const interrupted = rows.filter((r) => (r.state === "queued" || r.state === "running") && ownerGone(r.owner, r.updatedAt));
  if (!interrupted.length) return rows.map(toView);
  await failInterrupted(db, interrupted);
  return listImportJobs(db, authorId, limit);
}

/** Stores a running job's stage and progress (this also serves as its sign of life, updatedAt). */
export async function recordImportProgress(db: Db, id: string, stage: string, progress: number): Promise<void> {
  await db.importJob.updateMany({ where: { id, state: "running" }, data: { stage, progress } });
}

export async function markImportRunning(db: Db, id: string): Promise<void> {
  await db.importJob.updateMany({ where: { id, state: "queued" }, data: { state: "running", owner: importOwner() } });
}

export async function markImportDone(db: Db, id: string, documentId: number): Promise<void> {
  await db.importJob.update({ where: { id }, data: { state: "done", stage: "done", progress: 1, documentId, sourceText: null, targetText: null, retryable: false, finishedAt: new Date() } });
}

export async function markImportCancelled(db: Db, id: string, message: string): Promise<void> {
  await db.importJob.update({ where: { id }, data: { state: "cancelled", error: message, sourceText: null, targetText: null, retryable: false, finishedAt: new Date() } });
}

/**
 * A failed job. Bad input (problems) cannot succeed on a retry, so its text is dropped; any other
 * failure (the database was busy, a budget was exceeded, the server stopped) keeps it for a retry.
 */
export async function markImportFailed(db: Db, id: string, error: string, problems?: ImportProblem[]): Promise<void> {
  const retryable = !problems?.length;
  await db.importJob.update({
    where: { id },
    data: { state: "failed", error, problems: problems?.length ? (problems as object[]) : undefined, retryable, finishedAt: new Date(), ...(retryable ? {} : { sourceText: null, targetText: null }) },
  });
}

/** Every server's own heartbeat for its queued and running jobs: keeps another host from taking them for abandoned. */
export async function touchImportJobs(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.importJob.updateMany({ where: { id: { in: ids }, state: { in: ["queued", "running"] } }, data: { owner: importOwner() } });
}

/** Queues a failed, retryable job again. Returns false when it is not (or no longer) retryable. */
export async function requeueImportJob(db: Db, id: string): Promise<boolean> {
  const row = await db.importJob.findUnique({ where: { id }, select: { attempts: true } });
  if (!row) return false;
  const { count } = await db.importJob.updateMany({
    where: { id, state: "failed", retryable: true, sourceText: { not: null } },
    data: { state: "queued", stage: "queued", progress: 0, error: null, retryable: false, finishedAt: null, owner: importOwner(), attempts: row.attempts + 1 },
  });
  return count === 1;
}

async function failInterrupted(db: Db, rows: { id: string; state: string }[]): Promise<void> {
  for (const row of rows) {
    await db.importJob.updateMany({
      where: { id: row.id, state: row.state },
      data: { state: "failed", error: row.state === "running" ? INTERRUPTED_MESSAGE.running : INTERRUPTED_MESSAGE.queued, retryable: true, finishedAt: new Date() },
    });
  }
}

/**
 * Marks jobs whose server stopped while they were queued or running as failed (retryable), and
 * forgets old finished ones. Run at server start. Returns the ids marked failed.
 */
export async function failInterruptedImportJobs(db: Db, now = Date.now()): Promise<string[]> {
  const active = await db.importJob.findMany({ where: { state: { in: ["queued", "running"] } }, select: { id: true, state: true, owner: true, updatedAt: true } });
  const gone = active.filter((j) => ownerGone(j.owner, j.updatedAt, now));
  await failInterrupted(db, gone);
  await db.importJob.deleteMany({
    where: {
      OR: [
        { state: { in: ["done", "cancelled"] }, finishedAt: { lt: new Date(now - KEEP_FINISHED_MS) } },
        { state: "failed", finishedAt: { lt: new Date(now - KEEP_FAILED_MS) } },
      ],
    },
  });
  return gone.map((j) => j.id);
}
