// Bundles the TypeScript CLI (cli/ and the lib/ it uses) into plain ES modules under
// dist/cli/ (.tsx compiled with tsconfig.json's "jsx": "react-jsx"), so `bitext` starts in node alone: through tsx, start-up took about 1 s of the
// 1 s budget for aligning the Text+Berg test set. Each command stays its own chunk, loaded
// only when it runs. bin/bitext.js rebuilds the bundle when a source file is newer.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = path.join(ROOT, "dist", "cli");
export const ENTRY = path.join(OUT_DIR, "main.mjs");
// report-ui/: the HTML report is rendered by the same React components as the report pages.
const SOURCES = ["cli", "lib", "report-ui"];

/** Newest modification time (ms) among the CLI's sources. */
export function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs|js|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of SOURCES) walk(path.join(ROOT, dir));
  return newest;
}

export function isCurrent() {
  try {
    return statSync(ENTRY).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

export async function buildCli() {
  const { build } = await import("esbuild");
  // Built beside the old bundle and swapped in whole, so a second `bitext` started meanwhile
  // never imports half a bundle (chunk names carry content hashes).
  const staging = `${OUT_DIR}.${process.pid}`;
  await build({
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
  });
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
