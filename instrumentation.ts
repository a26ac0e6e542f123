// Runs once when the server starts: half-written imports of a server or CLI that died
// mid-way (kill -9, a crash, a power cut) are removed before anyone can see them, and import
// jobs that were queued or running then are marked failed (retryable). A warm analysis worker
// is started and the language models loaded, so that the first import does not wait for them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { db } = await import("./lib/db/client");
  const { clearAbandonedImports } = await import("./lib/db/documents");
  const { failInterruptedImportJobs } = await import("./lib/db/import-jobs");
  const { warmAnalysis } = await import("./lib/import/analyse-thread");
  const removed = await clearAbandonedImports(db()).catch((err: unknown) => {
    console.error(`bitext: could not clear abandoned imports at start-up: ${err instanceof Error ? err.message : err}`);
    return [];
  });
  if (removed.length) console.log(`bitext: removed ${removed.length} half-written import(s) left by a process that died: document ${removed.join(", ")}`);
  const interrupted = await failInterruptedImportJobs(db()).catch((err: unknown) => {
    console.error(`bitext: could not mark interrupted import jobs at start-up: ${err instanceof Error ? err.message : err}`);
    return [];
  });
  if (interrupted.length) console.log(`bitext: ${interrupted.length} import job(s) were interrupted by the last stop and can be retried from the import page`);
  warmAnalysis();
  // The import route checks each side's language; its models load on first use (a good part of a second).
  (await import("./lib/import/language")).detectLanguage("The models of the language check load now, not on the first import.");
}
