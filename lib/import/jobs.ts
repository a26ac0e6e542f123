// Imports run as background jobs so a book-length text never holds up the request (or the page):
// the browser polls the job. Each job is a row (lib/db/import-jobs.ts) holding its input, stage and
// progress, so it survives its server: a job that was queued or running when the server stopped is
// marked failed at the next start (or when it is read) and can be retried. The queue itself is this
// server process's: at most BITEXT_IMPORT_CONCURRENCY (default 1) jobs run at once, each analysed in
// a worker thread (analyse-thread.ts). A job can be cancelled while queued or running; nothing of a
// cancelled or failed import is kept.
import { EventEmitter } from "node:events";
import type { Db } from "../db/client";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from "../db/errors";
import {
  createImportJob, findImportJob, importJobInput, markImportCancelled, markImportDone, markImportFailed, markImportRunning,
  recordImportProgress, requeueImportJob, touchImportJobs, type ImportJobInput, type ImportJobView,
} from "../db/import-jobs";
import type { Stage } from "../pipeline";
import type { AnalyseJob } from "./analyse-thread";
import { ImportError } from "./errors";
import { ImportCancelledError, runImport } from "./index";

export type { ImportJobView } from "../db/import-jobs";
export interface ImportJob extends ImportJobView {
  /** Jobs ahead of this one in its server's queue (0 once running). */
  queuePosition: number;
}

const STAGE_WEIGHT: Record<Stage, [number, number]> = { segment: [0, 0.1], align: [0.1, 0.55], check: [0.55, 0.7], store: [0.7, 1] };
/** Progress is written at most this often: a sign of life without a write per batch, and a short import (done in a
 *  fraction of a second) does not spend its time writing its own progress. */
const PROGRESS_WRITE_MS = 250;
/** Queued and running jobs are touched this often, so that servers on other hosts see their owner alive. */
const HEARTBEAT_MS = 60_000;

export function importConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.BITEXT_IMPORT_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** `job`: the input as checked by the request that started it (a retry reads it from the database). */
interface Entry { id: string; db: Db; author: number | null; controller: AbortController; job?: AnalyseJob }
/** `changes` emits a job's id whenever this server wrote a change of it (for requests that wait for one). */
interface Registry { queue: Entry[]; running: Map<string, Entry>; heartbeat: ReturnType<typeof setInterval> | null; changes: EventEmitter }

const store = globalThis as unknown as { bitextImportQueue?: Registry };
const registry: Registry = (store.bitextImportQueue ??= { queue: [], running: new Map(), heartbeat: null, changes: new EventEmitter().setMaxListeners(0) });
const changed = (id: string) => registry.changes.emit(id);

/**
 * Resolves when this server next writes a change of the job, or after `ms` (at once when the job is not
 * queued or running here). Register before reading the job, so that no change falls in between.
 */
export function importJobChange(id: string, ms: number): { changed: Promise<void>; dispose: () => void } {
  const active = registry.running.has(id) || registry.queue.some((e) => e.id === id);
  let dispose = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    if (!active) return resolve();
    const done = () => { clearTimeout(timer); registry.changes.off(id, done); resolve(); };
    const timer = setTimeout(done, ms);
    registry.changes.on(id, done);
    dispose = done;
  });
  return { changed: promise, dispose: () => dispose() };
}

function jobInput(job: AnalyseJob): ImportJobInput {
  if (job.kind === "pair") {
    const i = job.input;
    return { title: i.title ?? null, sourceLang: i.sourceLang, targetLang: i.targetLang, sourceName: i.sourceName ?? "Source text", targetName: i.targetName ?? "Translation", sourceText: i.sourceText, targetText: i.targetText, presegmented: !!i.presegmented };
  }
  const i = job.input;
  return { title: i.title ?? null, sourceLang: i.lang, targetLang: null, sourceName: i.name ?? "Text", targetName: null, sourceText: i.text, targetText: null, presegmented: !!i.presegmented };
}

function analyseJob(input: ImportJobInput): AnalyseJob {
  const title = input.title ?? input.sourceName;
  if (input.targetLang !== null && input.targetText !== null) {
    return { kind: "pair", input: { title, sourceLang: input.sourceLang, targetLang: input.targetLang, sourceText: input.sourceText, targetText: input.targetText, presegmented: input.presegmented, sourceName: input.sourceName, targetName: input.targetName ?? undefined } };
  }
  return { kind: "single", input: { title, lang: input.sourceLang, text: input.sourceText, presegmented: input.presegmented, name: input.sourceName } };
}

/** A job as read from the database, with its place in this server's queue. */
export async function getImportJob(db: Db, id: string): Promise<ImportJob | null> {
  const job = await findImportJob(db, id);
  if (!job) return null;
  const queued = registry.queue.findIndex((e) => e.id === id);
  return { ...job, queuePosition: queued >= 0 ? queued + registry.running.size : 0 };
}

/** Writes a job's end, retrying while the database is busy: a job must never stay "running" for good. */
async function settle(write: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (attempt >= 4) throw err;
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}

async function run(entry: Entry): Promise<void> {
  const { db, id, controller } = entry;
  let written = Promise.resolve();
  let lastWrite = Date.now();
  const writeProgress = (stage: Stage, progress: number) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_WRITE_MS) return;
    lastWrite = now;
    // One write at a time, in order; a failed progress write is not worth failing the import for.
    written = written.then(() => recordImportProgress(db, id, stage, progress)).then(() => { changed(id); }, () => undefined);
  };
  try {
    await markImportRunning(db, id);
    changed(id);
    const input = entry.job ? null : await importJobInput(db, id);
    if (!entry.job && !input) throw new Error("The input of this import is no longer stored; import the text again.");
    const documentId = await runImport(db, entry.job ?? analyseJob(input!), {
      author: entry.author,
      inWorker: true,
      signal: controller.signal,
      onProgress(stage, done, total) {
        const [from, to] = STAGE_WEIGHT[stage];
        writeProgress(stage, from + (to - from) * (total ? done / total : 0));
      },
    });
    await written;
    await settle(() => markImportDone(db, id, documentId));
  } catch (err) {
    await written;
    if (err instanceof ImportCancelledError) await settle(() => markImportCancelled(db, id, err.message));
    else {
      const message = isDatabaseBusy(err) ? DATABASE_BUSY_MESSAGE : err instanceof Error ? err.message : String(err);
      await settle(() => markImportFailed(db, id, message, err instanceof ImportError ? err.problems : undefined));
    }
  } finally {
    changed(id);
  }
}

function beat() {
  const active = [...registry.queue, ...registry.running.values()];
  if (!active.length) {
    if (registry.heartbeat) clearInterval(registry.heartbeat);
    registry.heartbeat = null;
    return;
  }
  for (const db of new Set(active.map((e) => e.db))) void touchImportJobs(db, active.filter((e) => e.db === db).map((e) => e.id)).catch(() => undefined);
}

function pump() {
  while (registry.running.size < importConcurrency() && registry.queue.length) {
    const entry = registry.queue.shift()!;
    registry.running.set(entry.id, entry);
    void run(entry)
      .catch((err: unknown) => console.error(`bitext: import job ${entry.id} could not record its end: ${err instanceof Error ? err.message : err}`))
      .finally(() => {
        registry.running.delete(entry.id);
        pump();
      });
  }
  registry.heartbeat ??= setInterval(beat, HEARTBEAT_MS);
  registry.heartbeat.unref?.();
}

function enqueue(db: Db, id: string, author: number | null, job?: AnalyseJob) {
  registry.queue.push({ id, db, author, controller: new AbortController(), job });
  // Let the response go out first.
  setTimeout(pump, 0);
}

/** Stores a checked import (see prepareImport) as a queued job and queues it. */
export async function startImportJob(db: Db, job: AnalyseJob, author: number | null = null): Promise<ImportJob> {
  const id = crypto.randomUUID();
  await createImportJob(db, id, jobInput(job), author);
  enqueue(db, id, author, job);
  return (await getImportJob(db, id))!;
}

/** Queues a failed, retryable job again (same id, its stored input). Returns null when it is not retryable. */
export async function retryImportJob(db: Db, id: string): Promise<ImportJob | null> {
  const job = await findImportJob(db, id);
  if (!job || !(await requeueImportJob(db, id))) return null;
  enqueue(db, id, job.author);
  return getImportJob(db, id);
}

/** Cancels a job queued or running in this server. Returns false when it had already ended. */
export async function cancelImportJob(db: Db, id: string): Promise<boolean> {
  const queued = registry.queue.findIndex((e) => e.id === id);
  if (queued >= 0) {
    registry.queue.splice(queued, 1);
    await settle(() => markImportCancelled(db, id, new ImportCancelledError().message));
    changed(id);
    return true;
  }
  const running = registry.running.get(id);
  if (!running) return false;
  // Its end may be written already, just before the queue lets go of it.
  const job = await findImportJob(db, id);
  if (!job || (job.state !== "running" && job.state !== "queued")) return false;
  running.controller.abort();
  return true;
}

