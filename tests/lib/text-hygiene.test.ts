// Text hygiene (issue #15): what cannot be stored is refused with a message, UTF-16 files
// are read, and labels cannot disguise themselves where they are shown.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSnapshot } from "../../lib/db/documents";
import { applyOperation, InvalidOperationError } from "../../lib/db/review";
import { decodeSide } from "../../lib/import/decode";
import { buildQualityReport } from "../../lib/report";
import { renderReportHtml } from "../../report-ui/html";
import { displayLabel, textProblem } from "../../lib/text-hygiene";
import { operationRequestSchema } from "../../lib/validations/review";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../helpers/database";
import { reviewer, seedDocument } from "./review/seed-document";

const DE = readFileSync("fixtures/seeds/001_1a15638dc6a05010.txt", "utf8");
const RLO = "\u202E";
const ESC = "\u001B";

describe("text that cannot be stored", () => {
  it("names NUL, other controls and lone surrogates with their position; allows tab and newline", () => {
    expect(textProblem("Hallo\u0000Welt", "The sentence")).toBe("The sentence contains the control character U+0000 (NUL) at position 6, which cannot be stored. Remove it (only tabs and line breaks are allowed).");
    expect(textProblem(`red ${ESC}[31m`, "The comment")).toMatch(/U\+001B \(ESC\) at position 5/);
    expect(textProblem("a\u0085b", "The comment")).toMatch(/U\+0085/);
    expect(textProblem("broken \uD800 text", "The sentence")).toMatch(/broken character at position 8 \(a lone UTF-16 surrogate, U\+D800\)/);
    expect(textProblem("\uDC00", "The sentence")).toMatch(/lone UTF-16 surrogate, U\+DC00/);
    expect(textProblem("tab\there\nnext line, emoji 😀, Straße", "The sentence")).toBeNull();
  });

  it("the review API's schema refuses them with that message (a 400, not a 500)", () => {
    const parsed = operationRequestSchema.safeParse({ operation: { op: "editText", segmentId: 1, text: "cut\u0000here" }, expectedVersion: 0 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["operation", "text"], message: expect.stringMatching(/U\+0000 \(NUL\)/) });
    const surrogate = operationRequestSchema.safeParse(JSON.parse('{"operation":{"op":"addAnnotation","segmentId":1,"start":0,"end":1,"category":"Other","severity":"minor","comment":"\\ud800"},"expectedVersion":0}'));
    expect(surrogate.success).toBe(false);
    expect(surrogate.error!.issues[0].message).toMatch(/lone UTF-16 surrogate/);
  });
});

describe.each(DATABASE_KINDS)("the review engine on %s", (kind) => {
  let t: TestDatabase;
  let alex: { id: number };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    alex = await reviewer(t.db, "Alex Hygiene");
  });
  afterAll(async () => { await t?.drop(); });

  it("refuses an edit with NUL or a lone surrogate and stores nothing; an edit with a tab is kept whole", async () => {
    const id = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    const s = before.target[1];
    for (const text of [`${s.text}\u0000 and the rest`, `${s.text} \uD83D`]) {
      const error = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: s.id, text }, expectedVersion: s.version }).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidOperationError);
      expect(error.message).toMatch(/^The sentence contains/);
    }
    const comment = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "addAnnotation", segmentId: s.id, start: 0, end: 2, category: "Other", severity: "minor", comment: `${ESC}[2J` }, expectedVersion: s.version }).catch((e) => e);
    expect(comment.message).toMatch(/^The comment contains the control character U\+001B/);
    const after = await loadSnapshot(t.db, id);
    expect({ ...after, document: null }).toEqual({ ...before, document: null });
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: s.id, text: `${s.text}\tand the rest` }, expectedVersion: s.version });
    expect((await loadSnapshot(t.db, id)).target[1].text).toBe(`${s.text}\tand the rest`);
  });
});

describe("UTF-16 files", () => {
  it("reads UTF-16 with a byte-order mark, little and big endian, as the same text as UTF-8", () => {
    const utf8 = decodeSide(new Uint8Array(Buffer.from(DE, "utf8")), "target", "de.txt");
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DE, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const decoded = decodeSide(new Uint8Array(bytes), "target", "de.txt");
      expect(decoded.problem).toBeUndefined();
      expect(decoded.text).toBe(utf8.text);
    }
    expect(utf8.text).toContain("Führungswechsel");
  });

  it("refuses broken UTF-16 with a message, and still calls UTF-16 without a BOM binary", () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ab", "utf16le"), Buffer.from([0x00, 0xd8])]);
    expect(decodeSide(new Uint8Array(broken), "source", "en.txt").problem).toMatchObject({ code: "invalidUtf8", message: expect.stringMatching(/not valid UTF-16/) });
    expect(decodeSide(new Uint8Array(Buffer.from(DE, "utf16le")), "source", "de.txt").problem?.code).toBe("binary");
  });
});

describe("labels shown to people", () => {
  it("shows bidi overrides, escapes and other controls as visible codes", () => {
    expect(displayLabel(`Invoice ${RLO}fdp.exe`)).toBe("Invoice <U+202E>fdp.exe");
    expect(displayLabel(`${ESC}[31mred${ESC}[0m\u0007`)).toBe("<U+001B>[31mred<U+001B>[0m<U+0007>");
    expect(displayLabel("\u2066isolated\u2069 \u200F")).toBe("<U+2066>isolated<U+2069> <U+200F>");
    expect(displayLabel("Führungswechsel bei OpenAI 😀 — עברית")).toBe("Führungswechsel bei OpenAI 😀 — עברית");
  });

  it("reports carry the neutralised title", async () => {
    const t = await createTestDatabase("sqlite");
    try {
      const id = await seedDocument(t.db);
      await t.db.document.update({ where: { id }, data: { title: `Report ${RLO}txt.exe ${ESC}[2J` } });
      const report = buildQualityReport(await loadSnapshot(t.db, id));
      expect(report.document.title).toBe("Report <U+202E>txt.exe <U+001B>[2J");
      const html = await renderReportHtml(report, "en");
      expect(html).not.toContain(RLO);
      expect(html).not.toContain(ESC);
      expect(html).toContain("Report &lt;U+202E&gt;txt.exe");
    } finally {
      await t.drop();
    }
  });
});

describe("control characters in imported text", () => {
  it("are removed only after a warning that names them (never silently)", async () => {
    const { checkImportInput } = await import("../../lib/import/validate");
    // A file with a NUL byte is refused as binary; a NUL typed or pasted into the form is text with a control in it.
    const dirty = { label: "de.txt", lang: "de", text: DE.replace("Führungswechsel", "Führungs\u001B[31mwechsel\u0000") };
    const checked = checkImportInput({ label: "en.txt", lang: "en", text: readFileSync("fixtures/seeds/000_2f5c058692c94630.txt", "utf8") }, dirty);
    expect(checked.warnings).toEqual([expect.objectContaining({
      code: "controlCharacters", side: "target", params: { label: "de.txt", count: 2, example: "U+001B" },
      message: "de.txt contains 2 control characters (such as U+001B) that are not text. They will be removed; import anyway to store the text without them.",
    })]);
    expect(checked.target).toContain("Führungs[31mwechsel");
    expect(checked.target).not.toMatch(/[\u0000\u001B]/);
    const clean = checkImportInput({ label: "en.txt", lang: "en", text: "A sentence.\tWith a tab.\n\nAnd a paragraph." }, null);
    expect(clean.warnings).toEqual([]);
  });
});
