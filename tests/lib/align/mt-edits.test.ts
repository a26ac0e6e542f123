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
    // Every right 1-0 and 0-1 link becomes an omission or addition finding on its sentence, except
    // where a 1-0 and a 0-1 share one gap between two-sided links: omission-addition judges such a gap
    // as one pair the aligner could not match, by its length (on the rated talks, reporting such gaps
    // as omission + addition gave 22 findings, 21 of them on segments rated No-error). Here the edits put a dropped source sentence beside
    // a dropped target sentence now and then; 15 of the 229 right one-sided links sit in such a gap
    // and go unflagged. The bound keeps that from growing; the fix belongs in the aligner, which
    // should link those pairs on rated MT.
    const inMixedGap = (links: typeof hyps[number], i: number) => {
      let a = i; while (a > 0 && !(links[a - 1].source.length && links[a - 1].target.length)) a--;
      let b = i; while (b + 1 < links.length && !(links[b + 1].source.length && links[b + 1].target.length)) b++;
      const gap = links.slice(a, b + 1);
      return gap.some((l) => l.source.length) && gap.some((l) => l.target.length);
    };
    let rightOneSided = 0;
    let mixed = 0;
    let mixedUnflagged = 0;
    docs.forEach((d, k) => {
      const gold = new Set(d.gold.map((g) => `${g.source}:${g.target}`));
      const findings = checkAligned({
        sourceLang: "en", targetLang: "de", links: hyps[k],
        source: segmentPresegmented(d.source.join("\n")), target: segmentPresegmented(d.target.join("\n")),
      }, ["omission-addition"]);
      hyps[k].forEach((l, i) => {
        if ((l.source.length && l.target.length) || !gold.has(`${l.source}:${l.target}`)) return;
        rightOneSided++;
        const side = l.source.length ? "source" : "target";
        const sentence = l.source.length ? l.source[0] : l.target[0];
        const found = findings.some((f) => f.side === side && f.sentence === sentence && /Omission|Addition/.test(f.category));
        if (inMixedGap(hyps[k], i)) { mixed++; if (!found) mixedUnflagged++; return; }
        expect(found).toBe(true);
      });
    });
    expect(rightOneSided).toBeGreaterThan(200);
    expect(mixed).toBeGreaterThan(0);
    expect(mixedUnflagged / rightOneSided).toBeLessThan(0.07);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    expect(hiding.length).toBeGreaterThan(0);
    expect(median(hiding)).toBeLessThan(0.8);
    expect(right.filter((c) => c <= median(hiding)).length / right.length).toBeLessThan(0.05);
  });
});
