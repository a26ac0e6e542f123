import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../../lib/db/client";
import { loadSnapshot } from "../../../lib/db/documents";
import { applyOperation, ConflictError, InvalidOperationError, redo, undo, undoState, type OperationInput } from "../../../lib/db/review";
import { documentHistory } from "../../../lib/db/review-history";
import type { DocumentSnapshot } from "../../../lib/document";
import { checkLinks } from "../../../lib/align";
import { applyPatch, type ReviewPatch } from "../../../lib/review/patch";
import type { ReviewOperation } from "../../../lib/review/types";
import { createTestDatabase, DATABASE_KINDS, tableCounts, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";

/** The parts of a snapshot an operation may change (the revision log is checked separately). */
function content(s: DocumentSnapshot) {
  return { ...s, revisions: [] };
}

/** Texts and alignment only: what undo must restore exactly (versions move on). */
function essence(s: DocumentSnapshot) {
  return {
    source: s.source.map((x) => [x.id, x.text, x.originalText, x.paragraph, x.start, x.end]),
    target: s.target.map((x) => [x.id, x.text, x.originalText, x.paragraph, x.start, x.end]),
    links: s.links.map((l) => [l.id, l.source, l.target, l.confidence, l.status]),
    annotations: s.annotations.map((a) => [a.id, a.side, a.sentence, a.span, a.category, a.severity, a.comment, a.author]),
  };
}

function expectValid(s: DocumentSnapshot) {
  expect(checkLinks(s.links, s.source.length, s.target.length)).toEqual([]);
  expect(s.links.map((l) => l.position)).toEqual(s.links.map((_, i) => i));
  expect(s.source.map((x) => x.position)).toEqual(s.source.map((_, i) => i));
  expect(s.target.map((x) => x.position)).toEqual(s.target.map((_, i) => i));
}

describe.each(DATABASE_KINDS)("review operations on %s", (kind) => {
  let t: TestDatabase;
  let sam: { id: number; displayName: string; login: string };
  let alex: { id: number; displayName: string; login: string };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    sam = await reviewer(t.db, "Sam Second");
    alex = await reviewer(t.db, "Alex First");
  });
  afterAll(async () => { await t?.drop(); });

  /** Applies an operation with the versions of the current snapshot and checks the patch against a reload. */
  async function run(documentId: number, operation: ReviewOperation, who = alex.id): Promise<{ before: DocumentSnapshot; after: DocumentSnapshot; patch: ReviewPatch }> {
    const before = await loadSnapshot(t.db, documentId);
    const input: OperationInput = { documentId, reviewerId: who, operation, expectedVersion: expectedVersionFor(before, operation) };
    const { patch } = await applyOperation(t.db, input);
    const after = await loadSnapshot(t.db, documentId);
    expectValid(after);
    expect(content(applyPatch(before, patch))).toEqual(content(after));
    return { before, after, patch };
  }

  it("starts from the pipeline's alignment of the seed pair: one to one (the cases below rely on it)", async () => {
    const doc = await loadSnapshot(t.db, await seedDocument(t.db));
    expect(doc.links.map((l) => [l.source, l.target])).toEqual(doc.source.map((_, i) => [[i], [i]]));
    expect(doc.flags.length).toBeGreaterThan(0);
  });

  it("merges a link with the next one, and undo/redo restore and re-apply it", async () => {
    const id = await seedDocument(t.db);
    const original = await loadSnapshot(t.db, id);
    const [first, second] = original.links;
    const { after, patch } = await run(id, { op: "mergeWithNext", linkId: first.id });
    expect(after.links).toHaveLength(original.links.length - 1);
    // Merging is not confirming: the reviewer confirms the merged link with its own act.
    expect(after.links[0]).toMatchObject({ id: first.id, source: [0, 1], target: [0, 1], status: "automatic" });
    expect(patch.links.remove).toEqual([second.id]);
    expect(patch.links.upsert.map((l) => l.id)).toEqual([first.id]);
    expect(patch.shifts.links).toEqual({ at: 2, delta: -1 });

    const undone = await undo(t.db, id, alex.id);
    const restored = await loadSnapshot(t.db, id);
    expect(essence(restored)).toEqual(essence(original));
    expect(content(applyPatch(after, undone.patch))).toEqual(content(restored));
    expect(undone.undo).toMatchObject({ undo: null, redo: { operation: "mergeWithNext" } });

    const redone = await redo(t.db, id, alex.id);
    const again = await loadSnapshot(t.db, id);
    expect(essence(again)).toEqual(essence(after));
    expect(content(applyPatch(restored, redone.patch))).toEqual(content(again));
  });

  it("splits an n-m link, shifts sentences between links, inserts a gap, and confirms", async () => {
    const id = await seedDocument(t.db);
    const original = await loadSnapshot(t.db, id);
    const [, l1, l2] = original.links;
    await run(id, { op: "mergeWithPrevious", linkId: l1.id });
    let { after } = await run(id, { op: "splitLink", linkId: l1.id });
    expect(after.links.slice(0, 2).map((l) => [l.id, l.source, l.target])).toEqual([[l1.id, [0], [0]], [after.links[1].id, [1], [1]]]);
    ({ after } = await run(id, { op: "shift", linkId: after.links[1].id, side: "target", which: "first" }));
    expect(after.links.slice(0, 2).map((l) => [l.source, l.target])).toEqual([[[0], [0, 1]], [[1], []]]);
    ({ after } = await run(id, { op: "shift", linkId: after.links[0].id, side: "target", which: "last" }));
    expect(after.links.slice(0, 2).map((l) => [l.source, l.target])).toEqual([[[0], [0]], [[1], [1]]]);
    ({ after } = await run(id, { op: "insertGap", linkId: l2.id, side: "target" }));
    expect(after.links.slice(2, 4).map((l) => [l.source, l.target])).toEqual([[[2], []], [[], [2]]]);
    expect(after.links[2].id).toBe(l2.id);
    ({ after } = await run(id, { op: "shift", linkId: after.links[3].id, side: "target", which: "first" }));
    expect(after.links.slice(2, 4).map((l) => [l.source, l.target])).toEqual([[[2], [2]], [[3], [3]]]);
    // Reshaping is not confirming: every link these edits touched is still unconfirmed.
    expect(after.links.slice(0, 4).map((l) => l.status)).toEqual(["automatic", "automatic", "automatic", "automatic"]);
    ({ after } = await run(id, { op: "confirm", linkId: after.links[0].id }));
    expect(after.links[0].status).toBe("confirmed");
    ({ after } = await run(id, { op: "unconfirm", linkId: after.links[0].id }));
    expect(after.links[0].status).toBe("automatic");
    const doc = await loadSnapshot(t.db, id);
    const input = { documentId: id, reviewerId: alex.id, operation: { op: "confirmThrough" as const, linkId: doc.links[5].id }, expectedVersion: doc.document.version };
    const { patch } = await applyOperation(t.db, input);
    const confirmed = await loadSnapshot(t.db, id);
    expect(confirmed.links.slice(0, 6).every((l) => l.status === "confirmed")).toBe(true);
    expect(confirmed.links.slice(6).every((l) => l.status === "automatic")).toBe(true);
    expect(content(applyPatch(doc, patch))).toEqual(content(confirmed));
    // Undo everything Alex did: the document is as imported again.
    while ((await undoState(t.db, id, alex.id)).undo) await undo(t.db, id, alex.id);
    expect(essence(await loadSnapshot(t.db, id))).toEqual(essence(original));
  });

  it("refuses operations that cannot apply, and writes nothing", async () => {
    const id = await seedDocument(t.db);
    const doc = await loadSnapshot(t.db, id);
    const last = doc.links[doc.links.length - 1];
    const counts = await tableCounts(t.db);
    const attempt = (operation: ReviewOperation, expectedVersion: number) => applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation, expectedVersion }).catch((e) => e);
    expect(await attempt({ op: "mergeWithNext", linkId: last.id }, last.version)).toBeInstanceOf(InvalidOperationError);
    expect(await attempt({ op: "splitLink", linkId: last.id }, last.version)).toBeInstanceOf(InvalidOperationError);
    expect(await attempt({ op: "shift", linkId: doc.links[0].id, side: "source", which: "first" }, 0)).toBeInstanceOf(InvalidOperationError);
    expect(await attempt({ op: "splitSentence", segmentId: doc.source[0].id, at: 0 }, 0)).toBeInstanceOf(InvalidOperationError);
    expect(await attempt({ op: "editText", segmentId: doc.source[0].id, text: "   " }, 0)).toBeInstanceOf(InvalidOperationError);
    const missing = await attempt({ op: "confirm", linkId: 999_999 }, 0);
    expect(missing).toBeInstanceOf(InvalidOperationError);
    expect(missing.code).toBe("notFound");
    expect(await tableCounts(t.db)).toEqual(counts);
    expect((await loadSnapshot(t.db, id)).document.version).toBe(doc.document.version);
  });

  it("splits a sentence at the caret and joins it back; annotations follow their text", async () => {
    const id = await seedDocument(t.db);
    const original = await loadSnapshot(t.db, id);
    const s = original.target[1];
    const cut = s.text.indexOf(" wurde");
    await run(id, { op: "addAnnotation", segmentId: s.id, start: cut + 1, end: cut + 6, category: "Fluency/Grammar", severity: "minor", comment: "tense" });
    const { after, patch } = await run(id, { op: "splitSentence", segmentId: s.id, at: cut });
    expect(after.target).toHaveLength(original.target.length + 1);
    expect(after.target[1].text + " " + after.target[2].text).toBe(s.text);
    expect(after.target[2].start).toBeNull();
    expect(after.links[1].target).toEqual([1, 2]);
    expect(after.links[2].target).toEqual([3]);
    expect(patch.shifts.target).toEqual({ at: 2, delta: 1 });
    expect(after.annotations[0]).toMatchObject({ sentence: 2, span: [0, 5] });
    expect(after.target[2].text.slice(0, 5)).toBe("wurde");
    const joined = await run(id, { op: "joinWithNext", segmentId: after.target[1].id });
    expect(joined.after.target[1].text).toBe(s.text);
    expect(joined.after.annotations[0]).toMatchObject({ sentence: 1, span: [cut + 1, cut + 6] });
    expect(joined.after.links.map((l) => [l.source, l.target])).toEqual(original.links.map((l) => [l.source, l.target]));
    await undo(t.db, id, alex.id); // the join
    await undo(t.db, id, alex.id); // the split
    await undo(t.db, id, alex.id); // the annotation
    expect(essence(await loadSnapshot(t.db, id))).toEqual(essence(original));
  });

  it("joining sentences that sit in different links merges those links", async () => {
    const id = await seedDocument(t.db);
    const original = await loadSnapshot(t.db, id);
    const { after } = await run(id, { op: "joinWithNext", segmentId: original.source[3].id });
    expect(after.source).toHaveLength(original.source.length - 1);
    expect(after.links[3]).toMatchObject({ id: original.links[3].id, source: [3], target: [3, 4], status: "automatic" });
    expect(after.source[3].text).toBe(`${original.source[3].text} ${original.source[4].text}`);
    await undo(t.db, id, alex.id);
    expect(essence(await loadSnapshot(t.db, id))).toEqual(essence(original));
  });

  it("edits a sentence in place: original kept, author and word diff in the history", async () => {
    const id = await seedDocument(t.db);
    const original = await loadSnapshot(t.db, id);
    const s = original.target[0];
    const corrected = s.text.replace("AI -Startup Openai", "KI-Start-up OpenAI");
    const { after, patch } = await run(id, { op: "editText", segmentId: s.id, text: corrected }, sam.id);
    expect(after.target[0]).toMatchObject({ text: corrected, originalText: s.text, version: s.version + 1 });
    expect(patch.segments.upsert).toHaveLength(1);
    expect(patch.links.upsert).toHaveLength(0);
    const history = await documentHistory(t.db, id, { linkId: original.links[0].id });
    expect(history.entries[0]).toMatchObject({ operation: "editText", author: { login: sam.login, name: "Sam Second" }, entity: "segment", entityId: s.id, links: [original.links[0].id] });
    const diff = history.entries[0].texts![0].diff;
    expect(diff.filter((p) => p.kind === "removed").map((p) => p.text).join(" ")).toMatch(/\bOpenai\b/);
    expect(diff.filter((p) => p.kind === "added").map((p) => p.text).join(" ")).toMatch(/\bOpenAI\b/);
    expect(diff.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe(s.text);
    expect(diff.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(corrected);
    expect(await documentHistory(t.db, id, { linkId: original.links[5].id })).toMatchObject({ entries: [] });
  });

  it("refuses an edit made on a stale view, naming who changed it, and writes nothing", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    const link = view.links[4];
    await applyOperation(t.db, { documentId: id, reviewerId: sam.id, operation: { op: "confirm", linkId: link.id }, expectedVersion: link.version });
    const counts = await tableCounts(t.db);
    const error = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "splitLink", linkId: link.id }, expectedVersion: link.version }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/^This link was changed by Sam Second at \d\d:\d\d UTC since you loaded it\. The view has been refreshed; please redo your change\.$/);
    expect(error.changedBy).toEqual({ login: sam.login, name: "Sam Second" });
    expect(error.current).toMatchObject({ id: link.id, status: "confirmed", version: link.version + 1 });
    expect(await tableCounts(t.db)).toEqual(counts);
    // Document-wide operations check the document version.
    const stale = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "confirmThrough", linkId: link.id }, expectedVersion: view.document.version }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.entity).toBe("document");
  });

  it("names the reviewer whose operation on a neighbouring link changed this one", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    const l3 = view.links[3];
    await applyOperation(t.db, { documentId: id, reviewerId: sam.id, operation: { op: "mergeWithNext", linkId: view.links[1].id }, expectedVersion: view.links[1].version });
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "confirm", linkId: view.links[9].id }, expectedVersion: 0 });
    const merged = (await loadSnapshot(t.db, id)).links[1];
    await applyOperation(t.db, { documentId: id, reviewerId: sam.id, operation: { op: "shift", linkId: merged.id, side: "source", which: "last" }, expectedVersion: merged.version });
    // Alex's later change elsewhere is not the one that made the view stale.
    const error = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "insertGap", linkId: l3.id, side: "source" }, expectedVersion: l3.version }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/^This link was changed by Sam Second/);
  });

  it("lets two reviewers edit different links of one view at the same time; both changes are kept", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    const a = view.target[2];
    const b = view.links[9];
    const results = await Promise.all([
      applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: a.id, text: a.text + " (korrigiert)" }, expectedVersion: a.version }),
      applyOperation(t.db, { documentId: id, reviewerId: sam.id, operation: { op: "mergeWithNext", linkId: b.id }, expectedVersion: b.version }),
      applyOperation(t.db, { documentId: id, reviewerId: sam.id, operation: { op: "confirm", linkId: view.links[0].id }, expectedVersion: view.links[0].version }),
    ]);
    expect(results).toHaveLength(3);
    const after = await loadSnapshot(t.db, id);
    expectValid(after);
    expect(after.target[2].text).toBe(a.text + " (korrigiert)");
    expect(after.links[9].source).toEqual([9, 10]);
    expect(after.links[0].status).toBe("confirmed");
    expect(after.document.version).toBe(view.document.version + 3);
    // Each reviewer's view learns from its own patches that someone else changed the document in
    // between (versions are not consecutive), and keeps the old version so the next poll reloads.
    const versions = results.map((r) => r.patch.document.version).sort();
    const first = results.find((r) => r.patch.document.version === versions[0])!;
    const later = results.find((r) => r.patch.document.version === versions[1])!;
    expect(applyPatch(view, first.patch).document.version).toBe(view.document.version + 1);
    expect(applyPatch(view, later.patch).document.version).toBe(view.document.version);
    const authors = after.revisions.filter((r) => r.operation !== "import").map((r) => [r.operation, r.author]);
    expect(authors).toEqual(expect.arrayContaining([["editText", alex.login], ["mergeWithNext", sam.login], ["confirm", sam.login]]));
  });

  it("of many simultaneous edits of one sentence from the same view, one wins and the rest are refused", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    const s = view.target[7];
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      applyOperation(t.db, { documentId: id, reviewerId: i % 2 ? sam.id : alex.id, operation: { op: "editText", segmentId: s.id, text: `${s.text} (${i})` }, expectedVersion: s.version })
        .then(() => i, (e) => e)));
    const winners = outcomes.filter((o): o is number => typeof o === "number");
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o instanceof ConflictError)).toHaveLength(7);
    const after = await loadSnapshot(t.db, id);
    expect(after.target[7].text).toBe(`${s.text} (${winners[0]})`);
    expect(after.revisions.filter((r) => r.operation === "editText")).toHaveLength(1);
  });

  it("two server processes (two database clients) editing one sentence at once: one wins, one is refused", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    const s = view.target[8];
    const other = createDb(t.url);
    try {
      const outcomes = await Promise.all([t.db, other].map((client, i) =>
        applyOperation(client, { documentId: id, reviewerId: i ? sam.id : alex.id, operation: { op: "editText", segmentId: s.id, text: `${s.text} <${i}>` }, expectedVersion: s.version })
          .then(() => i, (e) => e)));
      const winners = outcomes.filter((o): o is number => typeof o === "number");
      expect(winners).toHaveLength(1);
      expect(outcomes.find((o) => typeof o !== "number")).toBeInstanceOf(ConflictError);
      expect((await loadSnapshot(t.db, id)).target[8].text).toBe(`${s.text} <${winners[0]}>`);
    } finally {
      await other.$disconnect();
    }
  });

  it("undo never overwrites someone else's later change; each reviewer undoes only their own", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    const link = view.links[6];
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "mergeWithNext", linkId: link.id }, expectedVersion: link.version });
    const merged = (await loadSnapshot(t.db, id)).links[6];
    await applyOperation(t.db, { documentId: id, reviewerId: sam.id, operation: { op: "shift", linkId: merged.id, side: "source", which: "last" }, expectedVersion: merged.version });
    const before = await loadSnapshot(t.db, id);
    const counts = await tableCounts(t.db);
    const error = await undo(t.db, id, alex.id).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/Cannot undo "mergeWithNext".*Sam Second/);
    expect(essence(await loadSnapshot(t.db, id))).toEqual(essence(before));
    expect(await tableCounts(t.db)).toEqual(counts);
    // Sam undoes the shift; then Alex's merge can be undone.
    await undo(t.db, id, sam.id);
    await undo(t.db, id, alex.id);
    expect(essence(await loadSnapshot(t.db, id))).toEqual(essence(view));
    expect((await undo(t.db, id, alex.id).catch((e) => e)).code).toBe("nothingToUndo");
  });

  it("undoing a correction keeps another reviewer's later annotation on the same words", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    const s = view.target[0];
    const corrected = s.text.replace("AI -Startup Openai", "KI-Start-up OpenAI");
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: s.id, text: corrected }, expectedVersion: s.version });
    const at = corrected.indexOf("Aufmerksamkeit");
    await applyOperation(t.db, { documentId: id, reviewerId: sam.id, operation: { op: "addAnnotation", segmentId: s.id, start: at, end: at + "Aufmerksamkeit".length, category: "Style/Awkward", severity: "minor", comment: "" }, expectedVersion: s.version + 1 });
    await undo(t.db, id, alex.id);
    const after = await loadSnapshot(t.db, id);
    expect(after.target[0].text).toBe(s.text);
    const [a] = after.annotations;
    expect(after.target[0].text.slice(a.span[0], a.span[1])).toBe("Aufmerksamkeit");
    expect(a.author).toBe(sam.login);
  });

  it("a new change clears the redo stack", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "confirm", linkId: view.links[1].id }, expectedVersion: 0 });
    await undo(t.db, id, alex.id);
    expect((await undoState(t.db, id, alex.id)).redo).toMatchObject({ operation: "confirm" });
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "confirm", linkId: view.links[2].id }, expectedVersion: 0 });
    expect((await undoState(t.db, id, alex.id)).redo).toBeNull();
    await undo(t.db, id, alex.id);
    expect((await undoState(t.db, id, alex.id))).toMatchObject({ undo: null, redo: { operation: "confirm" } });
    const redone = await redo(t.db, id, alex.id);
    expect(redone.patch.links.upsert.map((l) => l.id)).toEqual([view.links[2].id]);
    expect((await redo(t.db, id, alex.id).catch((e) => e)).code).toBe("nothingToRedo");
  });

  it("adds, edits and deletes annotations with their author, and undoes each", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    const s = view.target[5];
    const { after } = await run(id, { op: "addAnnotation", segmentId: s.id, start: 0, end: 4, category: "Terminology/Inconsistent", severity: "major", comment: "Führungsstrang?" }, sam.id);
    const a = after.annotations[0];
    expect(a).toMatchObject({ side: "target", sentence: 5, span: [0, 4], author: sam.login, comment: "Führungsstrang?" });
    const edited = await run(id, { op: "updateAnnotation", annotationId: a.id, severity: "critical", comment: "nonce compound" }, sam.id);
    expect(edited.after.annotations[0]).toMatchObject({ severity: "critical", comment: "nonce compound", version: a.version + 1 });
    const deleted = await run(id, { op: "deleteAnnotation", annotationId: a.id }, sam.id);
    expect(deleted.after.annotations).toEqual([]);
    await undo(t.db, id, sam.id);
    expect((await loadSnapshot(t.db, id)).annotations[0]).toMatchObject({ id: a.id, severity: "critical", author: sam.login });
    const bad = await applyOperation(t.db, { documentId: id, reviewerId: sam.id, operation: { op: "addAnnotation", segmentId: s.id, start: 3, end: 99_999, category: "Other", severity: "minor", comment: "" }, expectedVersion: s.version }).catch((e) => e);
    expect(bad).toBeInstanceOf(InvalidOperationError);
  });

  it("re-aligns the unconfirmed rest from a link, keeping confirmed links fixed; undo restores it", async () => {
    const id = await seedDocument(t.db);
    const view = await loadSnapshot(t.db, id);
    // Damage the alignment below link 4, confirm one link in the middle, then re-align from link 4.
    // The merged link stays unconfirmed (merging is not confirming), so the re-alignment may redo it.
    await run(id, { op: "mergeWithNext", linkId: view.links[5].id });
    await run(id, { op: "confirm", linkId: view.links[8].id });
    const damaged = await loadSnapshot(t.db, id);
    const { after } = await run(id, { op: "realignFrom", linkId: damaged.links[4].id }, alex.id).catch(async (e) => { throw e; });
    expect(after.links.slice(0, 4)).toEqual(damaged.links.slice(0, 4));
    const fixed = damaged.links.find((l) => l.id === view.links[8].id)!;
    expect(after.links.find((l) => l.id === fixed.id)).toMatchObject({ source: fixed.source, target: fixed.target, status: "confirmed" });
    await undo(t.db, id, alex.id);
    expect(essence(await loadSnapshot(t.db, id))).toEqual(essence(damaged));
  });
});

function expectedVersionFor(s: DocumentSnapshot, op: ReviewOperation): number {
  if (op.op === "confirmThrough" || op.op === "realignFrom") return s.document.version;
  if ("linkId" in op) return s.links.find((l) => l.id === op.linkId)?.version ?? 0;
  if ("segmentId" in op) return [...s.source, ...s.target].find((x) => x.id === op.segmentId)?.version ?? 0;
  if ("annotationId" in op) return s.annotations.find((a) => a.id === op.annotationId)?.version ?? 0;
  if (op.op === "decideFlag") {
    const f = s.flags.find((x) => x.id === op.flagId)!;
    return s[f.side][f.sentence]?.version ?? 0;
  }
  return 0;
}
