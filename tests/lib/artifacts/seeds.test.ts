// The seed texts against the gold written by reading them (fixtures/artifacts/seeds.gold.json):
// every artifact that fixtures/seeds/README.md names is found, and false findings stay under one
// per 20 sentences (the bound).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { readGold, runSeeds } from "@/lib/artifacts/evaluation";

const runs = runSeeds();
const gold = readGold();

describe("seed texts", () => {
  it("gold lists the artifacts the seeds README names", () => {
    const readme = readFileSync("fixtures/seeds/README.md", "utf8");
    // Each artifact the README quotes is in the gold as an excerpt (or inside one).
    for (const quoted of ["Führungsstrang", "Überbeugung", "Führungsstrang Kontroverse", "Kontroverse zur Führung", "AI -Startup", "KI -Modellen", "Tech -Riesen", "Start -ups", "Openai", "Führungswechsel", "Ultraman", "Wallstreetcn", "portai", "I'm PortAI, I can summarize articles.", "Comments", "Post a Comment"]) {
      expect(readme.includes(quoted) || readme.includes(quoted.replace("Führungswechsel", "erregte Führungswechsel"))).toBe(true);
      expect(gold.artifacts.some((a) => a.inSeedReadme && a.excerpt.includes(quoted)), quoted).toBe(true);
    }
  });

  it("finds every artifact named in the seeds README", () => {
    const missed = runs.flatMap((r) => r.outcome.missed.filter((m) => "inSeedReadme" in m && m.inSeedReadme));
    expect(missed).toEqual([]);
  });

  it("finds every gold artifact", () => {
    expect(runs.flatMap((r) => r.outcome.missed)).toEqual([]);
  });

  for (const r of runs) {
    it(`${r.file}: at most one false finding per 20 sentences`, () => {
      expect(r.outcome.spurious.length).toBeLessThanOrEqual(Math.floor(r.outcome.sentences / 20));
    });
  }

  it("the source side of the pair, a clean English article, has no findings", () => {
    const pair = runs.find((r) => r.file.startsWith("000_"))!;
    expect(pair.outcome.findings.filter((f) => f.side === "source")).toEqual([]);
  });
});
