// Runs once when the server starts: half-written imports of a server or CLI that died
// mid-way (kill -9, a crash, a power cut) are removed before anyone can see them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { db } = await import("./lib/db/client");
  const { clearAbandonedImports } = await import("./lib/db/documents");
  const removed = await clearAbandonedImports(db()).catch((err: unknown) => {
    console.error(`bitext: could not clear abandoned imports at start-up: ${err instanceof Error ? err.message : err}`);
    return [];
  });
  if (removed.length) console.log(`bitext: removed ${removed.length} half-written import(s) left by a process that died: document ${removed.join(", ")}`);
}
