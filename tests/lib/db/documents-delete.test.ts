// Deleting a document hides it everywhere (list, loading, review operations) and restoring
// brings it back as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteDocument, documentExists, listDocuments, loadSnapshot, NotFoundError, restoreDocument } from "../../../lib/db/documents";
import { applyOperation, InvalidOperationError } from "../../../lib/db/review";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";

describe.each(DATABASE_KINDS)("deleting and restoring documents on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(kind); });
  afterAll(async () => { await t?.drop(); });

  it("hides a deleted document from the list, loading and review operations, and restores it unchanged", async () => {
    const alex = await reviewer(t.db, "Alex Delete");
    const id = await seedDocument(t.db);
    const other = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    expect(await deleteDocument(t.db, id)).toBe(true);
    expect(await deleteDocument(t.db, id)).toBe(false);
    expect((await listDocuments(t.db)).map((d) => d.id)).toEqual([other]);
    expect((await listDocuments(t.db, { deleted: true })).map((d) => d.id)).toEqual([id]);
    expect(await documentExists(t.db, id)).toBe(false);
    await expect(loadSnapshot(t.db, id)).rejects.toThrow(NotFoundError);
    await expect(loadSnapshot(t.db, id)).rejects.toThrow(/has been deleted\. An admin can restore it/);
    const link = before.links[0];
    await expect(applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "confirm", linkId: link.id }, expectedVersion: link.version }))
      .rejects.toBeInstanceOf(InvalidOperationError);

    expect(await restoreDocument(t.db, id)).toBe(true);
    expect(await restoreDocument(t.db, id)).toBe(false);
    // Everything as it was; the document's updatedAt and two history entries record the round trip.
    const after = await loadSnapshot(t.db, id);
    const withoutStamp = (s: typeof before) => ({ ...s, document: { ...s.document, updatedAt: "" }, revisions: [] });
    expect(withoutStamp(after)).toEqual(withoutStamp(before));
    expect(after.revisions.slice(0, -2)).toEqual(before.revisions);
    expect(after.revisions.slice(-2).map((r) => r.operation)).toEqual(["delete", "restore"]);
    expect((await listDocuments(t.db)).map((d) => d.id)).toEqual([id, other]);
  });
});
