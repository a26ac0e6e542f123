// Runs the pipeline (segment, align, check: CPU-bound and synchronous) in a child
// process, so that a book-length import never stalls the web server's event loop.
import { spawn } from "node:child_process";
import path from "node:path";
import type { DocumentSnapshot } from "../document";
import type { PairInput, ProgressListener, SingleInput, Stage } from "../pipeline";

export type AnalyseJob = { kind: "pair"; input: PairInput } | { kind: "single"; input: SingleInput };

const WORKER = path.join(process.cwd(), "lib", "import", "analyse-worker.ts");

export function analyseInChildProcess(job: AnalyseJob, onProgress?: ProgressListener): Promise<DocumentSnapshot> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER], { cwd: process.cwd(), stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let errText = "";
    let pending = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => {
      pending += d.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const m = /^progress (\w+) (\d+) (\d+)$/.exec(line);
        if (m) onProgress?.(m[1] as Stage, Number(m[2]), Number(m[3]));
        else errText += line + "\n";
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the analysis process failed (exit ${code}): ${errText.trim().split("\n").slice(-3).join(" ")}`));
      try {
        resolve(JSON.parse(Buffer.concat(out).toString("utf8")) as DocumentSnapshot);
      } catch (err) {
        reject(err);
      }
    });
    child.stdin.end(JSON.stringify(job));
  });
}
