import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, loadSnapshot, listDocuments } from "../../../lib/db/documents";
import { importDocument, ImportError, ImportWarning } from "../../../lib/import";
import { analysePair } from "../../../lib/pipeline";
import { loadSeeds } from "../../../lib/seeds";
import { createTestDatabase, DATABASE_KINDS, tableCounts, type TestDatabase } from "../../helpers/database";

const seed = (name: string) => readFileSync(`fixtures/seeds/${name}`);
const EN = seed("000_2f5c058692c94630.txt");
const DE = seed("001_1a15638dc6a05010.txt");
const bytes = (b: Buffer | string) => new Uint8Array(typeof b === "string" ? Buffer.from(b) : b);

describe.each(DATABASE_KINDS)("import into %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(kind); });
  afterAll(async () => { await t?.drop(); });

  async function expectRejected(request: Parameters<typeof importDocument>[1], code: string, messagePart: RegExp) {
    const before = await tableCounts(t.db);
    const error = await importDocument(t.db, request).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems.map((p) => p.code)).toContain(code);
    expect((error as ImportError).message).toMatch(messagePart);
    expect(await tableCounts(t.db)).toEqual(before);
  }

  it("loads the seed articles once: one pair and three single-language documents", async () => {
    const first = await loadSeeds(t.db);
    expect(first).toHaveLength(4);
    expect(await loadSeeds(t.db)).toHaveLength(0);
    const docs = await listDocuments(t.db);
    const pair = docs.find((d) => d.sourceName === "000_2f5c058692c94630.txt")!;
    expect(pair).toMatchObject({ sourceLang: "en", targetLang: "de", sourceSentences: 15, targetSentences: 15, links: 15 });
    expect(docs.filter((d) => d.targetLang === null).map((d) => d.sourceName).sort()).toEqual(["002_c92fd515c658d046.txt", "003_0f4aa659cf5b8893.txt", "004_0be4a60855cd9121.txt"]);
  });

  it("stores what the pipeline produced and loads it back unchanged", async () => {
    const snapshot = analysePair({ title: "t", sourceLang: "en", targetLang: "de", sourceText: EN.toString(), targetText: DE.toString() });
    const id = await createDocument(t.db, snapshot);
    const loaded = await loadSnapshot(t.db, id);
    expect(loaded.source.map((s) => s.text)).toEqual(snapshot.source.map((s) => s.text));
    expect(loaded.target.map((s) => [s.start, s.end, s.paragraph])).toEqual(snapshot.target.map((s) => [s.start, s.end, s.paragraph]));
    expect(loaded.links.map(({ source, target, confidence }) => ({ source, target, confidence }))).toEqual(snapshot.links.map(({ source, target, confidence }) => ({ source, target, confidence })));
    expect(loaded.flags.map((f) => [f.detector, f.side, f.sentence, f.span])).toEqual(snapshot.flags.map((f) => [f.detector, f.side, f.sentence, f.span]));
  });

  it("gives the same document when the pipeline runs in a worker thread (as the web import does)", async () => {
    const request = { source: { label: "en.txt", lang: "en", bytes: bytes(EN) }, target: { label: "de.txt", lang: "de", bytes: bytes(DE) } };
    const stages = new Set<string>();
    const inProcess = await loadSnapshot(t.db, (await importDocument(t.db, request)).id);
    const child = await loadSnapshot(t.db, (await importDocument(t.db, { ...request, inWorker: true, onProgress: (stage) => stages.add(stage) })).id);
    expect(child.target.map((s) => s.text)).toEqual(inProcess.target.map((s) => s.text));
    expect(child.links.map((l) => [l.source, l.target])).toEqual(inProcess.links.map((l) => [l.source, l.target]));
    expect(child.flags.length).toBe(inProcess.flags.length);
    expect([...stages]).toEqual(expect.arrayContaining(["segment", "align", "check", "store"]));
  });

  it("normalises a BOM and CRLF line ends silently", async () => {
    const crlf = "\uFEFF" + EN.toString().replace(/\n/g, "\r\n");
    const { id } = await importDocument(t.db, { source: { label: "en.txt", lang: "en", bytes: bytes(crlf) }, target: { label: "de.txt", lang: "de", bytes: bytes(DE) } });
    const loaded = await loadSnapshot(t.db, id);
    expect(loaded.source).toHaveLength(15);
    expect(loaded.source.every((s) => !s.text.includes("\r") && !s.text.includes("\uFEFF"))).toBe(true);
  });

  it("rejects an empty side and stores nothing", async () => {
    await expectRejected({ source: { label: "en.txt", lang: "en", text: "  \n\n " }, target: { label: "de.txt", lang: "de", bytes: bytes(DE) } }, "empty", /en\.txt is empty/);
  });

  it("rejects a binary file and stores nothing", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await expectRejected({ source: { label: "en.txt", lang: "en", bytes: bytes(EN) }, target: { label: "image.png", lang: "de", bytes: png } }, "binary", /image\.png looks like a binary file/);
  });

  it("rejects invalid UTF-8 and says how to convert it", async () => {
    const latin1 = new Uint8Array(Buffer.from("Die Größe der Übersetzung", "latin1"));
    await expectRejected({ source: { label: "en.txt", lang: "en", bytes: bytes(EN) }, target: { label: "de-latin1.txt", lang: "de", bytes: latin1 } }, "invalidUtf8", /not valid UTF-8.*iconv/);
  });

  it("rejects a side over the size limit", async () => {
    const previous = process.env.BITEXT_MAX_BYTES;
    process.env.BITEXT_MAX_BYTES = "1000";
    try {
      await expectRejected({ source: { label: "en.txt", lang: "en", bytes: bytes(EN) }, target: { label: "de.txt", lang: "de", bytes: bytes(DE) } }, "tooLarge", /over the limit of .* MB a side.*BITEXT_MAX_BYTES/);
    } finally {
      if (previous === undefined) delete process.env.BITEXT_MAX_BYTES; else process.env.BITEXT_MAX_BYTES = previous;
    }
  });

  it("warns when both sides are identical, and imports when the user accepts", async () => {
    const before = await tableCounts(t.db);
    const request = { source: { label: "a.txt", lang: "en", bytes: bytes(EN) }, target: { label: "b.txt", lang: "de", bytes: bytes(EN) } };
    const warning = await importDocument(t.db, request).catch((e) => e);
    expect(warning).toBeInstanceOf(ImportWarning);
    expect((warning as ImportWarning).warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["identicalSides", "wrongLanguage"]));
    expect(await tableCounts(t.db)).toEqual(before);
    const { id } = await importDocument(t.db, { ...request, acceptWarnings: true });
    expect((await loadSnapshot(t.db, id)).target).toHaveLength(15);
  });

  it("warns when a side is not in its declared language", async () => {
    const warning = await importDocument(t.db, { source: { label: "de-as-en.txt", lang: "en", bytes: bytes(DE) }, target: { label: "en-as-de.txt", lang: "de", bytes: bytes(EN) } }).catch((e) => e);
    expect(warning).toBeInstanceOf(ImportWarning);
    // Both sides in the other's language: one warning that they look swapped.
    expect((warning as ImportWarning).warnings.map((w) => w.code)).toEqual(["swappedSides"]);
    const one = await importDocument(t.db, { source: { label: "de-as-en.txt", lang: "en", bytes: bytes(DE) }, target: { label: "de.txt", lang: "de", bytes: bytes(DE.toString().replace(/\./g, "!")) } }).catch((e) => e);
    expect((one as ImportWarning).message).toMatch(/declared English \(en\) but reads as German \(de\)/);
  });

  it("leaves nothing behind when storing fails half-way", async () => {
    const snapshot = analysePair({ title: "broken", sourceLang: "en", targetLang: "de", sourceText: EN.toString(), targetText: DE.toString() });
    // An annotation with an impossible date fails after segments and links were written.
    snapshot.annotations.push({ id: 1, side: "target", sentence: 0, span: [0, 5], category: "Other", severity: "minor", comment: "", author: null, createdAt: "not a date", updatedAt: "not a date", version: 0 });
    const before = await tableCounts(t.db);
    await expect(createDocument(t.db, snapshot)).rejects.toThrow();
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
