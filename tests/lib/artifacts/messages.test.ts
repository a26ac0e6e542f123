// Every finding explains itself in English and German: the message keys the detectors emit
// exist in both locale files, the two files have the same keys, and every parameter is filled.
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/locales/en/findings.json";
import de from "@/lib/i18n/locales/de/findings.json";
import { renderFinding } from "@/lib/artifacts";
import { readCases, runCase, runSeeds } from "@/lib/artifacts/evaluation";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

const findings = [...runSeeds().flatMap((r) => r.outcome.findings), ...readCases().flatMap((c) => runCase(c).findings)];

describe("finding messages", () => {
  it("English and German have the same keys and the same placeholders", () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
    const lookup = (o: object, key: string) => key.split(".").reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o) as string;
    for (const k of keys(en)) expect(placeholders(lookup(de, k)), k).toEqual(placeholders(lookup(en, k)));
  });

  it("every emitted finding renders in both languages with all parameters filled", () => {
    expect(findings.length).toBeGreaterThan(50);
    const all = new Set(keys(en));
    for (const f of findings) {
      expect(all.has(f.message.key), f.message.key).toBe(true);
      for (const lang of ["en", "de"] as const) {
        const text = renderFinding(f, lang);
        expect(text).not.toContain("{{");
        expect(text).not.toBe(f.message.key);
      }
    }
  });

  it("German text is German", () => {
    const f = findings.find((x) => x.message.key === "compound.suspect")!;
    expect(renderFinding(f, "de")).toContain("Wörterbuch");
    expect(renderFinding(f, "en")).toContain("dictionary");
  });
});
