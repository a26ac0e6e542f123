// alignBatch: documents of one language pair aligned together, sharing one learned lexicon.
import { readFileSync } from "node:fs";
import { sharedData } from "../../helpers/requirements";
import { describe, expect, it } from "vitest";
import { align, alignBatch, checkLinks } from "../../../lib/align";
import { scoreAlignments } from "../../../lib/align/score";
import { parseVecalign } from "../../../lib/align/vecalign-format";

const TEXTBERG = sharedData("benchmarks/textberg-de-fr");
const DIR = TEXTBERG.path + "/";
const read = (f: string) => readFileSync(DIR + f, "utf8").replace(/\n$/, "").split("\n");
const DE_FR = { sourceLang: "de", targetLang: "fr" };

describe.skipIf(!TEXTBERG.present)(`alignBatch on the Text+Berg test documents${TEXTBERG.note}`, () => {
  // Read in the tests, not the describe body: a skipped block's body still runs when the file is collected.
  const documents = () => [0, 1, 2, 3, 4, 5, 6].map((k) => ({ source: read(`test${k}.de`), target: read(`test${k}.fr`), gold: parseVecalign(readFileSync(`${DIR}test${k}.defr`, "utf8")) }));

  it("gives valid links for every document and beats aligning them one by one", () => {
    const docs = documents();
    const batch = alignBatch(docs, DE_FR);
    docs.forEach((d, k) => expect(checkLinks(batch[k], d.source.length, d.target.length)).toEqual([]));
    const single = docs.map((d) => align(d.source, d.target, DE_FR));
    const strict = (hyps: typeof batch) => scoreAlignments(docs.map((d, k) => ({ gold: d.gold, test: hyps[k] }))).f1Strict;
    expect(strict(batch)).toBeGreaterThan(strict(single));
  });

  it("a batch of one document is align() of it", () => {
    const [doc] = documents();
    expect(alignBatch([doc], DE_FR)[0]).toEqual(align(doc.source, doc.target, DE_FR));
  });
});

describe("alignBatch edge cases", () => {
  it("keeps documents with an empty side as one-sided links and aligns the others", () => {
    const out = alignBatch([
      { source: ["Ein Satz.", "Noch einer."], target: [] },
      { source: ["Der Zug fährt um 6.02 Uhr ab."], target: ["Le train part à 6 h 02."] },
      { source: [], target: [] },
    ], DE_FR);
    expect(out[0]).toEqual([{ source: [0], target: [], confidence: 1 }, { source: [1], target: [], confidence: 1 }]);
    expect(out[1].map((l) => [l.source, l.target])).toEqual([[[0], [0]]]);
    expect(out[2]).toEqual([]);
  });

  it("uses each document's paragraphs", () => {
    const source = ["Erster Absatz.", "Zweiter Absatz, erster Satz.", "Zweiter Satz."];
    const target = ["Premier paragraphe.", "Deuxième paragraphe, première phrase.", "Deuxième phrase."];
    const paragraphs = [0, 1, 1];
    const [links] = alignBatch([{ source, target, sourceParagraphs: paragraphs, targetParagraphs: paragraphs }], DE_FR);
    expect(links).toEqual(align(source, target, { ...DE_FR, sourceParagraphs: paragraphs, targetParagraphs: paragraphs }));
  });
});
