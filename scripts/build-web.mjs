// `npm start` builds the web app only when something that goes into the build changed since the last
// one (a content hash, so a fresh clone or `git checkout` of the same tree does not rebuild twice).
// `next build` takes over a minute on two cores; starting an unchanged workbench should not.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOTS = ["app", "lib", "report-ui", "proxy.ts", "next.config.js", "tsconfig.json", "package.json", "package-lock.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP = path.join(".next", "bitext-source-hash");

function files(entry) {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { withFileTypes: true })
    .filter((d) => !SKIP.has(d.name))
    .flatMap((d) => files(path.join(entry, d.name)));
}

export function sourceHash() {
  const hash = createHash("sha256");
  for (const file of ROOTS.flatMap(files).sort()) {
    hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

// The import analysis runs from its own bundle in a worker thread: rebuilt whenever lib/ is newer.
const { buildWorker, workerIsCurrent } = await import("./build-worker.mjs");
if (!workerIsCurrent()) await buildWorker();

const wanted = sourceHash();
const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) ? readFileSync(STAMP, "utf8").trim() : null;
if (built === wanted) {
  console.log("bitext: the web app is built from these sources already; not rebuilding.");
} else {
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(STAMP, wanted + "\n");
}
