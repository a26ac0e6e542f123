// One-sided links on real machine translation: the WMT21 TED EN→DE dev talks with sentences
// dropped, added and joined and site chrome inserted (bench/mt-edits.ts, as bench:align uses them).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../helpers/requirements";
import { editDocuments, exactRecallByType } from "../../../bench/mt-edits";
import { align, checkLinks } from "../../../lib/align";
import { checkAligned } from "../../../lib/artifacts";
import { parseMqmTsv } from "../../../lib/artifacts/mqm";
import { segmentPresegmented } from "../../../lib/segment/presegmented";

const RATED = sharedData("benchmarks/wmt-mqm-ted-ende/mqm_ted_ende.dev.tsv");

describe.skipIf(!RATED.present)(`align on edited machine translation${RATED.note}`, () => {
  // A skipped block's body still runs when the file is collected: read only when the data is there.
  const parallel = !RATED.present ? [] : parseMqmTsv(readFileSync(RATED.path, "utf8")).map((d) => ({
    name: `${d.system}/${d.talk}`, source: d.segments.map((s) => s.source), target: d.segments.map((s) => s.target),
  }));

  it("the edits are fixed by the seed and their gold is a valid alignment", () => {
    const a = editDocuments(parallel, 13);
    expect(editDocuments(parallel, 13)).toEqual(a);
    expect(editDocuments(parallel, 14)).not.toEqual(a);
    for (const d of a) expect(checkLinks(d.gold.map((g) => ({ ...g, confidence: 1 })), d.source.length, d.target.length)).toEqual([]);
  });

  it("finds at least nine in ten omitted and added sentences exactly, nearly every 1-1 link, and doubts the links that hide one", () => {
    // All 28 documents, as bench:align counts them (a subset has too few one-sided links to tell).
    const docs = editDocuments(parallel, 13);
    const hyps = docs.map((d) => align(d.source, d.target, { sourceLang: "en", targetLang: "de" }));
    const byType = exactRecallByType(docs.map((d, k) => ({ gold: d.gold, test: hyps[k] })));
    const recall = (t: string) => byType[t].found / byType[t].gold;
    expect(byType["1-0"].gold + byType["0-1"].gold).toBeGreaterThan(200);
    expect(recall("1-0")).toBeGreaterThanOrEqual(0.9);
    expect(recall("0-1")).toBeGreaterThanOrEqual(0.9);
    expect(recall("1-1")).toBeGreaterThanOrEqual(0.98);
    // Two-sided links that contain a sentence the gold leaves one-sided rank below nearly all right 1-1 links.
    const hiding: number[] = [];
    const right: number[] = [];
    docs.forEach((d, k) => {
      const alone = new Set(d.gold.filter((g) => !g.source.length || !g.target.length).map((g) => (g.source.length ? `s${g.source[0]}` : `t${g.target[0]}`)));
      const gold = new Set(d.gold.map((g) => `${g.source}:${g.target}`));
      for (const l of hyps[k]) {
        if (!l.source.length || !l.target.length) continue;
        if (l.source.some((x) => alone.has(`s${x}`)) || l.target.some((y) => alone.has(`t${y}`))) hiding.push(l.confidence);
        else if (l.source.length === 1 && l.target.length === 1 && gold.has(`${l.source}:${l.target}`)) right.push(l.confidence);
      }
    });
    // Every right 1-0 and 0-1 link becomes an omission or addition finding on its sentence.
    let rightOneSided = 0;
    docs.forEach((d, k) => {
      const gold = new Set(d.gold.map((g) => `${g.source}:${g.target}`));
      const findings = checkAligned({
        sourceLang: "en", targetLang: "de", links: hyps[k],
        source: segmentPresegmented(d.source.join("\n")), target: segmentPresegmented(d.target.join("\n")),
      }, ["omission-addition"]);
      for (const l of hyps[k]) {
        if ((l.source.length && l.target.length) || !gold.has(`${l.source}:${l.target}`)) continue;
        rightOneSided++;
        const side = l.source.length ? "source" : "target";
        const sentence = l.source.length ? l.source[0] : l.target[0];
        expect(findings.some((f) => f.side === side && f.sentence === sentence && /Omission|Addition/.test(f.category))).toBe(true);
      }
    });
    expect(rightOneSided).toBeGreaterThan(200);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    expect(hiding.length).toBeGreaterThan(0);
    expect(median(hiding)).toBeLessThan(0.8);
    expect(right.filter((c) => c <= median(hiding)).length / right.length).toBeLessThan(0.05);
  });
});
