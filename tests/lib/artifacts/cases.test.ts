// Each detector against its hand-written cases (fixtures/artifacts/cases.json): everything listed
// under `expect` is flagged by that detector, and nothing else is.
import { describe, expect, it } from "vitest";
import { detectors } from "@/lib/artifacts";
import { readCases, runCase } from "@/lib/artifacts/evaluation";

const cases = readCases();

describe("detector cases", () => {
  it("cover every detector with something to flag and something to leave alone", () => {
    for (const d of detectors) {
      const own = cases.filter((c) => c.detector === d.id);
      expect(own.some((c) => c.expect.length > 0), `${d.id} has a positive case`).toBe(true);
      expect(own.some((c) => c.expect.length === 0), `${d.id} has a negative case`).toBe(true);
    }
  });

  for (const c of cases) {
    it(`${c.detector}: ${c.id} (${c.note})`, () => {
      const outcome = runCase(c);
      expect(outcome.missed.map((m) => m.excerpt)).toEqual([]);
      expect(outcome.spurious.map((s) => `${s.finding.message.key}: ${s.text}`)).toEqual([]);
    });
  }
});
