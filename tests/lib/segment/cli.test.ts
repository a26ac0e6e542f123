// `bitext segment` on the seed files, through the command object main() dispatches to
// (not through main() itself, so that other commands' imports do not matter here).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { InputError, UsageError } from "../../../cli/command";
import { segmentCommand } from "../../../cli/commands/segment";

const SEED_000 = "fixtures/seeds/000_2f5c058692c94630.txt";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const code = await segmentCommand.run(args);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "bitext-segment-"));
afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("bitext segment", () => {
  it("prints one sentence a line, paragraphs separated by an empty line", async () => {
    const { code, out } = await run([SEED_000, "--lang", "en"]);
    expect(code).toBe(0);
    const paragraphs = out.split("\n\n").map((p) => p.split("\n"));
    expect(paragraphs.map((p) => p.length)).toEqual([4, 3, 3, 3, 2]);
    expect(paragraphs[0][0]).toBe("Last week, leadership changes at AI startup OpenAI attracted widespread attention.");
  });

  it("reads its own output back with --presegmented", async () => {
    const first = await run([SEED_000, "--lang", "en"]);
    const file = path.join(scratch, "000.txt");
    writeFileSync(file, `\uFEFF${first.out.replace(/\n/g, "\r\n")}\r\n`);
    const second = await run([file, "--presegmented"]);
    expect(second.code).toBe(0);
    expect(second.out).toBe(first.out);
  });

  it("gives JSON with offsets into the file", async () => {
    const { out } = await run([SEED_000, "--lang=en", "--json"]);
    const text = readFileSync(SEED_000, "utf8");
    const sentences = JSON.parse(out) as { text: string; start: number; end: number; paragraph: number }[];
    expect(sentences).toHaveLength(15);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("explains what is wrong with the call or the file", async () => {
    await expect(run([SEED_000])).rejects.toThrow(UsageError);
    await expect(run([SEED_000, "--lang", "english!"])).rejects.toThrow(/not a language code/);
    await expect(run(["--lang", "en"])).rejects.toThrow(/FILE is missing/);
    await expect(run([SEED_000, "--lang", "en", "--frobnicate"])).rejects.toThrow(/unknown option/);
    await expect(run(["no/such/file.txt", "--lang", "en"])).rejects.toThrow(InputError);
    const empty = path.join(scratch, "empty.txt");
    writeFileSync(empty, " \n\n");
    await expect(run([empty, "--lang", "de"])).rejects.toThrow(/has no text/);
  });
});
