// Imports run as background jobs so a book-length text never holds up the request (or
// the page): the browser polls the job's progress. Jobs live in this server process.
import type { Db } from "../db/client";
import type { Stage } from "../pipeline";
import { ImportError, type ImportProblem } from "./errors";
import { importDocument, type ImportRequest } from "./index";

export interface ImportJob {
  id: string;
  state: "queued" | "running" | "done" | "failed";
  stage: Stage | "queued" | "done";
  /** 0..1 within the whole import. */
  progress: number;
  documentId?: number;
  problems?: ImportProblem[];
  error?: string;
  startedAt: number;
}

const STAGE_WEIGHT: Record<Stage, [number, number]> = { segment: [0, 0.1], align: [0.1, 0.55], check: [0.55, 0.7], store: [0.7, 1] };

const store = globalThis as unknown as { bitextImportJobs?: Map<string, ImportJob> };
const jobs = (store.bitextImportJobs ??= new Map());

export function getImportJob(id: string): ImportJob | undefined {
  return jobs.get(id);
}

export function startImportJob(db: Db, request: ImportRequest): ImportJob {
  const job: ImportJob = { id: crypto.randomUUID(), state: "queued", stage: "queued", progress: 0, startedAt: Date.now() };
  jobs.set(job.id, job);
  // Let the response go out first; the pipeline itself is synchronous CPU work.
  setTimeout(() => {
    job.state = "running";
    importDocument(db, {
      ...request,
      inChildProcess: true,
      onProgress(stage, done, total) {
        const [from, to] = STAGE_WEIGHT[stage];
        job.stage = stage;
        job.progress = from + (to - from) * (total ? done / total : 0);
      },
    }).then(
      ({ id }) => Object.assign(job, { state: "done", stage: "done", progress: 1, documentId: id }),
      (err) => Object.assign(job, { state: "failed", problems: err instanceof ImportError ? err.problems : undefined, error: err instanceof Error ? err.message : String(err) }),
    );
  }, 0);
  // Finished jobs are forgotten after an hour.
  setTimeout(() => jobs.delete(job.id), 3_600_000).unref?.();
  return job;
}
