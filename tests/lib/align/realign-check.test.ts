// Re-alignment between fixed links, the invariant checker, and the coarse-to-fine search on a
// real benchmark document.
import { readFileSync } from "node:fs";
import { sharedData } from "../../helpers/requirements";
import { describe, expect, it } from "vitest";
import { align, checkLinks, realign } from "../../../lib/align";
import { scoreAlignments } from "../../../lib/align/score";
import { parseVecalign } from "../../../lib/align/vecalign-format";
import { segmentText } from "../../../lib/segment";

const en = segmentText(readFileSync("fixtures/seeds/000_2f5c058692c94630.txt", "utf8"), "en").map((s) => s.text);
const de = segmentText(readFileSync("fixtures/seeds/001_1a15638dc6a05010.txt", "utf8"), "de").map((s) => s.text);
const opts = { sourceLang: "en", targetLang: "de" };

describe("realign", () => {
  it("keeps fixed links exactly and aligns the stretches between them", () => {
    // A reviewer fixed a (deliberately odd) 2-1 link in the middle; everything else is re-aligned around it.
    const fixed = [{ source: [6, 7], target: [6], confidence: 1 }];
    const links = realign(en, de, fixed, opts);
    expect(checkLinks(links, en.length, de.length)).toEqual([]);
    expect(links).toContainEqual(fixed[0]);
    const shapes = links.map((l) => `[${l.source}]:[${l.target}]`);
    // Before the fixed link the seed's gold 1-1 links come back; target 7 has lost its partner.
    for (let k = 0; k < 6; k++) expect(shapes).toContain(`[${k}]:[${k}]`);
    for (let k = 8; k < 15; k++) expect(shapes).toContain(`[${k}]:[${k}]`);
    expect(shapes).toContain("[]:[7]");
  });

  it("with no fixed links is align itself, and fixed links at the edges work", () => {
    expect(realign(en, de, [], opts)).toEqual(align(en, de, opts));
    const edges = [{ source: [0], target: [0], confidence: 1 }, { source: [14], target: [], confidence: 1 }];
    const links = realign(en, de, edges, opts);
    expect(checkLinks(links, en.length, de.length)).toEqual([]);
    expect(links[0]).toEqual(edges[0]);
    expect(links).toContainEqual(edges[1]);
  });

  it("refuses fixed links out of document order", () => {
    expect(() => realign(en, de, [{ source: [5], target: [5], confidence: 1 }, { source: [2], target: [2], confidence: 1 }], opts)).toThrow(/order/);
  });
});

describe("checkLinks", () => {
  it("accepts a partition and names each kind of violation", () => {
    expect(checkLinks([{ source: [0, 1], target: [0], confidence: 0.5 }, { source: [], target: [1], confidence: 1 }], 2, 2)).toEqual([]);
    const problems = checkLinks([
      { source: [], target: [], confidence: 0.5 },
      { source: [1], target: [0], confidence: 1.5 },
      { source: [0], target: [2], confidence: 0.5 },
      { source: [3, 5], target: [1], confidence: 0.5 },
      { source: [1], target: [9], confidence: 0.5 },
    ], 6, 3);
    const text = problems.join("\n");
    expect(text).toMatch(/empty on both sides/);
    expect(text).toMatch(/confidence 1.5/);
    expect(text).toMatch(/out of document order/);
    expect(text).toMatch(/not contiguous/);
    expect(text).toMatch(/already in link/);
    expect(text).toMatch(/does not exist/);
    expect(text).toMatch(/in no link: 2, 4/);
  });
});

const TEXTBERG = sharedData("benchmarks/textberg-de-fr");

describe.skipIf(!TEXTBERG.present)(`coarse-to-fine search${TEXTBERG.note}`, () => {
  it("on a Text+Berg document gives valid links and nearly the exhaustive search's score", () => {
    const dir = TEXTBERG.path + "/";
    const read = (f: string) => readFileSync(dir + f, "utf8").replace(/\n$/, "").split("\n");
    const source = read("test1.de");
    const target = read("test1.fr");
    const gold = parseVecalign(readFileSync(dir + "test1.defr", "utf8"));
    const exhaustive = align(source, target, { sourceLang: "de", targetLang: "fr", fullSearchCells: Infinity });
    const banded = align(source, target, { sourceLang: "de", targetLang: "fr", fullSearchCells: 2_000 });
    expect(checkLinks(banded, source.length, target.length)).toEqual([]);
    const f = (links: typeof banded) => scoreAlignments([{ gold, test: links }]).f1Strict;
    expect(f(banded)).toBeGreaterThan(f(exhaustive) - 0.03);
  });
});
