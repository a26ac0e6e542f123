// Whatever text a sentence holds, TMX and XLIFF stay valid and libxml2 reads back every
// character XML can carry. Random texts mix hard pieces with arbitrary code points.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocumentSnapshot } from "../../../lib/document";
import { exportTmx } from "../../../lib/formats/tmx";
import { exportXliff } from "../../../lib/formats/xliff";
import { hardSnapshot, xmlVisible } from "./snapshots";
import { XMLLINT, validateTmx, validateXliff, xpathString } from "./xmllint";

const hardPiece = fc.constantFrom("&", "<", ">", "]]>", "&amp;", "<![CDATA[", "\u0000", "\u0001", "\u001F", "\r", "\r\n", "\n", "\t", "\uD800", "\uDFFF", "😀", "𝄞", "\uFFFE", "\uFFFF", "\"", "'", "\u0085", "\u2028", " ");
const text = fc.array(fc.oneof(hardPiece, fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(""));

function snapshotOf(pairs: [string, string][]): DocumentSnapshot {
  const base = hardSnapshot();
  const segment = (side: "source" | "target", t: string, i: number) => ({ id: i + 1 + (side === "target" ? 1000 : 0), side, position: i, paragraph: 0, start: null, end: null, originalText: t, text: t, version: 0, updatedAt: base.document.updatedAt });
  return {
    ...base,
    source: pairs.map(([s], i) => segment("source", s, i)),
    target: pairs.map(([, t], i) => segment("target", t, i)),
    links: pairs.map((_, i) => ({ id: i + 1, position: i, source: [i], target: [i], confidence: 0.5, status: "automatic" as const, version: 0 })),
  };
}

describe.skipIf(!XMLLINT.present)(`XML escaping of arbitrary text${XMLLINT.note}`, () => {
  it("always gives valid TMX and XLIFF whose text reads back as written", () => {
    const pairs = fc.sample(fc.tuple(text, text), { numRuns: 60, seed: 20261123 });
    const snapshot = snapshotOf(pairs);
    const tmx = exportTmx(snapshot);
    const xliff = exportXliff(snapshot);
    expect(validateTmx(tmx).stderr).toBe("");
    expect(validateXliff(xliff).stderr.trim()).toMatch(/validates$/);
    pairs.forEach(([source, target], i) => {
      expect(xpathString(tmx, `//tu[${i + 1}]/tuv[1]/seg`)).toBe(xmlVisible(source));
      expect(xpathString(xliff, `//*[local-name()='unit'][${i + 1}]//*[local-name()='target']`)).toBe(xmlVisible(target));
    });
  });
});
