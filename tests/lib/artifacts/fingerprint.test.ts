// findingKey must recognise a finding after a re-run even when sentences moved, and must tell
// different findings apart. Checked on the seed pair's real findings.
import { describe, expect, it } from "vitest";
import { checkAligned, findingKey } from "@/lib/artifacts";
import { readGold, seedLinks } from "@/lib/artifacts/evaluation";
import { segmentText } from "@/lib/segment";
import { readFileSync } from "node:fs";

const gold = readGold().documents[0]!;
const read = (f: string) => readFileSync(`fixtures/seeds/${f}`, "utf8");
const source = segmentText(read(gold.source), "en");
const target = segmentText(read(gold.target!), "de");
const run = (s = source, t = target) => {
  const findings = checkAligned({ sourceLang: "en", targetLang: "de", source: s, target: t, links: seedLinks(s, t) });
  return findings.map((f) => findingKey(f, (f.side === "source" ? s : t)[f.sentence]!.text));
};

describe("findingKey", () => {
  it("is the same on a re-run", () => {
    expect(run()).toEqual(run());
  });

  it("does not depend on the sentence index: the same findings after a sentence is inserted before them", () => {
    const extra = { text: "Ein neuer erster Satz.", start: 0, end: 0, paragraph: 0 };
    const moved = run([{ ...extra, text: "A new first sentence." }, ...source], [extra, ...target]);
    expect(new Set(moved)).toEqual(new Set(run()));
  });

  it("tells apart findings with different flagged text or detector", () => {
    const keys = run();
    // The pair has 16 spacing findings over 10 distinct flagged texts, and one Führungsstrang per detector in two sentences.
    const findings = checkAligned({ sourceLang: "en", targetLang: "de", source, target, links: seedLinks(source, target) });
    const distinct = new Set(findings.map((f) => `${f.detector}|${f.side}|${f.message.key}|${target[f.sentence]!.text.slice(...f.span)}|${JSON.stringify(f.message.params)}`));
    expect(new Set(keys).size).toBe(distinct.size);
  });
});
