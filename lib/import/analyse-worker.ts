// Child-process entry of analyse-process.ts: a job as JSON on stdin, the snapshot as
// JSON on stdout, progress lines on stderr; a sentence too long to analyse is reported as a
// "problem" line (exit code 3) so that the importer can show it like any other input problem.
import { analysePair, analyseSingle, type ProgressListener } from "../pipeline";
import { SentenceTooLongError } from "../segment";
import type { AnalyseJob } from "./analyse-process";

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const job = JSON.parse(Buffer.concat(chunks).toString("utf8")) as AnalyseJob;
const progress: ProgressListener = (stage, done, total) => process.stderr.write(`progress ${stage} ${done} ${total}\n`);
try {
  const snapshot = job.kind === "pair" ? analysePair(job.input, progress) : analyseSingle(job.input, progress);
  process.stdout.write(JSON.stringify(snapshot));
} catch (err) {
  if (!(err instanceof SentenceTooLongError)) throw err;
  const { label, sentence, length, excerpt, message } = err;
  process.stderr.write(`problem ${JSON.stringify({ label, sentence, length, excerpt, message })}\n`, () => process.exit(3));
}
