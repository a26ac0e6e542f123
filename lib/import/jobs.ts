// Imports run as background jobs so a book-length text never holds up the request (or
// the page): the browser polls the job's progress. Jobs live in this server process and
// wait in a queue: at most BITEXT_IMPORT_CONCURRENCY (default 1) run at once, each with an
// analysis process of up to BITEXT_ANALYSIS_MEMORY_MB. A job can be cancelled while queued
// or running; nothing of a cancelled or failed import is kept.
import type { Db } from "../db/client";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from "../db/errors";
import type { Stage } from "../pipeline";
import { ImportError, type ImportProblem } from "./errors";
import { ImportCancelledError, importDocument, type ImportRequest } from "./index";

export interface ImportJob {
  id: string;
  state: "queued" | "running" | "done" | "failed" | "cancelled";
  stage: Stage | "queued" | "done";
  /** 0..1 within the whole import. */
  progress: number;
  /** Jobs ahead of this one in the queue (0 once running). */
  queuePosition: number;
  documentId?: number;
  problems?: ImportProblem[];
  error?: string;
  startedAt: number;
  /** Who started it: only they may cancel it. */
  author: number | null;
}

const STAGE_WEIGHT: Record<Stage, [number, number]> = { segment: [0, 0.1], align: [0.1, 0.55], check: [0.55, 0.7], store: [0.7, 1] };

export function importConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.BITEXT_IMPORT_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

interface Entry { job: ImportJob; run: () => Promise<void>; controller: AbortController }
interface Registry { jobs: Map<string, ImportJob>; queue: Entry[]; running: Map<string, Entry> }

const store = globalThis as unknown as { bitextImportJobs?: Registry };
const registry: Registry = (store.bitextImportJobs ??= { jobs: new Map(), queue: [], running: new Map() });

export function getImportJob(id: string): ImportJob | undefined {
  return registry.jobs.get(id);
}

function renumber() {
  registry.queue.forEach((e, i) => { e.job.queuePosition = i + registry.running.size; });
}

function pump() {
  while (registry.running.size < importConcurrency() && registry.queue.length) {
    const entry = registry.queue.shift()!;
    registry.running.set(entry.job.id, entry);
    entry.job.state = "running";
    entry.job.queuePosition = 0;
    void entry.run().finally(() => {
      registry.running.delete(entry.job.id);
      pump();
    });
  }
  renumber();
}

export function startImportJob(db: Db, request: ImportRequest): ImportJob {
  const job: ImportJob = { id: crypto.randomUUID(), state: "queued", stage: "queued", progress: 0, queuePosition: 0, startedAt: Date.now(), author: request.author ?? null };
  const controller = new AbortController();
  registry.jobs.set(job.id, job);
  const run = () => importDocument(db, {
    ...request,
    inChildProcess: true,
    signal: controller.signal,
    onProgress(stage, done, total) {
      const [from, to] = STAGE_WEIGHT[stage];
      job.stage = stage;
      job.progress = from + (to - from) * (total ? done / total : 0);
    },
  }).then(
    ({ id }) => { Object.assign(job, { state: "done", stage: "done", progress: 1, documentId: id }); },
    (err) => {
      if (err instanceof ImportCancelledError) return void Object.assign(job, { state: "cancelled", error: err.message });
      const error = isDatabaseBusy(err) ? DATABASE_BUSY_MESSAGE : err instanceof Error ? err.message : String(err);
      Object.assign(job, { state: "failed", problems: err instanceof ImportError ? err.problems : undefined, error });
    },
  );
  registry.queue.push({ job, run, controller });
  // Let the response go out first.
  setTimeout(pump, 0);
  renumber();
  // Finished jobs are forgotten after an hour.
  setTimeout(() => registry.jobs.delete(job.id), 3_600_000).unref?.();
  return job;
}

/** Cancels a queued or running job. Returns false when it had already ended. */
export function cancelImportJob(id: string): boolean {
  const queued = registry.queue.findIndex((e) => e.job.id === id);
  if (queued >= 0) {
    const [entry] = registry.queue.splice(queued, 1);
    Object.assign(entry.job, { state: "cancelled", error: new ImportCancelledError().message });
    renumber();
    return true;
  }
  const running = registry.running.get(id);
  if (!running) return false;
  running.controller.abort();
  return true;
}
