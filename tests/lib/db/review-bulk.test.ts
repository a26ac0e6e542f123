// Search, replace and bulk decisions on the seed pair as stored by the real pipeline: each
// change is one revision and one undo step, its patch gives exactly the reloaded document,
// and undo/redo restore and re-apply it. Also on a book-sized document (10,000+ links).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseSingle } from "../../../lib/pipeline";
import { createDocument, loadSnapshot } from "../../../lib/db/documents";
import { redo, undo, undoState } from "../../../lib/db/review";
import { applyBulk, searchDocument } from "../../../lib/db/review-bulk";
import { documentHistory } from "../../../lib/db/review-history";
import type { DocumentSnapshot } from "../../../lib/document";
import { InvalidOperationError } from "../../../lib/review/errors";
import { applyPatch } from "../../../lib/review/patch";
import type { BulkOperation, SearchQuery } from "../../../lib/review/types";
import { applyOperation } from "../../../lib/db/review";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { repeatedSeed } from "../../helpers/big-document";
import { reviewer, seedDocument } from "../review/seed-document";

const content = (s: DocumentSnapshot) => ({ ...s, revisions: [] });
const texts = (s: DocumentSnapshot) => ({ source: s.source.map((x) => x.text), target: s.target.map((x) => x.text) });
const decisions = (s: DocumentSnapshot) => s.flags.map((f) => [f.id, f.status]);
const query = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({ text, side: "target", caseSensitive: true, wholeWord: false, regex: false, ...more });

describe.each(DATABASE_KINDS)("search, replace and bulk decisions on %s", (kind) => {
  let t: TestDatabase;
  let alex: { id: number };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    alex = await reviewer(t.db, "Alex Bulk");
  });
  afterAll(async () => { await t?.drop(); });

  async function bulk(documentId: number, operation: BulkOperation, expectedVersion?: number) {
    const before = await loadSnapshot(t.db, documentId);
    const result = await applyBulk(t.db, { documentId, reviewerId: alex.id, operation, expectedVersion: expectedVersion ?? before.document.version });
    const after = await loadSnapshot(t.db, documentId);
    expect(content(applyPatch(before, result.patch))).toEqual(content(after));
    return { before, after, result };
  }

  it("accepts every suggestion of one kind (the 16 spaced hyphens) as one revision and one undo step", async () => {
    const id = await seedDocument(t.db);
    const doc = await loadSnapshot(t.db, id);
    const spaced = doc.flags.filter((f) => f.message.key === "spacing.spacedHyphen" && f.status === "open");
    expect(spaced).toHaveLength(16);
    const { before, after, result } = await bulk(id, { op: "acceptSimilar", flagId: spaced[3].id });
    expect(result.changed).toBe(16);
    expect(after.flags.filter((f) => spaced.some((s) => s.id === f.id)).map((f) => f.status)).toEqual(spaced.map(() => "accepted"));
    // Each suggestion is in its sentence now, and no spaced hyphen of that kind is left.
    for (const f of spaced) expect(after.target[f.sentence].text).toContain(f.suggestion);
    expect(after.flags.filter((f) => f.message.key === "spacing.spacedHyphen" && f.status === "open")).toEqual([]);
    expect(after.source.map((s) => s.text)).toEqual(before.source.map((s) => s.text));
    const history = await documentHistory(t.db, id, { limit: 5 });
    expect(history.entries.filter((e) => e.operation !== "import")).toHaveLength(1);
    expect(history.entries[0]).toMatchObject({ operation: "acceptSimilar", author: { name: "Alex Bulk" } });
    expect(history.entries[0].texts?.length).toBe(new Set(spaced.map((f) => f.sentence)).size);

    const undone = await undo(t.db, id, alex.id);
    const restored = await loadSnapshot(t.db, id);
    expect(texts(restored)).toEqual(texts(before));
    expect(restored.flags.filter((f) => spaced.some((s) => s.id === f.id)).map((f) => f.status)).toEqual(spaced.map(() => "open"));
    expect(content(applyPatch(after, undone.patch))).toEqual(content(restored));
    expect((await undoState(t.db, id, alex.id)).undo).toBeNull();
    await redo(t.db, id, alex.id);
    expect(texts(await loadSnapshot(t.db, id))).toEqual(texts(after));
  });

  it("dismisses every finding of one detector in one step, and undo reopens them all", async () => {
    const id = await seedDocument(t.db);
    const doc = await loadSnapshot(t.db, id);
    const terms = doc.flags.filter((f) => f.detector === "inconsistent-term");
    expect(terms.length).toBeGreaterThan(1);
    const { after } = await bulk(id, { op: "dismissDetector", detector: "inconsistent-term" });
    expect(after.flags.filter((f) => f.detector === "inconsistent-term").every((f) => f.status === "dismissed")).toBe(true);
    expect(after.flags.filter((f) => f.detector !== "inconsistent-term").map((f) => f.status)).toEqual(doc.flags.filter((f) => f.detector !== "inconsistent-term").map((f) => f.status));
    expect(texts(after)).toEqual(texts(doc));
    // Again: nothing is open any more, a quiet no-op.
    const again = await applyBulk(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "dismissDetector", detector: "inconsistent-term" }, expectedVersion: after.document.version }).catch((e) => e);
    expect(again).toBeInstanceOf(InvalidOperationError);
    expect(again.code).toBe("nothingToChange");
    await undo(t.db, id, alex.id);
    expect(decisions(await loadSnapshot(t.db, id))).toEqual(decisions(doc));
  });

  it("searches source, target or both with case, whole word and regular expression", async () => {
    const id = await seedDocument(t.db);
    const doc = await loadSnapshot(t.db, id);
    // Counted independently of the search: whole tokens "KI" among the target's words.
    const tokens = (side: "source" | "target", word: string) => doc[side].reduce((n, s) => n + s.text.split(/[^\p{L}\p{N}_]+/u).filter((w) => w === word).length, 0);
    const ki = await searchDocument(t.db, id, query("KI", { wholeWord: true }));
    expect(ki.total).toBe(tokens("target", "KI"));
    expect(ki.hits.every((h) => h.side === "target" && h.match === "KI" && doc.target[h.position].text.slice(h.start, h.end) === "KI")).toBe(true);
    expect(ki.hits[0].before + ki.hits[0].match + ki.hits[0].after).toContain("KI");
    const ai = await searchDocument(t.db, id, query("ai", { side: "both", caseSensitive: false, wholeWord: true }));
    expect(ai.total).toBe(tokens("source", "AI") + tokens("target", "AI") + tokens("source", "ai") + tokens("target", "ai"));
    const regex = await searchDocument(t.db, id, query("KI -\\p{Lu}\\p{Ll}+", { regex: true }));
    expect(regex.total).toBeGreaterThan(5);
    expect(regex.hits.every((h) => /^KI -[A-ZÄÖÜ][a-zäöüß]+$/.test(h.match))).toBe(true);
    const invalid = await searchDocument(t.db, id, query("(KI", { regex: true })).catch((e) => e);
    expect(invalid).toBeInstanceOf(InvalidOperationError);
    expect(invalid.message).toMatch(/not a valid regular expression.*Unterminated group/);
    // Catastrophic backtracking is stopped with a message instead of holding the server.
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: doc.target[1].id, text: `${"a".repeat(40)}!` }, expectedVersion: doc.target[1].version });
    const slow = await searchDocument(t.db, id, query("(a+)+b", { regex: true })).catch((e) => e);
    expect(slow).toBeInstanceOf(InvalidOperationError);
    expect(slow.message).toMatch(/stopped/);
  });

  it("replaces one match, then all of them in the target: a revision each, replace all is one undo step", async () => {
    const id = await seedDocument(t.db);
    const doc = await loadSnapshot(t.db, id);
    const found = await searchDocument(t.db, id, query("KI -"));
    expect(found.total).toBeGreaterThan(3);
    const first = found.hits[0];
    const segment = doc.target[first.position];
    const one = await applyBulk(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "replace", segmentId: segment.id, start: first.start, end: first.end, query: query("KI -"), replacement: "KI-" }, expectedVersion: segment.version });
    const afterOne = await loadSnapshot(t.db, id);
    expect(afterOne.target[first.position].text).toBe(segment.text.slice(0, first.start) + "KI-" + segment.text.slice(first.end));
    expect(content(applyPatch(doc, one.patch))).toEqual(content(afterOne));
    expect((await searchDocument(t.db, id, query("KI -"))).total).toBe(found.total - 1);
    // A stale offset (the match is gone there) is refused and changes nothing.
    const stale = await applyBulk(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "replace", segmentId: segment.id, start: first.start, end: first.end, query: query("KI -"), replacement: "KI-" }, expectedVersion: afterOne.target[first.position].version }).catch((e) => e);
    expect(stale).toBeInstanceOf(InvalidOperationError);

    // An annotation after a match follows its words when everything is replaced.
    const annotated = afterOne.target[found.hits[found.hits.length - 1].position];
    const last = found.hits[found.hits.length - 1];
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "addAnnotation", segmentId: annotated.id, start: last.end, end: annotated.text.length, category: "Style/Awkward", severity: "minor", comment: "" }, expectedVersion: annotated.version });
    const words = annotated.text.slice(last.end);
    const { after, result } = await bulk(id, { op: "replaceAll", query: query("(\\p{Lu}+) -", { regex: true }), replacement: "$1-" });
    expect(result.changed).toBeGreaterThan(3);
    expect((await searchDocument(t.db, id, query("KI -"))).total).toBe(0);
    expect(after.target.map((s) => s.text)).toEqual(afterOne.target.map((s) => s.text.replace(/(\p{Lu}+) -/gu, "$1-")));
    expect(after.source.map((s) => s.text)).toEqual(doc.source.map((s) => s.text));
    const note = after.annotations.find((a) => a.sentence === annotated.position && a.side === "target")!;
    expect(after.target[annotated.position].text.slice(note.span[0], note.span[1])).toBe(words.replace(/(\p{Lu}+) -/gu, "$1-"));

    await undo(t.db, id, alex.id);
    const back = await loadSnapshot(t.db, id);
    expect(texts(back).target).toEqual(afterOne.target.map((s) => s.text));
    await undo(t.db, id, alex.id); // the annotation
    await undo(t.db, id, alex.id); // the single replacement
    expect(texts(await loadSnapshot(t.db, id))).toEqual(texts(doc));
  });

  it("refuses a replace all on a stale view, and one that would empty a sentence", async () => {
    const id = await seedDocument(t.db);
    const doc = await loadSnapshot(t.db, id);
    const stale = await applyBulk(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "replaceAll", query: query("KI"), replacement: "AI" }, expectedVersion: doc.document.version - 1 }).catch((e) => e);
    expect(stale.constructor.name).toBe("ConflictError");
    const emptying = await applyBulk(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "replaceAll", query: query(".+", { regex: true }), replacement: "" }, expectedVersion: doc.document.version }).catch((e) => e);
    expect(emptying).toBeInstanceOf(InvalidOperationError);
    expect(texts(await loadSnapshot(t.db, id))).toEqual(texts(doc));
  });

  it("replaces in the one text of a single-language document", async () => {
    const text = readFileSync("fixtures/seeds/002_c92fd515c658d046.txt", "utf8");
    const id = await createDocument(t.db, analyseSingle({ title: "single", lang: "en", text }));
    const doc = await loadSnapshot(t.db, id);
    const word = doc.source.map((s) => s.text.match(/\b\p{L}{6,}\b/u)?.[0]).find(Boolean)!;
    const count = doc.source.reduce((n, s) => n + s.text.split(word).length - 1, 0);
    const q = { ...query(word), side: "source" as const };
    expect((await searchDocument(t.db, id, q)).total).toBe(count);
    const { after } = await bulk(id, { op: "replaceAll", query: q, replacement: word.toUpperCase() });
    expect(after.source.map((s) => s.text)).toEqual(doc.source.map((s) => s.text.split(word).join(word.toUpperCase())));
  });

  it("an undo whose edits name another document's sentence writes nothing there", async () => {
    const mine = await seedDocument(t.db);
    const other = await seedDocument(t.db);
    const theirs = (await loadSnapshot(t.db, other)).target[0];
    await t.db.revision.create({ data: { documentId: mine, reviewerId: alex.id, entity: "document", entityId: mine, operation: "replaceAll", before: { edits: [{ id: theirs.id, side: "target", text: "overwritten" }] }, after: { edits: [{ id: theirs.id, side: "target", text: theirs.text }] } } });
    const refused = await undo(t.db, mine, alex.id).catch((e) => e);
    expect(refused).toBeInstanceOf(InvalidOperationError);
    expect(refused.message).toMatch(/another document/);
    expect((await loadSnapshot(t.db, other)).target[0].text).toBe(theirs.text);
  });

  it("on a book of 10,000+ links: searches the whole of it, replaces all and undoes", async () => {
    const book = repeatedSeed(700);
    expect(book.links.length).toBeGreaterThanOrEqual(10_000);
    const id = await createDocument(t.db, book);
    const found = await searchDocument(t.db, id, query("KI -Branche"));
    expect(found.total).toBe(700 * book.target.slice(0, 15).reduce((n, s) => n + s.text.split("KI -Branche").length - 1, 0));
    expect(found.hits).toHaveLength(1000);
    expect(found.truncated).toBe(true);
    // A word put into two sentences far apart (link 20 and link 9,990): replace all finds both.
    const doc = await loadSnapshot(t.db, id);
    for (const p of [20, 9990]) {
      const s = doc.target[doc.links[p].target[0]];
      await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: s.id, text: `${s.text} Einzelstueck` }, expectedVersion: s.version });
    }
    const version = (await t.db.document.findUniqueOrThrow({ where: { id } })).version;
    const result = await applyBulk(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "replaceAll", query: query("Einzelstueck"), replacement: "Einzelstück" }, expectedVersion: version });
    expect(result.changed).toBe(2);
    expect((await searchDocument(t.db, id, query("Einzelstück"))).hits.map((h) => h.position)).toEqual([20, 9990].map((p) => doc.links[p].target[0]));
    await undo(t.db, id, alex.id);
    expect((await searchDocument(t.db, id, query("Einzelstueck"))).total).toBe(2);
  }, 600_000);
});
