// Comments on a link (issue #16), on SQLite and PostgreSQL: author, time, replies; refused when
// empty or aimed at another document's link; kept through a merge and its undo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment, commentCounts, CommentError, listComments } from "../../../lib/db/comments";
import { loadSnapshot } from "../../../lib/db/documents";
import { applyOperation, undo } from "../../../lib/db/review";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";

describe.each(DATABASE_KINDS)("link comments on %s", (kind) => {
  let t: TestDatabase;
  let ana: { id: number; login: string; displayName: string };
  let ben: { id: number; login: string; displayName: string };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ana = await reviewer(t.db, "Ana Comment");
    ben = await reviewer(t.db, "Ben Reply");
  });
  afterAll(async () => { await t?.drop(); });

  it("stores a comment and a reply with author and time, and counts them per link", async () => {
    const id = await seedDocument(t.db);
    const link = (await loadSnapshot(t.db, id)).links[2];
    const first = await addComment(t.db, { documentId: id, linkId: link.id, authorId: ana.id, body: "  Is “Führungsstrang” a word?  " });
    const reply = await addComment(t.db, { documentId: id, linkId: link.id, authorId: ben.id, body: "No: corrected it.", parentId: first.id });
    expect(first).toMatchObject({ linkId: link.id, parentId: null, body: "Is “Führungsstrang” a word?", author: { login: ana.login, name: ana.displayName } });
    expect(Date.parse(first.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(reply).toMatchObject({ parentId: first.id, author: { name: ben.displayName } });
    expect((await listComments(t.db, id, link.id)).map((c) => c.id)).toEqual([first.id, reply.id]);
    expect(await commentCounts(t.db, id)).toEqual({ [link.id]: 2 });
  });

  it("refuses an empty comment, another document's link and a reply to a comment on another link", async () => {
    const id = await seedDocument(t.db);
    const other = await seedDocument(t.db);
    const [a, b] = (await loadSnapshot(t.db, id)).links;
    const foreign = (await loadSnapshot(t.db, other)).links[0];
    await expect(addComment(t.db, { documentId: id, linkId: a.id, authorId: ana.id, body: "   " })).rejects.toThrow(/cannot be empty/);
    await expect(addComment(t.db, { documentId: id, linkId: foreign.id, authorId: ana.id, body: "Hi" })).rejects.toThrow(CommentError);
    const onA = await addComment(t.db, { documentId: id, linkId: a.id, authorId: ana.id, body: "On a" });
    await expect(addComment(t.db, { documentId: id, linkId: b.id, authorId: ben.id, body: "Reply elsewhere", parentId: onA.id })).rejects.toThrow(/not a comment on this link/);
    expect(await listComments(t.db, other)).toEqual([]);
  });

  it("keeps a link's comments when a merge removes the link and its undo brings it back", async () => {
    const id = await seedDocument(t.db);
    const links = (await loadSnapshot(t.db, id)).links;
    const second = links[4];
    await addComment(t.db, { documentId: id, linkId: second.id, authorId: ana.id, body: "Check this pair" });
    await applyOperation(t.db, { documentId: id, reviewerId: ana.id, operation: { op: "mergeWithNext", linkId: links[3].id }, expectedVersion: 0 });
    expect((await loadSnapshot(t.db, id)).links.some((l) => l.id === second.id)).toBe(false);
    await undo(t.db, id, ana.id);
    expect((await loadSnapshot(t.db, id)).links.some((l) => l.id === second.id)).toBe(true);
    expect((await listComments(t.db, id, second.id)).map((c) => c.body)).toEqual(["Check this pair"]);
  });
});
