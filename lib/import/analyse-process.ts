// Runs the pipeline (segment, align, check: CPU-bound and synchronous) in a child
// process, so that a book-length import never stalls the web server's event loop. The
// child has a memory budget (its V8 heap), a time budget, can be cancelled, and dies with
// the server: it is busy in synchronous code and cannot watch its parent itself, so a
// tiny watchdog process does (it outlives a `kill -9` of the server by at most a second).
import { spawn } from "node:child_process";
import path from "node:path";
import { ImportCancelledError } from "../db/documents";
import { ImportError, sentenceTooLongProblem, type ImportProblem } from "./errors";
import type { DocumentSnapshot } from "../document";
import type { PairInput, ProgressListener, SingleInput, Stage } from "../pipeline";

export type AnalyseJob = { kind: "pair"; input: PairInput } | { kind: "single"; input: SingleInput };

const WORKER = path.join(process.cwd(), "lib", "import", "analyse-worker.ts");

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** The analysis budgets: BITEXT_ANALYSIS_MEMORY_MB (V8 heap, default 1536) and BITEXT_ANALYSIS_TIMEOUT_S (default 600). */
export function analysisBudget(env: NodeJS.ProcessEnv = process.env) {
  return { memoryMb: Math.floor(positive(env.BITEXT_ANALYSIS_MEMORY_MB, 1536)), timeoutMs: positive(env.BITEXT_ANALYSIS_TIMEOUT_S, 600) * 1000 };
}

/** Kills `child` as soon as this process is gone (checked twice a second). Plain JS: starts in ~40 ms. */
const WATCHDOG = `const [server, child] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === "EPERM"; } };
setInterval(() => {
  if (!alive(child)) process.exit(0);
  if (!alive(server) || process.ppid !== server) { try { process.kill(child, "SIGKILL"); } catch {} process.exit(0); }
}, 500);`;

export function analyseInChildProcess(job: AnalyseJob, onProgress?: ProgressListener, signal?: AbortSignal): Promise<DocumentSnapshot> {
  const budget = analysisBudget();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ImportCancelledError());
    const child = spawn(process.execPath, [`--max-old-space-size=${budget.memoryMb}`, "--import", "tsx", WORKER], { cwd: process.cwd(), stdio: ["pipe", "pipe", "pipe"] });
    const watchdog = child.pid ? spawn(process.execPath, ["-e", WATCHDOG, String(process.pid), String(child.pid)], { stdio: "ignore" }) : null;
    watchdog?.unref();
    let why: "timeout" | "cancelled" | null = null;
    const stop = (reason: "timeout" | "cancelled") => { why = reason; child.kill("SIGKILL"); };
    const timer = setTimeout(() => stop("timeout"), budget.timeoutMs);
    timer.unref?.();
    const onAbort = () => stop("cancelled");
    signal?.addEventListener("abort", onAbort, { once: true });
    const out: Buffer[] = [];
    let errText = "";
    let problem: ImportProblem | null = null;
    let pending = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => {
      pending += d.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const m = /^progress (\w+) (\d+) (\d+)$/.exec(line);
        if (m) onProgress?.(m[1] as Stage, Number(m[2]), Number(m[3]));
        else if (line.startsWith("problem ")) problem = sentenceTooLongProblem(JSON.parse(line.slice(8)));
        else errText += line + "\n";
      }
    });
    child.stdin.on("error", () => undefined); // the child may be killed before it has read the job
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      watchdog?.kill();
      if (why === "cancelled") return reject(new ImportCancelledError());
      if (why === "timeout") return reject(new Error(`The analysis took longer than its budget of ${Math.round(budget.timeoutMs / 1000)} s and was stopped. Split the text into smaller parts, or raise BITEXT_ANALYSIS_TIMEOUT_S.`));
      if (problem) return reject(new ImportError([problem]));
      if (code !== 0) {
        if (/heap out of memory|Allocation failed/i.test(errText)) return reject(new Error(`The analysis needed more than its memory budget of ${budget.memoryMb} MB and was stopped. Split the text into smaller parts, or raise BITEXT_ANALYSIS_MEMORY_MB.`));
        return reject(new Error(`the analysis process failed (exit ${code}): ${errText.trim().split("\n").slice(-3).join(" ")}`));
      }
      try {
        resolve(JSON.parse(Buffer.concat(out).toString("utf8")) as DocumentSnapshot);
      } catch (err) {
        reject(err);
      }
    });
    child.stdin.end(JSON.stringify(job));
  });
}
