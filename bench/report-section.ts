// Each benchmark owns one section of docs/benchmarks.md, between
// `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, and rewrites only that section.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

const FILE = "docs/benchmarks.md";
const HEADER = "# Benchmarks\n\nEvery figure below was written by the command named in its section; rerun it to reproduce.\n";

export function machineLine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

export function writeSection(name: string, markdown: string): void {
  mkdirSync("docs", { recursive: true });
  const doc = existsSync(FILE) ? readFileSync(FILE, "utf8") : HEADER;
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const i = doc.indexOf(open);
  const j = doc.indexOf(close);
  const next = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + close.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next);
}
