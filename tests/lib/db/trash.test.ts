// Renaming, deleting to the trash, restoring and the 30-day purge (issue #16), on SQLite and PostgreSQL:
// a trashed document leaves the list and the project report but keeps every row until it is purged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deleteDocument, InvalidTitleError, listDocuments, listTrash, loadSnapshot, NotFoundError, purgeTrash, renameDocument, restoreDocument, TRASH_DAYS,
} from "../../../lib/db/documents";
import { buildProjectReport } from "../../../lib/report";
import { createTestDatabase, DATABASE_KINDS, tableCounts, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";

describe.each(DATABASE_KINDS)("documents: rename, trash, restore on %s", (kind) => {
  let t: TestDatabase;
  let kim: { id: number; login: string };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    kim = await reviewer(t.db, "Kim Trash");
  });
  afterAll(async () => { await t?.drop(); });

  const liveIds = async () => (await listDocuments(t.db)).map((d) => d.id);
  const projectDocuments = async () => {
    const snapshots = await Promise.all((await listDocuments(t.db)).map((d) => loadSnapshot(t.db, d.id)));
    return buildProjectReport(snapshots).documents.map((d) => d.id);
  };

  it("renames with a trimmed title and keeps the old one in the history; refuses an empty or broken title", async () => {
    const id = await seedDocument(t.db);
    await renameDocument(t.db, id, "  Leadership   article (reviewed) ", kim.id);
    const doc = await loadSnapshot(t.db, id);
    expect(doc.document.title).toBe("Leadership article (reviewed)");
    const rename = doc.revisions.find((r) => r.operation === "rename")!;
    expect(rename).toMatchObject({ author: kim.login, before: { title: "seed pair" }, after: { title: "Leadership article (reviewed)" } });
    await expect(renameDocument(t.db, id, "   ")).rejects.toThrow(InvalidTitleError);
    await expect(renameDocument(t.db, id, "bad\u0000title")).rejects.toThrow(/control character/);
    await expect(renameDocument(t.db, 999_999, "x")).rejects.toThrow(NotFoundError);
    expect((await loadSnapshot(t.db, id)).document.title).toBe("Leadership article (reviewed)");
  });

  it("moves a document to the trash and back with every row intact", async () => {
    const id = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    const counts = await tableCounts(t.db);
    expect(await deleteDocument(t.db, id, { author: kim.id })).toBe(true);
    const trashed = (await listTrash(t.db)).find((d) => d.id === id)!;
    expect(new Date(trashed.purgeAt).getTime() - new Date(trashed.deletedAt).getTime()).toBe(TRASH_DAYS * 86_400_000);
    expect(await liveIds()).not.toContain(id);
    expect(await projectDocuments()).not.toContain(id);
    expect((await listDocuments(t.db, { deleted: true })).map((d) => d.id)).toContain(id);
    await expect(loadSnapshot(t.db, id)).rejects.toThrow(/has been deleted\. An admin can restore it from the trash/);
    expect(await tableCounts(t.db)).toEqual({ ...counts, revisions: counts.revisions + 1 });

    expect(await restoreDocument(t.db, id, kim.id)).toBe(true);
    expect(await liveIds()).toContain(id);
    expect(await projectDocuments()).toContain(id);
    const after = await loadSnapshot(t.db, id);
    const content = (s: typeof before) => ({ source: s.source, target: s.target, links: s.links, flags: s.flags, annotations: s.annotations });
    expect(content(after)).toEqual(content(before));
    expect(after.revisions.slice(-2).map((r) => [r.operation, r.author])).toEqual([["delete", kim.login], ["restore", kim.login]]);
  });

  it("deletes for good only what has been in the trash longer than the grace period", async () => {
    const old = await seedDocument(t.db);
    const recent = await seedDocument(t.db);
    const now = new Date();
    await deleteDocument(t.db, old, { now: new Date(now.getTime() - (TRASH_DAYS + 1) * 86_400_000) });
    await deleteDocument(t.db, recent, { now });
    expect(await purgeTrash(t.db, now)).toBe(1);
    await expect(loadSnapshot(t.db, old)).rejects.toThrow(/There is no document/);
    expect(await t.db.segment.count({ where: { documentId: old } })).toBe(0);
    expect(await t.db.revision.count({ where: { documentId: old } })).toBe(0);
    expect((await listTrash(t.db, now)).map((d) => d.id)).toContain(recent);
    await restoreDocument(t.db, recent);
  });
});
