// One flag parser (cli/args.ts parse) for every command: the same words for the same mistake,
// `--flag value` and `--flag=value` alike.
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "@/cli/main";

const TEXT = "fixtures/seeds/003_0f4aa659cf5b8893.txt";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out: out.join("\n"), err: err.join("\n") };
}

afterEach(() => vi.restoreAllMocks());

describe("the commands' flags", () => {
  it("say the same about an unknown option and a missing value in check, segment and align", async () => {
    const calls = [["check", TEXT, "--lang", "en"], ["segment", TEXT, "--lang", "en"], ["align", TEXT, TEXT, "--src-lang", "en", "--tgt-lang", "de"]];
    for (const [command, ...args] of calls) {
      const unknown = await run([command, ...args, "--frobnicate"]);
      expect(unknown.code, command).toBe(2);
      expect(unknown.err, command).toContain('unknown option "--frobnicate".');
    }
    const missing = await run(["check", TEXT, "--lang"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--lang needs a value.");
    const ambiguous = await run(["check", TEXT, "--format", "--lang", "en"]);
    expect(ambiguous.err).toContain("--format needs a value.");
    expect((await run(["segment", TEXT, "--lang"])).err).toContain("--lang needs a language code, e.g. --lang en.");
    expect((await run(["segment", TEXT, "--json=yes", "--lang", "en"])).err).toContain("--json takes no value.");
  });

  it("take --flag=value as --flag value", async () => {
    const spaced = await run(["segment", TEXT, "--lang", "en", "--json"]);
    const inline = await run(["segment", TEXT, "--lang=en", "--json"]);
    expect(spaced.code).toBe(0);
    expect(inline.out).toBe(spaced.out);
    const check = await run(["check", TEXT, "--lang=en", "--format=json", "--min-confidence=0"]);
    expect(check.code).toBe(0);
    expect(Array.isArray(JSON.parse(check.out))).toBe(true);
    expect((await run(["check", TEXT, "--lang", "en", "--format", "xml"])).err).toContain('--format is text or json, not "xml".');
  });
});
