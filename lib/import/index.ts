// Importing a text pair or a single text: check the input, run the pipeline, store the
// result in one transaction. Shared by the web form, the CLI and the seed loader.
import type { Db } from "../db/client";
import { clearAbandonedImports, createDocument, ImportCancelledError } from "../db/documents";
import { analysePair, analyseSingle, type ProgressListener } from "../pipeline";
import type { DocumentSnapshot } from "../document";
import { analyseInWorker, type AnalyseJob } from "./analyse-thread";
import { ImportError, ImportWarning, sentenceTooLongProblem } from "./errors";
import { SentenceTooLongError } from "../segment";
import { checkImportInput, type RawSide } from "./validate";

export { ImportError, ImportWarning, type ImportProblem } from "./errors";
export { ImportCancelledError } from "../db/documents";
export { checkImportInput, type RawSide } from "./validate";
export { maxImportBytes } from "./decode";

export interface ImportRequest {
  title?: string;
  source: RawSide;
  /** null for a single-language document. */
  target: RawSide | null;
  presegmented?: boolean;
  /** Go ahead despite warnings (identical sides, unexpected language). */
  acceptWarnings?: boolean;
  author?: number | null;
  onProgress?: ProgressListener;
  /** Run the pipeline in a worker thread (the web server does, to stay responsive). */
  inWorker?: boolean;
  /** Cancels the import (ImportCancelledError); nothing of it is kept. */
  signal?: AbortSignal;
  /** Called when the analysis is done and storing begins (the CLI starts honouring Ctrl+C here). */
  onStoring?: () => void;
}

function defaultTitle(source: RawSide, target: RawSide | null): string {
  const strip = (label: string) => label.replace(/^.*[\\/]/, "").replace(/\.[a-z0-9]+$/i, "");
  return target ? `${strip(source.label)} ↔ ${strip(target.label)}` : strip(source.label);
}

function analyseHere(job: AnalyseJob, onProgress?: ProgressListener): DocumentSnapshot {
  try {
    return job.kind === "pair" ? analysePair(job.input, onProgress) : analyseSingle(job.input, onProgress);
  } catch (err) {
    if (err instanceof SentenceTooLongError) throw new ImportError([sentenceTooLongProblem(err)]);
    throw err;
  }
}

/** What runImport needs: the checked input as the analysis takes it. */
export interface PreparedImport { job: AnalyseJob; warnings: string[] }

/** Checks and decodes the input. Throws ImportError (bad input) or ImportWarning (needs the user's go-ahead). */
export function prepareImport(request: Pick<ImportRequest, "title" | "source" | "target" | "presegmented" | "acceptWarnings">): PreparedImport {
  const { source, target } = request;
  const checked = checkImportInput(source, target);
  if (checked.warnings.length && !request.acceptWarnings) throw new ImportWarning(checked.warnings);
  const title = request.title?.trim() || defaultTitle(source, target);
  const job: AnalyseJob = target && checked.target !== null
    ? { kind: "pair", input: { title, sourceLang: source.lang, targetLang: target.lang, sourceText: checked.source, targetText: checked.target, presegmented: request.presegmented, sourceName: source.label, targetName: target.label } }
    : { kind: "single", input: { title, lang: source.lang, text: checked.source, presegmented: request.presegmented, name: source.label } };
  return { job, warnings: checked.warnings.map((w) => w.message) };
}

/** Analyses a prepared import and stores the document; returns its id. */
export async function runImport(db: Db, job: AnalyseJob, options: Pick<ImportRequest, "author" | "onProgress" | "inWorker" | "signal" | "onStoring"> = {}): Promise<number> {
  const snapshot: DocumentSnapshot = options.inWorker
    ? await analyseInWorker(job, options.onProgress, options.signal)
    : analyseHere(job, options.onProgress);
  options.onStoring?.();
  if (options.signal?.aborted) throw new ImportCancelledError();
  // Half-written imports of processes that died (a killed CLI or server) go before a new one is written.
  await clearAbandonedImports(db);
  return createDocument(db, snapshot, { author: options.author, onProgress: options.onProgress, signal: options.signal });
}

/** Throws ImportError (bad input) or ImportWarning (needs the user's go-ahead). */
export async function importDocument(db: Db, request: ImportRequest): Promise<{ id: number; warnings: string[] }> {
  const { job, warnings } = prepareImport(request);
  return { id: await runImport(db, job, request), warnings };
}
