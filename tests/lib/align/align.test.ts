// The aligner on hand-made English–German cases (one per link type and situation) and on the
// seed pair's gold; the invariants are checked on every output.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { align, checkLinks, type AlignOptions } from "../../../lib/align";
import { scoreAlignments } from "../../../lib/align/score";
import { parseVecalign } from "../../../lib/align/vecalign-format";
import { segmentText } from "../../../lib/segment";
import type { Link } from "../../../lib/types";

const CONTEXT: Array<[string, string]> = [
  ["Anna Berger lives in Zurich with her two cats.", "Anna Berger wohnt mit ihren zwei Katzen in Zürich."],
  ["In 2019 she founded a small company for solar panels.", "Im Jahr 2019 gründete sie eine kleine Firma für Solarmodule."],
  ["The company now employs 35 people.", "Die Firma beschäftigt heute 35 Menschen."],
  ["Her brother Thomas works as a doctor in Berlin.", "Ihr Bruder Thomas arbeitet als Arzt in Berlin."],
  ["Every summer they travel to Norway together.", "Jeden Sommer reisen sie gemeinsam nach Norwegen."],
  ["Last year the trip took 14 days.", "Letztes Jahr dauerte die Reise 14 Tage."],
];
const EN_DE: AlignOptions = { sourceLang: "en", targetLang: "de" };

function alignChecked(source: string[], target: string[], options: AlignOptions = EN_DE): Link[] {
  const links = align(source, target, options);
  expect(checkLinks(links, source.length, target.length)).toEqual([]);
  return links;
}

const shape = (links: Link[]) => links.map((l) => `[${l.source}]:[${l.target}]`);

/** CONTEXT[0..2], then the case, then CONTEXT[3..5]. */
function withContext(source: string[], target: string[]): [string[], string[]] {
  const en = CONTEXT.map((c) => c[0]);
  const de = CONTEXT.map((c) => c[1]);
  return [[...en.slice(0, 3), ...source, ...en.slice(3)], [...de.slice(0, 3), ...target, ...de.slice(3)]];
}

describe("align: link types", () => {
  it("1-1 throughout for a sentence-by-sentence translation", () => {
    const [en, de] = withContext([], []);
    expect(shape(alignChecked(en, de))).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]", "[4]:[4]", "[5]:[5]"]);
  });

  it("1-2 and 2-1 when the translator split or joined a sentence", () => {
    const [en, de] = withContext(
      ["The weather was bad, and on 3 July they had to stay in the hut near Bergen for the whole day."],
      ["Das Wetter war schlecht.", "Am 3. Juli mussten sie den ganzen Tag in der Hütte bei Bergen bleiben."],
    );
    expect(shape(alignChecked(en, de))).toContain("[3]:[3,4]");
    expect(shape(alignChecked(de, en, { sourceLang: "de", targetLang: "en" }))).toContain("[3,4]:[3]");
  });

  it("2-2 when both sides split the same text at different places", () => {
    const [en, de] = withContext(
      ["Thomas wanted to climb the glacier at 6 o'clock, but Anna preferred to sleep until 9 and then read a book.", "It was about Greenland."],
      ["Thomas wollte um 6 Uhr morgens auf den Gletscher steigen.", "Anna aber schlief lieber bis 9 Uhr und las dann ein Buch über Grönland."],
    );
    expect(shape(alignChecked(en, de))).toContain("[3,4]:[3,4]");
  });

  // Was a known weakness (an it.fails test): in a document this short the chance level was the
  // second-best cell of each row, i.e. the other half of the split, and the 2-2 evidence vanished.
  it("a 2-2 split whose halves half-match is found, or at least doubted (confidence below 0.5)", () => {
    const [en, de] = withContext(
      ["Thomas wanted to climb the glacier at 6 o'clock in the morning, but Anna preferred to sleep until 9.", "Then she read a book about Greenland."],
      ["Thomas wollte um 6 Uhr morgens auf den Gletscher steigen.", "Anna aber schlief lieber bis 9 Uhr und las dann ein Buch über Grönland."],
    );
    const links = alignChecked(en, de).filter((l) => l.source.some((s) => s === 3 || s === 4));
    const right = links.length === 1 && links[0].target.join() === "3,4";
    if (!right) for (const l of links) expect(l.confidence).toBeLessThan(0.5);
  });

  it("1-3 and 3-1 for one long sentence translated as three", () => {
    const [en, de] = withContext(
      ["In 2021 the company moved to Winterthur, bought 12 new machines for 480,000 francs and opened a second office in Geneva."],
      ["Im Jahr 2021 zog die Firma nach Winterthur um.", "Sie kaufte 12 neue Maschinen für 480.000 Franken.", "Außerdem eröffnete sie ein zweites Büro in Genf."],
    );
    expect(shape(alignChecked(en, de))).toContain("[3]:[3,4,5]");
    expect(shape(alignChecked(de, en, { sourceLang: "de", targetLang: "en" }))).toContain("[3,4,5]:[3]");
  });

  it("1-0 and 0-1 for a sentence with no counterpart (omission/addition candidates)", () => {
    const [en, de] = withContext(["Photographs: private archive of the Berger family, 1987."], []);
    const links = alignChecked(en, de);
    expect(shape(links)).toContain("[3]:[]");
    expect(shape(alignChecked(de, en, { sourceLang: "de", targetLang: "en" }))).toContain("[]:[3]");
  });
});

describe("align: situations", () => {
  it("a side empty gives only one-sided links", () => {
    expect(alignChecked(["One.", "Two."], [])).toEqual([{ source: [0], target: [], confidence: 1 }, { source: [1], target: [], confidence: 1 }]);
    expect(shape(alignChecked([], ["Eins."]))).toEqual(["[]:[0]"]);
    expect(alignChecked([], [])).toEqual([]);
  });

  it("a very long sentence stays one link with its translation", () => {
    const longEn = Array.from({ length: 60 }, (_, k) => `on day ${k + 1} they walked ${k + 3} kilometres`).join(", ") + ".";
    const longDe = Array.from({ length: 60 }, (_, k) => `am Tag ${k + 1} wanderten sie ${k + 3} Kilometer`).join(", ") + ".";
    const [en, de] = withContext([longEn], [longDe]);
    expect(shape(alignChecked(en, de))).toContain("[3]:[3]");
  });

  it("identical texts align one to one with high confidence", () => {
    const text = CONTEXT.map((c) => c[1]);
    const links = alignChecked(text, text, { sourceLang: "de", targetLang: "de" });
    expect(shape(links)).toEqual(text.map((_, k) => `[${k}]:[${k}]`));
    for (const l of links) expect(l.confidence).toBeGreaterThan(0.8);
  });

  it("an inserted boilerplate line (its own paragraph, as site boilerplate is) becomes a one-sided link and the rest stays right", () => {
    const en = CONTEXT.map((c) => c[0]);
    const de = CONTEXT.map((c) => c[1]);
    const withBoilerplate = [...de.slice(0, 2), "Jetzt Newsletter abonnieren!", ...de.slice(2)];
    const links = shape(alignChecked(en, withBoilerplate, {
      ...EN_DE, sourceParagraphs: [0, 0, 1, 1, 2, 2], targetParagraphs: [0, 0, 1, 2, 2, 3, 3],
    }));
    expect(links).toContain("[]:[2]");
    expect(links).toEqual(expect.arrayContaining(["[0]:[0]", "[1]:[1]", "[2]:[3]", "[3]:[4]", "[4]:[5]", "[5]:[6]"]));
  });

  it("a boilerplate line inside a paragraph also becomes a one-sided link", () => {
    const en = CONTEXT.map((c) => c[0]);
    const de = CONTEXT.map((c) => c[1]);
    for (const line of ["Lesen Sie auch: Die zehn besten Solarfirmen der Schweiz", "Jetzt Newsletter abonnieren und nichts mehr verpassen!"]) {
      const withBoilerplate = [...de.slice(0, 2), line, ...de.slice(2)];
      const links = shape(alignChecked(en, withBoilerplate, {
        ...EN_DE, sourceParagraphs: [0, 0, 0, 1, 1, 1], targetParagraphs: [0, 0, 0, 0, 1, 1, 1],
      }));
      expect(links).toEqual(["[0]:[0]", "[1]:[1]", "[]:[2]", "[2]:[3]", "[3]:[4]", "[4]:[5]", "[5]:[6]"]);
    }
  });

  it("a one-word site label (\"Anzeige\", \"Kommentare (12)\", \"Teilen\") inside a paragraph becomes a one-sided link, not part of its neighbour's", () => {
    const en = CONTEXT.map((c) => c[0]);
    const de = CONTEXT.map((c) => c[1]);
    for (const line of ["Anzeige", "Kommentare (12)", "Teilen"]) {
      const withChrome = [...de.slice(0, 3), line, ...de.slice(3)];
      expect(shape(alignChecked(en, withChrome, EN_DE))).toEqual(["[0]:[0]", "[1]:[1]", "[2]:[2]", "[]:[3]", "[3]:[4]", "[4]:[5]", "[5]:[6]"]);
    }
  });

  it("a reordered paragraph cannot cross (links are monotone): what stays in order is kept, the moved part becomes one-sided links", () => {
    const en = CONTEXT.map((c) => c[0]);
    const de = CONTEXT.map((c) => c[1]);
    // Paragraphs A = 0-1, B = 2-3, C = 4-5; the translation has A C B.
    const reordered = [de[0], de[1], de[4], de[5], de[2], de[3]];
    const links = alignChecked(en, reordered, { ...EN_DE, sourceParagraphs: [0, 0, 1, 1, 2, 2], targetParagraphs: [0, 0, 1, 1, 2, 2] });
    const s = shape(links);
    expect(s).toEqual(expect.arrayContaining(["[0]:[0]", "[1]:[1]"]));
    const keptB = s.includes("[2]:[4]") && s.includes("[3]:[5]");
    const keptC = s.includes("[4]:[2]") && s.includes("[5]:[3]");
    expect(keptB || keptC).toBe(true);
    expect(links.filter((l) => l.source.length === 0 || l.target.length === 0).length).toBeGreaterThanOrEqual(4);
  });
});

describe("align: the seed pair", () => {
  it("gets all 15 links of fixtures/gold/000_001.align right", () => {
    const en = segmentText(readFileSync("fixtures/seeds/000_2f5c058692c94630.txt", "utf8"), "en");
    const de = segmentText(readFileSync("fixtures/seeds/001_1a15638dc6a05010.txt", "utf8"), "de");
    const gold = parseVecalign(readFileSync("fixtures/gold/000_001.align", "utf8"));
    const links = alignChecked(en.map((s) => s.text), de.map((s) => s.text), {
      ...EN_DE, sourceParagraphs: en.map((s) => s.paragraph), targetParagraphs: de.map((s) => s.paragraph),
    });
    expect(gold).toHaveLength(15);
    expect(shape(links)).toEqual(shape(gold));
    expect(scoreAlignments([{ gold, test: links }]).f1Strict).toBe(1);
  });
});
