// Undo, redo and operations never reach outside the document of their request (issue #15):
// a JSON export imported as a copy carries the original's revision log, whose before/after
// name the original's row ids, and a crafted file can name any document's rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, loadSnapshot } from "../../../lib/db/documents";
import { applyOperation, InvalidOperationError, redo, undo, undoState } from "../../../lib/db/review";
import type { DocumentSnapshot } from "../../../lib/document";
import { exportJson, parseDocumentJson } from "../../../lib/formats/json";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";

/** Everything a write could change, without timestamps that a read does not move. */
function state(s: DocumentSnapshot) {
  return { ...s, document: { ...s.document } };
}

describe.each(DATABASE_KINDS)("writes stay inside their document on %s", (kind) => {
  let t: TestDatabase;
  let alex: { id: number; login: string };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    alex = await reviewer(t.db, "Alex Crossdoc");
  });
  afterAll(async () => { await t?.drop(); });

  /** A document in which alex added an annotation and dismissed a finding (both undoable there). */
  async function reviewedOriginal() {
    const id = await seedDocument(t.db);
    const doc = await loadSnapshot(t.db, id);
    const sentence = doc.source[2];
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "addAnnotation", segmentId: sentence.id, start: 0, end: 5, category: "Style/Awkward", severity: "minor", comment: "original's note" }, expectedVersion: sentence.version });
    const flag = doc.flags.find((f) => f.status === "open" && f.side === "target")!;
    const segment = doc.target[flag.sentence];
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: flag.id, decision: "dismissed", from: "open" }, expectedVersion: segment.version });
    return { id, flagId: flag.id };
  }

  async function importCopy(json: string) {
    return createDocument(t.db, parseDocumentJson(json), { author: alex.id });
  }

  it("export → import as a copy → undo in the copy changes nothing in the original", async () => {
    const original = await reviewedOriginal();
    const before = await loadSnapshot(t.db, original.id);
    expect(before.annotations.map((a) => a.comment)).toEqual(["original's note"]);
    expect(before.flags.find((f) => f.id === original.flagId)?.status).toBe("dismissed");

    const copy = await importCopy(exportJson(before));
    const copyBefore = await loadSnapshot(t.db, copy);
    // The copy shows the history it came with, but none of it is the copy's to undo.
    expect(copyBefore.revisions.map((r) => r.operation)).toEqual(["import", "addAnnotation", "decideFlag", "import"]);
    expect(await undoState(t.db, copy, alex.id)).toEqual({ undo: null, redo: null });
    await expect(undo(t.db, copy, alex.id)).rejects.toMatchObject({ code: "nothingToUndo" });
    await expect(redo(t.db, copy, alex.id)).rejects.toMatchObject({ code: "nothingToRedo" });

    expect(state(await loadSnapshot(t.db, original.id))).toEqual(state(before));
    expect(state(await loadSnapshot(t.db, copy))).toEqual(state(copyBefore));

    // The original's own history is still undoable there, and new changes in the copy undo in the copy.
    await undo(t.db, original.id, alex.id);
    expect((await loadSnapshot(t.db, original.id)).flags.find((f) => f.id === original.flagId)?.status).toBe("open");
    const target = copyBefore.target[0];
    await applyOperation(t.db, { documentId: copy, reviewerId: alex.id, operation: { op: "editText", segmentId: target.id, text: `${target.text} (checked)` }, expectedVersion: target.version });
    const undone = await undo(t.db, copy, alex.id);
    expect(undone.patch.segments.upsert.map((s) => s.text)).toEqual([target.text]);
    expect((await loadSnapshot(t.db, original.id)).target[0].text).toBe(before.target[0].text);
  });

  it("a crafted JSON file whose history names another document's rows changes nothing outside its document", async () => {
    const victim = await reviewedOriginal();
    const victimBefore = await loadSnapshot(t.db, victim.id);
    const annotation = victimBefore.annotations[0];
    const flag = victimBefore.flags.find((f) => f.id === victim.flagId)!;
    const link = victimBefore.links[0];
    // An attacker's document: its own sentences, and a history that "undoes" the victim's rows,
    // including an undo marker that points redo at one of the victim's revisions.
    const crafted = structuredClone(victimBefore);
    crafted.document.title = "harmless looking copy";
    const victimRevision = victimBefore.revisions.find((r) => r.operation === "decideFlag")!;
    const stamp = new Date().toISOString();
    crafted.revisions = [
      { id: 1, author: alex.login, createdAt: stamp, entity: "annotation", entityId: annotation.id, operation: "addAnnotation", undone: false,
        before: { annotations: [] }, after: { annotations: [{ id: annotation.id, segmentId: victimBefore.source[2].id, start: 0, end: 5, category: annotation.category, severity: annotation.severity, comment: annotation.comment, authorId: alex.id, createdAt: annotation.createdAt }] } },
      { id: 2, author: alex.login, createdAt: stamp, entity: "flag", entityId: flag.id, operation: "decideFlag", undone: false,
        before: { flags: [{ id: flag.id, status: "open", decidedBy: null, decidedAt: null }] }, after: { flags: [{ id: flag.id, status: "dismissed", decidedBy: alex.id, decidedAt: stamp }] } },
      { id: 3, author: alex.login, createdAt: stamp, entity: "link", entityId: link.id, operation: "mergeWithNext", undone: false,
        before: { links: { prevId: null, rows: [{ id: link.id, sourceIds: [victimBefore.source[0].id], targetIds: [victimBefore.target[0].id], confidence: 1, status: "automatic" }] } },
        after: { links: { prevId: null, rows: [] } } },
      { id: 4, author: alex.login, createdAt: stamp, entity: "flag", entityId: flag.id, operation: "undo", undone: false,
        before: { undoOf: victimRevision.id }, after: { undoOf: victimRevision.id } },
    ];
    const copy = await importCopy(exportJson(crafted));
    const copyBefore = await loadSnapshot(t.db, copy);
    await expect(undo(t.db, copy, alex.id)).rejects.toBeInstanceOf(InvalidOperationError);
    await expect(redo(t.db, copy, alex.id)).rejects.toBeInstanceOf(InvalidOperationError);
    expect(state(await loadSnapshot(t.db, victim.id))).toEqual(state(victimBefore));
    expect(state(await loadSnapshot(t.db, copy))).toEqual(state(copyBefore));
  });

  it("even a log that claims those revisions as its own (an import made before the fix) cannot write another document's rows", async () => {
    const victim = await reviewedOriginal();
    const victimBefore = await loadSnapshot(t.db, victim.id);
    const copy = await importCopy(exportJson(victimBefore));
    // Imports made before the `imported` mark existed: the migration marks them by their missing
    // entity id, but a log edited by hand could still claim them. The apply step refuses.
    await t.db.revision.updateMany({ where: { documentId: copy, operation: { not: "import" } }, data: { imported: false, entityId: 1 } });
    const copyBefore = await loadSnapshot(t.db, copy);
    const refusal = await undo(t.db, copy, alex.id).then(() => null, (err: unknown) => err);
    expect(refusal).toBeInstanceOf(InvalidOperationError);
    expect((refusal as Error).message).toMatch(/belongs to another document, so nothing was changed/);
    // Past the finding decision, the annotation's revision is refused the same way.
    await t.db.revision.updateMany({ where: { documentId: copy, operation: "decideFlag" }, data: { undone: true } });
    await expect(undo(t.db, copy, alex.id)).rejects.toThrow(/belongs to another document/);
    expect(state(await loadSnapshot(t.db, victim.id))).toEqual(state(victimBefore));
    const copyAfter = await loadSnapshot(t.db, copy);
    expect({ ...state(copyAfter), revisions: [] }).toEqual({ ...state(copyBefore), revisions: [] });
  });
});
