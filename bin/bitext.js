#!/usr/bin/env node
// The `bitext` command. Runs the bundled CLI (dist/cli, built on install by
// scripts/build-cli.mjs) so that start-up is node's alone (through tsx it took about 1 s);
// rebuilds the bundle first when a source file under cli/ or lib/ is newer, so an edited
// checkout never runs stale code. Where the bundle cannot be built (a read-only install),
// it falls back to running the TypeScript through tsx.
// cli/main.ts runs main() itself when the process was started through this file.
import { pathToFileURL } from "node:url";
import path from "node:path";
import { buildCli, ENTRY, isCurrent, ROOT } from "../scripts/build-cli.mjs";

let entry = ENTRY;
if (!isCurrent()) {
  try {
    await buildCli();
  } catch (err) {
    console.error(`bitext: running from source, the CLI bundle could not be built (${err instanceof Error ? err.message : err}).`);
    const { register } = await import("tsx/esm/api");
    register();
    entry = path.join(ROOT, "cli", "main.ts");
  }
}
await import(pathToFileURL(entry).href);
