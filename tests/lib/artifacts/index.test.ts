// The entry points: ordering, the detector filter, single-language documents.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { checkAligned, checkMonolingual, detectors, sortFindings } from "@/lib/artifacts";
import { seedLinks } from "@/lib/artifacts/evaluation";
import { segmentText } from "@/lib/segment";

const read = (f: string) => readFileSync(`fixtures/seeds/${f}`, "utf8");
const source = segmentText(read("000_2f5c058692c94630.txt"), "en");
const target = segmentText(read("001_1a15638dc6a05010.txt"), "de");
const pair = { sourceLang: "en", targetLang: "de", source, target, links: seedLinks(source, target) };

describe("checkAligned / checkMonolingual", () => {
  it("returns findings sorted by side, sentence and span, with spans inside their sentence", () => {
    const findings = checkAligned(pair);
    expect(findings).toEqual(sortFindings(findings));
    for (const f of findings) {
      const text = (f.side === "source" ? source : target)[f.sentence]!.text;
      expect(f.span[0]).toBeGreaterThanOrEqual(0);
      expect(f.span[1]).toBeLessThanOrEqual(text.length);
      expect(f.span[0]).toBeLessThan(f.span[1]);
    }
  });

  it("runs only the detectors asked for, and refuses unknown ones", () => {
    const only = checkAligned(pair, ["spacing"]);
    expect(only.length).toBe(16);
    expect(new Set(only.map((f) => f.detector))).toEqual(new Set(["spacing"]));
    expect(() => checkAligned(pair, ["no-such-detector"])).toThrow(/Unknown detector/);
  });

  it("detector ids are unique and every detector checks pairs or single texts", () => {
    expect(new Set(detectors.map((d) => d.id)).size).toBe(detectors.length);
    for (const d of detectors) expect(Boolean(d.checkAligned || d.checkMonolingual)).toBe(true);
  });

  it("single-language findings are on the source side", () => {
    const sentences = segmentText(read("003_0f4aa659cf5b8893.txt"), "en");
    const findings = checkMonolingual({ lang: "en", sentences });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.side === "source")).toBe(true);
  });

  it("a suggestion, applied, removes the finding it came from (spacing on the seed translation)", () => {
    const fixed = target.map((s, i) => {
      const own = checkAligned(pair, ["spacing"]).filter((f) => f.sentence === i).sort((a, b) => b.span[0] - a.span[0]);
      let text = s.text;
      for (const f of own) text = text.slice(0, f.span[0]) + f.suggestion + text.slice(f.span[1]);
      return { ...s, text };
    });
    expect(checkAligned({ ...pair, target: fixed }, ["spacing"])).toEqual([]);
  });
});
