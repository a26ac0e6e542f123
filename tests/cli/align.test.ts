// `bitext align` as users run it (bin/bitext.js, the bundled CLI, a separate process): the
// links it prints or writes are those of align() in-process, once per pair.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { sharedData } from "../helpers/requirements";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { align, alignBatch } from "../../lib/align";
import { formatVecalign } from "../../lib/align/vecalign-format";
import { segmentPresegmented } from "../../lib/segment";
import { runBitext } from "../helpers/cli";

const TEXTBERG = path.resolve("../shared/benchmarks/textberg-de-fr");
const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-align-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bitext = (args: string[]) => runBitext(args);

function presegmented(src: string, tgt: string) {
  const source = segmentPresegmented(readFileSync(src, "utf8"));
  const target = segmentPresegmented(readFileSync(tgt, "utf8"));
  return {
    source: source.map((s) => s.text), target: target.map((s) => s.text),
    sourceParagraphs: source.map((s) => s.paragraph), targetParagraphs: target.map((s) => s.paragraph),
  };
}

const TEXTBERG_DATA = sharedData("benchmarks/textberg-de-fr");

function expectedLinks(src: string, tgt: string): string {
  const doc = presegmented(src, tgt);
  return formatVecalign(align(doc.source, doc.target, { sourceLang: "de", targetLang: "fr", sourceParagraphs: doc.sourceParagraphs, targetParagraphs: doc.targetParagraphs }));
}

describe.skipIf(!TEXTBERG_DATA.present)(`bitext align on the Text+Berg test documents${TEXTBERG_DATA.note}`, () => {
  const docs = [0, 1, 2, 3, 4, 5, 6].map((k) => [path.join(TEXTBERG, `test${k}.de`), path.join(TEXTBERG, `test${k}.fr`)]);

  it("prints one pair's links once, as align() finds them", () => {
    const [src, tgt] = docs[2];
    const r = bitext(["align", src, tgt, "--src-lang", "de", "--tgt-lang", "fr", "--presegmented"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expectedLinks(src, tgt));
  });

  it("aligns a batch in one run, one result file per pair, with one lexicon learned from all pairs", () => {
    const list = path.join(dir, "list");
    writeFileSync(list, ["# Text+Berg test", ...docs.map(([s, t]) => `${s} ${t}`), ""].join("\n"));
    const out = path.join(dir, "out");
    const r = bitext(["align", "--batch", list, "--out-dir", out, "--src-lang", "de", "--tgt-lang", "fr", "--presegmented"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const expected = alignBatch(docs.map(([src, tgt]) => presegmented(src, tgt)), { sourceLang: "de", targetLang: "fr" });
    docs.forEach(([src], k) => expect(readFileSync(path.join(out, `${path.basename(src)}.align`), "utf8")).toBe(formatVecalign(expected[k])));
  });

  it("says which line of the batch list is wrong", () => {
    const list = path.join(dir, "bad-list");
    writeFileSync(list, `${docs[0][0]}\n`);
    const r = bitext(["align", "--batch", list, "--out-dir", path.join(dir, "bad"), "--src-lang", "de", "--tgt-lang", "fr"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("line 1: expected \"SRC TGT\"");
  });
});
