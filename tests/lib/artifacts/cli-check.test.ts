// `bitext check` end to end in-process: the seed pair and a seed text, text and JSON output,
// German explanations, and usage errors.
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "@/cli/main";

const PAIR = ["fixtures/seeds/000_2f5c058692c94630.txt", "fixtures/seeds/001_1a15638dc6a05010.txt"];

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe("bitext check", () => {
  it("prints the pair's findings as JSON with excerpts and explanations", async () => {
    const io = capture();
    expect(await main(["check", ...PAIR, "--src-lang", "en", "--tgt-lang", "de", "--format", "json"])).toBe(0);
    const findings = JSON.parse(io.out.join("\n")) as Array<{ detector: string; excerpt: string; explanation: string; side: string }>;
    const excerpts = findings.map((f) => `${f.detector}:${f.excerpt}`);
    for (const e of ["suspect-compound:Führungsstrang", "suspect-compound:Überbeugung", "name-casing:Openai", "spacing:KI -Modellen", "missing-article:Führungswechsel", "split-compound:Führungsstrang Kontroverse"]) {
      expect(excerpts).toContain(e);
    }
    expect(findings.every((f) => f.explanation.length > 20)).toBe(true);
  });

  it("hides findings below --min-confidence, says how many, and shows all with 0", async () => {
    const all = capture();
    expect(await main(["check", ...PAIR, "--src-lang", "en", "--tgt-lang", "de", "--format", "json", "--min-confidence", "0"])).toBe(0);
    const every = JSON.parse(all.out.join("\n")) as Array<{ confidence: number }>;
    vi.restoreAllMocks();
    const strict = capture();
    expect(await main(["check", ...PAIR, "--src-lang", "en", "--tgt-lang", "de", "--format", "json", "--min-confidence", "1"])).toBe(0);
    const kept = JSON.parse(strict.out.join("\n")) as Array<{ confidence: number }>;
    expect(every.every((f) => f.confidence >= 0 && f.confidence <= 1)).toBe(true);
    expect(kept).toEqual(every.filter((f) => f.confidence >= 1));
    vi.restoreAllMocks();
    const text = capture();
    expect(await main(["check", ...PAIR, "--src-lang", "en", "--tgt-lang", "de", "--min-confidence", "1"])).toBe(0);
    if (kept.length < every.length) expect(text.out.join("\n")).toContain(`${every.length - kept.length} more finding`);
    vi.restoreAllMocks();
    const bad = capture();
    expect(await main(["check", ...PAIR, "--src-lang", "en", "--tgt-lang", "de", "--min-confidence", "2"])).toBe(2);
    expect(bad.err.join("\n")).toContain("--min-confidence is a number from 0 to 1");
  });

  it("checks a single text and explains in German", async () => {
    const io = capture();
    expect(await main(["check", "fixtures/seeds/003_0f4aa659cf5b8893.txt", "--lang", "en", "--ui-lang", "de", "--only", "name-mistranslated"])).toBe(0);
    const text = io.out.join("\n");
    expect(text).toContain("„Ultraman“ ist eine bekannte Fehlübersetzung des Namens Altman");
    expect(text).toContain("Vorschlag: “Altman”");
  });

  it("explains wrong usage", async () => {
    const io = capture();
    expect(await main(["check", ...PAIR, "--src-lang", "en"])).toBe(2);
    expect(io.err.join("\n")).toContain("--tgt-lang");
    expect(await main(["check", "fixtures/seeds/003_0f4aa659cf5b8893.txt", "--lang", "en", "--only", "nope"])).toBe(2);
    expect(await main(["check", "no/such/file.txt", "--lang", "en"])).toBe(1);
  });
});
