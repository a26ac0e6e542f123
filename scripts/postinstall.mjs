// Generates the Prisma clients for both databases after `npm install`, then bundles the CLI. Offline-safe:
// the prisma-client generator with engineType "client" downloads no engine binary.
import { execFileSync } from "node:child_process";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", NEXT_TELEMETRY_DISABLED: "1" };
for (const config of ["prisma.config.ts", "prisma.postgres.config.ts"]) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--config", config], { stdio: ["ignore", "ignore", "inherit"], env });
}
console.log("bitext: Prisma clients generated (SQLite and PostgreSQL)");
// The `bitext` command runs this bundle; building it now spares the first run the wait.
const { buildCli } = await import("./build-cli.mjs");
await buildCli();
console.log("bitext: command-line interface bundled into dist/cli");
// The web server runs imports' analysis from this bundle, in a worker thread (no tsx at run time).
const { buildWorker } = await import("./build-worker.mjs");
await buildWorker();
console.log("bitext: import analysis bundled into dist/worker");
