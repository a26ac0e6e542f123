// Bundles the TypeScript CLI (cli/ and the lib/ it uses) into plain ES modules under
// dist/cli/ (.tsx compiled with tsconfig.json's "jsx": "react-jsx"), so `bitext` starts in node alone: through tsx, start-up took about 1 s of the
// 1 s budget for aligning the Text+Berg test set. Each command stays its own chunk, loaded
// only when it runs. bin/bitext.js rebuilds the bundle when a source file is newer.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = path.join(ROOT, "dist", "cli");
export const ENTRY = path.join(OUT_DIR, "main.mjs");
/**
 * The source files the bundle was built from (esbuild's metafile, without node_modules), one
 * path a line relative to ROOT. Checking these on every start takes about 2 ms; walking cli/,
 * lib/ and report-ui/ took 15-40 ms, a third of aligning a short article. A new file only
 * matters once an existing one imports it, and that one is then newer than the bundle.
 */
const INPUTS = path.join(OUT_DIR, "inputs.txt");

/** Whether the bundle is newer than every source file it was built from. */
export function isCurrent() {
  try {
    const built = statSync(ENTRY).mtimeMs;
    const inputs = readFileSync(INPUTS, "utf8").split("\n");
    for (const input of inputs) if (input && statSync(path.join(ROOT, input)).mtimeMs > built) return false;
    return inputs.length > 1;
  } catch {
    return false; // no bundle, no list, or a source file gone
  }
}

export async function buildCli() {
  const { build } = await import("esbuild");
  // Built beside the old bundle and swapped in whole, so a second `bitext` started meanwhile
  // never imports half a bundle (chunk names carry content hashes).
  const staging = `${OUT_DIR}.${process.pid}`;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: "cli/main.ts" },
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    // Bundled CommonJS-style code (the generated Prisma client) may call require().
    banner: { js: "import { createRequire as __bitextCreateRequire } from 'node:module'; const require = __bitextCreateRequire(import.meta.url);" },
    logLevel: "warning",
    metafile: true,
  });
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.split("/").includes("node_modules"));
  writeFileSync(path.join(staging, "inputs.txt"), sources.join("\n") + "\n");
  rmSync(OUT_DIR, { recursive: true, force: true });
  try {
    renameSync(staging, OUT_DIR);
  } catch (err) {
    // Another process swapped in its (identical) bundle first.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(ENTRY)) throw err;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
  console.log(`bitext: CLI bundled into ${path.relative(process.cwd(), OUT_DIR) || "."}`);
}
