// Child-process entry of analyse-process.ts: a job as JSON on stdin, the snapshot as
// JSON on stdout, progress lines on stderr.
import { analysePair, analyseSingle, type ProgressListener } from "../pipeline";
import type { AnalyseJob } from "./analyse-process";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const job = JSON.parse(Buffer.concat(chunks).toString("utf8")) as AnalyseJob;
const progress: ProgressListener = (stage, done, total) => process.stderr.write(`progress ${stage} ${done} ${total}\n`);
const snapshot = job.kind === "pair" ? analysePair(job.input, progress) : analyseSingle(job.input, progress);
process.stdout.write(JSON.stringify(snapshot));
