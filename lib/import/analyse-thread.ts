// Runs the pipeline (segment, align, check: CPU-bound and synchronous) in a worker thread, so that
// a book-length import never stalls the web server's event loop. The worker is the bundle
// dist/worker/analyse-worker.mjs (plain JavaScript: no tsx, no TypeScript sources at run time).
// A thread dies with its server by construction, even on kill -9. Each worker has a memory budget
// (its V8 old generation) and each job a time budget; a cancelled or timed-out job's worker is
// terminated, which stops it even inside synchronous code. One warmed-up worker is kept idle
// (started with the server and when the import page is opened, dropped after some idle minutes),
// so a short import does not wait the second it takes to load the lexicon.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ImportCancelledError } from "../db/documents";
import type { DocumentSnapshot } from "../document";
import type { PairInput, ProgressListener, SingleInput, Stage } from "../pipeline";
import { ImportError, type ImportProblem } from "./errors";

export type AnalyseJob = { kind: "pair"; input: PairInput } | { kind: "single"; input: SingleInput };
export type ToWorker = { type: "job"; job: AnalyseJob };
export type FromWorker =
  | { type: "ready" }
  | { type: "progress"; stage: Stage; done: number; total: number }
  | { type: "done"; snapshot: DocumentSnapshot }
  | { type: "problem"; problem: ImportProblem }
  | { type: "error"; message: string };

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** The analysis budgets: BITEXT_ANALYSIS_MEMORY_MB (V8 heap of the worker, default 1536) and BITEXT_ANALYSIS_TIMEOUT_S (per job, default 600). */
export function analysisBudget(env: NodeJS.ProcessEnv = process.env) {
  return { memoryMb: Math.floor(positive(env.BITEXT_ANALYSIS_MEMORY_MB, 1536)), timeoutMs: positive(env.BITEXT_ANALYSIS_TIMEOUT_S, 600) * 1000 };
}

/** An idle warm worker is dropped after this long, so an idle server gives its memory back. */
const IDLE_MS = 10 * 60_000;

const root = () => process.cwd();
const bundlePath = () => path.join(root(), "dist", "worker", "analyse-worker.mjs");

/** Rebuilds the bundle when the sources beside it are newer (a checkout, `next dev`); a deployment without sources uses it as built. */
function currentBundle(): Promise<string> {
  const script = path.join(root(), "scripts", "build-worker.mjs");
  const bundle = bundlePath();
  if (!existsSync(script) || !existsSync(path.join(root(), "lib"))) return Promise.resolve(bundle);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, "--if-stale"], { cwd: root() }, (err, _out, stderr) => {
      if (err && !existsSync(bundle)) reject(new Error(`could not build the import analysis (${script}): ${stderr || err.message}`));
      else resolve(bundle);
    });
  });
}

interface AnalysisWorker { worker: Worker; ready: Promise<void>; memoryMb: number; exited: boolean }
interface Pool { idle: AnalysisWorker | null; idleTimer: ReturnType<typeof setTimeout> | null }
const store = globalThis as unknown as { bitextAnalysisPool?: Pool };
const pool: Pool = (store.bitextAnalysisPool ??= { idle: null, idleTimer: null });

function startWorker(): AnalysisWorker {
  const { memoryMb } = analysisBudget();
  const entry: AnalysisWorker = { worker: null as unknown as Worker, ready: Promise.resolve(), memoryMb, exited: false };
  entry.ready = currentBundle().then((file) => new Promise<void>((resolve, reject) => {
    const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: memoryMb }, stdout: false, stderr: false });
    entry.worker = worker;
    const onMessage = (m: FromWorker) => { if (m.type === "ready") { worker.off("error", onError); worker.off("exit", onExit); resolve(); } };
    const onError = (err: Error) => reject(err);
    const onExit = (code: number) => reject(new Error(`the import analysis stopped while starting (exit ${code})`));
    worker.once("message", onMessage);
    worker.once("error", onError);
    worker.once("exit", onExit);
    worker.on("exit", () => { entry.exited = true; if (pool.idle === entry) pool.idle = null; });
  }));
  // Nobody may be waiting yet (a warm-up): a failure is reported when a job takes this worker.
  entry.ready.catch(() => { if (pool.idle === entry) pool.idle = null; });
  return entry;
}

function park(entry: AnalysisWorker) {
  if (pool.idle || entry.exited || entry.memoryMb !== analysisBudget().memoryMb) {
    void entry.worker.terminate();
    return;
  }
  pool.idle = entry;
  entry.worker.unref();
  if (pool.idleTimer) clearTimeout(pool.idleTimer);
  pool.idleTimer = setTimeout(() => {
    if (pool.idle === entry) { pool.idle = null; void entry.worker.terminate(); }
  }, IDLE_MS);
  pool.idleTimer.unref?.();
}

/** Starts a warm worker unless one is idle already: the next import's analysis starts at once. */
export function warmAnalysis(): void {
  if (pool.idle && !pool.idle.exited) return;
  const entry = startWorker();
  pool.idle = entry;
  void entry.ready.then(() => { if (pool.idle === entry) { pool.idle = null; park(entry); } }, () => undefined);
}

function takeWorker(): AnalysisWorker {
  const idle = pool.idle;
  pool.idle = null;
  if (pool.idleTimer) { clearTimeout(pool.idleTimer); pool.idleTimer = null; }
  if (idle && !idle.exited && idle.memoryMb === analysisBudget().memoryMb) return idle;
  if (idle) void idle.ready.then(() => idle.worker.terminate(), () => undefined);
  return startWorker();
}

export function analyseInWorker(job: AnalyseJob, onProgress?: ProgressListener, signal?: AbortSignal): Promise<DocumentSnapshot> {
  const budget = analysisBudget();
  if (signal?.aborted) return Promise.reject(new ImportCancelledError());
  const entry = takeWorker();
  return new Promise<DocumentSnapshot>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void, keepWorker: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      entry.ready.then(() => {
        entry.worker.off("message", onMessage);
        entry.worker.off("error", onError);
        entry.worker.off("exit", onExit);
        if (keepWorker) park(entry);
        else void entry.worker.terminate();
      }, () => undefined);
      outcome();
    };
    const stop = (error: Error) => finish(() => reject(error), false);
    const timer = setTimeout(() => stop(new Error(`The analysis took longer than its budget of ${Math.round(budget.timeoutMs / 1000)} s and was stopped. Split the text into smaller parts, or raise BITEXT_ANALYSIS_TIMEOUT_S.`)), budget.timeoutMs);
    const onAbort = () => stop(new ImportCancelledError());
    signal?.addEventListener("abort", onAbort, { once: true });
    const onMessage = (m: FromWorker) => {
      if (m.type === "progress") onProgress?.(m.stage, m.done, m.total);
      else if (m.type === "done") finish(() => resolve(m.snapshot), true);
      else if (m.type === "problem") finish(() => reject(new ImportError([m.problem])), true);
      else if (m.type === "error") stop(new Error(`the analysis failed: ${m.message}`));
    };
    const onError = (err: Error & { code?: string }) => stop(err.code === "ERR_WORKER_OUT_OF_MEMORY"
      ? new Error(`The analysis needed more than its memory budget of ${entry.memoryMb} MB and was stopped. Split the text into smaller parts, or raise BITEXT_ANALYSIS_MEMORY_MB.`)
      : new Error(`the analysis failed: ${err.message}`));
    const onExit = (code: number) => stop(new Error(`the analysis stopped unexpectedly (exit ${code})`));
    entry.ready.then(() => {
      if (settled) return;
      entry.worker.ref();
      entry.worker.on("message", onMessage);
      entry.worker.once("error", onError);
      entry.worker.once("exit", onExit);
      entry.worker.postMessage({ type: "job", job } satisfies ToWorker);
    }, (err: Error) => stop(err));
  });
}
