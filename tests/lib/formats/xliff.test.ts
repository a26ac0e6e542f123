import { describe, expect, it } from "vitest";
import { exportXliff } from "../../../lib/formats/xliff";
import { HARD_PAIRS, hardSnapshot, seedPairSnapshot, xmlVisible } from "./snapshots";
import { XMLLINT, validateXliff, xpathCount, xpathString } from "./xmllint";

// Namespace-blind paths: xmllint's --xpath has no way to bind the XLIFF namespace to a prefix.
const el = (name: string) => `*[local-name()='${name}']`;
const unit = (i: number) => `//${el("unit")}[${i}]`;

describe.skipIf(!XMLLINT.present)(`exportXliff${XMLLINT.note}`, () => {
  it("writes the seed pair as XLIFF 2.1 that the XLIFF 2 core schema accepts, one unit per link", () => {
    const snapshot = seedPairSnapshot();
    const xml = exportXliff(snapshot);
    const check = validateXliff(xml);
    expect(check.stderr.trim()).toMatch(/validates$/);
    expect(check.code).toBe(0);
    expect(xpathCount(xml, `//${el("unit")}`)).toBe(snapshot.links.length);
    expect(xpathString(xml, "/*/@version")).toBe("2.1");
    expect(xpathString(xml, "/*/@srcLang")).toBe("en");
    expect(xpathString(xml, "/*/@trgLang")).toBe("de");
  });

  it("takes the segment state from the link's confirmation", () => {
    const snapshot = seedPairSnapshot();
    const xml = exportXliff(snapshot);
    snapshot.links.forEach((link, i) => {
      const state = xpathString(xml, `${unit(i + 1)}/${el("segment")}/@state`);
      const expected = link.target.length === 0 ? "initial" : link.status === "confirmed" ? "reviewed" : "translated";
      expect(state).toBe(expected);
    });
  });

  it("turns annotations and accepted findings into notes, not open or dismissed ones", () => {
    const snapshot = seedPairSnapshot();
    const xml = exportXliff(snapshot);
    const accepted = snapshot.flags.find((f) => f.status === "accepted")!;
    const dismissed = snapshot.flags.find((f) => f.status === "dismissed")!;
    const open = snapshot.flags.find((f) => f.status === "open")!;
    expect(xpathCount(xml, `//${el("note")}[@id='f${accepted.id}']`)).toBe(1);
    expect(xpathCount(xml, `//${el("note")}[@id='f${dismissed.id}' or @id='f${open.id}']`)).toBe(0);
    const linkIndex = snapshot.links.findIndex((l) => l.target.includes(accepted.sentence));
    const note = xpathString(xml, `${unit(linkIndex + 1)}//${el("note")}[@id='f${accepted.id}']`);
    expect(note).toContain("“Openai”");
    expect(note).toContain("→ “OpenAI”");
    expect(xpathString(xml, `${unit(linkIndex + 1)}//${el("note")}[@id='f${accepted.id}']/@category`)).toBe(`mqm:${accepted.category}`);
    const annotation = snapshot.annotations[0];
    const annotationNote = xpathString(xml, `//${el("note")}[@id='a${annotation.id}']`);
    expect(annotationNote).toContain(annotation.comment);
    expect(xpathString(xml, `//${el("note")}[@id='a${annotation.id}']/@priority`)).toBe("1");
  });

  it("keeps &, <, ]]>, astral characters and empty segments; control characters become <cp hex>", () => {
    const xml = exportXliff(hardSnapshot());
    const check = validateXliff(xml);
    expect(check.stderr.trim()).toMatch(/validates$/);
    HARD_PAIRS.forEach(([source, target], i) => {
      expect(xpathString(xml, `${unit(i + 1)}//${el("source")}`)).toBe(xmlVisible(source));
      expect(xpathString(xml, `${unit(i + 1)}//${el("target")}`)).toBe(xmlVisible(target));
    });
    expect(xml).not.toMatch(/\]\]>/);
    const hexes = Array.from({ length: xpathCount(xml, `${unit(4)}//${el("source")}/${el("cp")}`) }, (_, k) => xpathString(xml, `${unit(4)}//${el("source")}/${el("cp")}[${k + 1}]/@hex`));
    expect(hexes).toEqual(["0007", "001B", "0000"]);
    expect(xpathString(xml, `${unit(7)}//${el("source")}/${el("cp")}[2]/@hex`)).toBe("FFFF");
  });

  it("keeps 1-0 links as units without a target by default, and can skip them", () => {
    const snapshot = hardSnapshot();
    const xml = exportXliff(snapshot);
    expect(xpathCount(xml, `//${el("unit")}`)).toBe(snapshot.links.length);
    expect(xpathCount(xml, `//${el("unit")}[@id='u50']//${el("target")}`)).toBe(0);
    expect(xpathString(xml, `//${el("unit")}[@id='u50']//${el("segment")}/@state`)).toBe("initial");
    const skipped = exportXliff(snapshot, { unpaired: "skip" });
    expect(xpathCount(skipped, `//${el("unit")}`)).toBe(snapshot.links.length - 2);
    expect(validateXliff(skipped).code).toBe(0);
  });

  it("stays valid when the selection is empty, and for a single-language document", () => {
    const snapshot = seedPairSnapshot();
    snapshot.links.forEach((l) => (l.status = "automatic"));
    const none = exportXliff(snapshot, { confirmedOnly: true });
    expect(validateXliff(none).code).toBe(0);
    expect(xpathCount(none, `//${el("unit")}`)).toBe(0);
    const single = { ...snapshot, document: { ...snapshot.document, targetLang: null }, target: [], links: [], flags: [], annotations: [] };
    const xml = exportXliff(single);
    expect(validateXliff(xml).code).toBe(0);
    expect(xpathString(xml, "/*/@trgLang")).toBe("");
    expect(xpathCount(xml, `//${el("unit")}`)).toBe(snapshot.source.length);
    expect(xpathCount(xml, `//${el("target")}`)).toBe(0);
  });

  it("writes regional language codes as BCP 47, which the schema requires", () => {
    const snapshot = seedPairSnapshot();
    snapshot.document.sourceLang = "en_GB";
    snapshot.document.targetLang = "de-AT";
    const xml = exportXliff(snapshot);
    expect(validateXliff(xml).code).toBe(0);
    expect(xpathString(xml, "/*/@srcLang")).toBe("en-GB");
    expect(xpathString(xml, "/*/@trgLang")).toBe("de-AT");
  });
});
