// Bundles the import analysis (lib/import/analyse-worker.ts and the pipeline it runs) into one plain
// ES module, dist/worker/analyse-worker.mjs, which the web server starts as a worker thread: a running
// server needs neither tsx nor the TypeScript sources. Built on `npm install` and `npm start`; a
// server that finds the sources newer than the bundle (a checkout, `next dev`) rebuilds it with
// `node scripts/build-worker.mjs --if-stale` before starting a worker.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const WORKER_BUNDLE = path.join(ROOT, "dist", "worker", "analyse-worker.mjs");
const SKIP = new Set(["generated", "data"]);

function newestSource(dir = path.join(ROOT, "lib")) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|tsx|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function workerIsCurrent() {
  try {
    return statSync(WORKER_BUNDLE).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

export async function buildWorker() {
  const { build } = await import("esbuild");
  // Written beside the old bundle and renamed over it: a worker starting meanwhile reads one whole file.
  const staging = `${WORKER_BUNDLE}.${process.pid}`;
  mkdirSync(path.dirname(WORKER_BUNDLE), { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ["lib/import/analyse-worker.ts"],
    outfile: staging,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    banner: { js: "import { createRequire as __bitextCreateRequire } from 'node:module'; const require = __bitextCreateRequire(import.meta.url);" },
    logLevel: "warning",
  });
  renameSync(staging, WORKER_BUNDLE);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes("--if-stale");
  if (ifStale && workerIsCurrent()) process.exit(0);
  try {
    await buildWorker();
  } catch (err) {
    rmSync(`${WORKER_BUNDLE}.${process.pid}`, { force: true });
    throw err;
  }
  if (!ifStale) console.log(`bitext: import analysis bundled into ${path.relative(process.cwd(), WORKER_BUNDLE)}`);
}
