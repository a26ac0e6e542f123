import { describe, expect, it } from "vitest";
import { exportTmx, tmxDate } from "../../../lib/formats/tmx";
import { ExportError, joinSentences } from "../../../lib/formats/units";
import { HARD_PAIRS, hardSnapshot, seedPairSnapshot, xmlVisible } from "./snapshots";
import { XMLLINT, validateTmx, xpathCount, xpathString } from "./xmllint";

describe.skipIf(!XMLLINT.present)(`exportTmx${XMLLINT.note}`, () => {
  it("writes the seed pair as TMX 1.4 that the DTD accepts, one tu per paired link", () => {
    const snapshot = seedPairSnapshot();
    const xml = exportTmx(snapshot);
    const check = validateTmx(xml);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    const paired = snapshot.links.filter((l) => l.source.length && l.target.length);
    expect(xpathCount(xml, "//tu")).toBe(paired.length);
    for (const attr of ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"]) {
      expect(xpathString(xml, `/tmx/header/@${attr}`)).not.toBe("");
    }
    expect(xpathString(xml, "/tmx/header/@srclang")).toBe("en");
  });

  it("joins the sentences of a multi-sentence side and carries status, type and confidence as props", () => {
    const snapshot = seedPairSnapshot();
    const first = snapshot.links[0];
    expect(first.source.length).toBe(2);
    const xml = exportTmx(snapshot);
    expect(xpathString(xml, "//tu[1]/tuv[@xml:lang='en']/seg")).toBe(joinSentences(first.source.map((i) => snapshot.source[i].text), "en"));
    expect(xpathString(xml, "//tu[1]/prop[@type='x-link-status']")).toBe("confirmed");
    expect(xpathString(xml, "//tu[1]/prop[@type='x-link-type']")).toBe(`${first.source.length}-${first.target.length}`);
    expect(Number(xpathString(xml, "//tu[1]/prop[@type='x-confidence']"))).toBeCloseTo(first.confidence, 3);
  });

  it("exports the corrected text, not the imported one", () => {
    const snapshot = seedPairSnapshot();
    const openai = snapshot.target.find((s) => s.text.includes("Openai"))!;
    openai.text = openai.text.replace("Openai", "OpenAI");
    const xml = exportTmx(snapshot);
    expect(xml).toContain(openai.text.replace(/&/g, "&amp;"));
    expect(xml).not.toContain("Openai");
  });

  it("keeps &, <, ]]>, astral characters, empty segments valid and readable; control characters become <ph>", () => {
    const xml = exportTmx(hardSnapshot(), { unpaired: "empty" });
    const check = validateTmx(xml);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    HARD_PAIRS.forEach(([source, target], i) => {
      expect(xpathString(xml, `//tu[${i + 1}]/tuv[1]/seg`)).toBe(xmlVisible(source));
      expect(xpathString(xml, `//tu[${i + 1}]/tuv[2]/seg`)).toBe(xmlVisible(target));
    });
    expect(xml).not.toMatch(/\]\]>/);
    expect(xpathString(xml, "//tu[4]/tuv[1]/seg/ph[1]/@type")).toBe("x-cp-0007");
    expect(xpathCount(xml, "//tu[4]/tuv[1]/seg/ph")).toBe(3);
    expect(xpathString(xml, "//tu[7]/tuv[1]/seg/ph[1]/@type")).toBe("x-cp-D800");
  });

  it("drops control characters on request", () => {
    const xml = exportTmx(hardSnapshot(), { controlChars: "drop" });
    expect(validateTmx(xml).code).toBe(0);
    expect(xpathCount(xml, "//ph")).toBe(0);
    expect(xpathString(xml, "//tu[4]/tuv[1]/seg")).toBe("Bell and escape and NUL inside");
  });

  it("skips 1-0 and 0-1 links by default and keeps them with an empty side on request", () => {
    const snapshot = hardSnapshot();
    const skipped = exportTmx(snapshot);
    expect(xpathCount(skipped, "//tu")).toBe(HARD_PAIRS.length);
    const kept = exportTmx(snapshot, { unpaired: "empty" });
    expect(xpathCount(kept, "//tu")).toBe(HARD_PAIRS.length + 2);
    expect(xpathString(kept, "//tu[prop[@type='x-link-id']='50']/tuv[1]/seg")).toBe("Only in the source.");
    expect(xpathCount(kept, "//tu[prop[@type='x-link-id']='50']/tuv[2]/seg/node()")).toBe(0);
    expect(xpathString(kept, "//tu[prop[@type='x-link-id']='51']/tuv[2]/seg")).toBe("Nur im Ziel.");
  });

  it("numbers the units 1…n and stamps each with its creation and last change from the revision history", () => {
    const snapshot = seedPairSnapshot();
    const xml = exportTmx(snapshot, { minConfidence: 0.5 });
    expect(validateTmx(xml).code).toBe(0);
    const n = xpathCount(xml, "//tu");
    for (let k = 1; k <= n; k++) expect(xpathString(xml, `//tu[${k}]/@tuid`)).toBe(String(k));
    const importedAt = tmxDate(new Date(snapshot.revisions.find((r) => r.operation === "import")!.createdAt));
    expect(xpathCount(xml, `//tu[@creationdate!='${importedAt}']`)).toBe(0);
    // The first link was confirmed by ana, then she annotated its target sentence 0: the latter is its last change.
    expect(snapshot.links[0].target).toContain(snapshot.annotations[0].sentence);
    const annotated = snapshot.revisions.find((r) => r.operation === "addAnnotation")!;
    expect(annotated.createdAt > snapshot.revisions.find((r) => r.operation === "confirm")!.createdAt).toBe(true);
    const first = `//tu[prop[@type='x-link-id']='${snapshot.links[0].id}']`;
    expect(xpathString(xml, `${first}/@changeid`)).toBe("ana");
    expect(xpathString(xml, `${first}/@changedate`)).toBe(tmxDate(new Date(annotated.createdAt)));
    const unannotated = { ...snapshot, annotations: [], revisions: snapshot.revisions.filter((r) => r.operation !== "addAnnotation") };
    expect(xpathString(exportTmx(unannotated), `${first}/@changedate`)).toBe(tmxDate(new Date(snapshot.revisions.find((r) => r.operation === "confirm")!.createdAt)));
    // A link nobody touched has no change stamp.
    const touched = new Set([snapshot.links[0].id, ...snapshot.flags.map((f) => f.linkId), ...snapshot.links.filter((l) => l.target.includes(snapshot.annotations[0].sentence)).map((l) => l.id)]);
    const untouched = snapshot.links.find((l) => !touched.has(l.id) && l.source.length && l.target.length && l.confidence >= 0.5)!;
    expect(xpathCount(xml, `//tu[prop[@type='x-link-id']='${untouched.id}']/@changedate`)).toBe(0);
  });

  it("carries annotations as notes on the side they mark", () => {
    const snapshot = seedPairSnapshot();
    const a = snapshot.annotations[0];
    const link = snapshot.links.find((l) => l[a.side].includes(a.sentence))!;
    const xml = exportTmx(snapshot);
    const check = validateTmx(xml);
    expect(check.stderr).toBe("");
    const marked = snapshot[a.side][a.sentence].text.slice(a.span[0], a.span[1]);
    expect(xpathString(xml, `//tu[prop[@type='x-link-id']='${link.id}']/tuv[2]/note`)).toBe(`${a.category} (${a.severity}) “${marked}”: ${a.comment} — ${a.author}`);
    expect(xpathCount(xml, "//tuv[1]/note")).toBe(0);
    expect(xpathCount(xml, "//note")).toBe(snapshot.annotations.length);
  });

  it("filters confirmed links and by minimum confidence", () => {
    const snapshot = seedPairSnapshot();
    const confirmed = exportTmx(snapshot, { confirmedOnly: true });
    expect(xpathCount(confirmed, "//tu")).toBe(snapshot.links.filter((l) => l.status === "confirmed").length);
    expect(xpathCount(confirmed, "//tu[prop[@type='x-link-status']!='confirmed']")).toBe(0);
    const sure = exportTmx(snapshot, { minConfidence: 0.8 });
    const expected = snapshot.links.filter((l) => l.confidence >= 0.8 && l.source.length && l.target.length).length;
    expect(expected).toBeGreaterThan(0);
    expect(xpathCount(sure, "//tu")).toBe(expected);
    expect(() => exportTmx(snapshot, { minConfidence: 2 })).toThrow(/from 0 to 1/);
  });

  it("refuses a single-language document with a message that says what to use instead", () => {
    const snapshot = seedPairSnapshot();
    const single = { ...snapshot, document: { ...snapshot.document, targetLang: null }, target: [], links: [] };
    expect(() => exportTmx(single)).toThrow(ExportError);
    expect(() => exportTmx(single)).toThrow(/single-language.*XLIFF or JSON/);
  });

  it("writes TMX dates in the basic ISO format", () => {
    expect(tmxDate(new Date("2026-03-04T05:06:07.890Z"))).toBe("20260304T050607Z");
  });
});
