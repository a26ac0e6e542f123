// Operations that touch every link of a book (issue #11: "re-align unconfirmed rest" and "confirm
// everything up to here" answered 500 past about 1,000 links, Prisma P2029 "query parameter limit
// exceeded"): on a document of more than 1,000 links they work, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, loadSnapshot } from "../../../lib/db/documents";
import { applyOperation } from "../../../lib/db/review";
import { checkLinks } from "../../../lib/align";
import type { DocumentSnapshot, LinkRecord } from "../../../lib/document";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedPairSnapshot } from "../review/seed-document";

/** The seed pair repeated into a book of more than 1,000 links, every tenth pair wrongly merged 2-2. */
function book(times: number): DocumentSnapshot {
  const seed = seedPairSnapshot();
  const side = (s: "source" | "target") => Array.from({ length: times }, (_, k) => seed[s].map((x) => ({ ...x, id: x.id + k * 100_000, position: x.position + k * seed[s].length, paragraph: x.paragraph + k * 10 }))).flat();
  const source = side("source");
  const links: LinkRecord[] = [];
  for (let i = 0; i < source.length; ) {
    const two = i % 10 === 0 && i + 1 < source.length;
    links.push({ id: links.length + 1, position: links.length, source: two ? [i, i + 1] : [i], target: two ? [i, i + 1] : [i], confidence: 0.9, status: "automatic", version: 0 });
    i += two ? 2 : 1;
  }
  return { ...seed, document: { ...seed.document, title: `book of ${times} seed pairs` }, source, target: side("target"), links, flags: [], annotations: [], revisions: [] };
}

describe.each(DATABASE_KINDS)("operations over a whole book on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(kind); });
  afterAll(async () => { await t?.drop(); });

  it("re-aligns all unconfirmed links and confirms through the last one", async () => {
    const me = await reviewer(t.db, "Book Reviewer");
    const id = await createDocument(t.db, book(80));
    let view = await loadSnapshot(t.db, id);
    expect(view.links.length).toBeGreaterThan(1_000);

    await applyOperation(t.db, { documentId: id, reviewerId: me.id, operation: { op: "realignFrom", linkId: view.links[0]!.id }, expectedVersion: view.document.version });
    view = await loadSnapshot(t.db, id);
    expect(checkLinks(view.links, view.source.length, view.target.length)).toEqual([]);
    // The wrong 2-2 merges are split again: every link of the repeated seed pair is 1-1.
    expect(view.links.every((l) => l.source.length === 1 && l.target.length === 1)).toBe(true);

    const last = view.links[view.links.length - 1]!;
    await applyOperation(t.db, { documentId: id, reviewerId: me.id, operation: { op: "confirmThrough", linkId: last.id }, expectedVersion: last.version });
    view = await loadSnapshot(t.db, id);
    expect(view.links.every((l) => l.status === "confirmed")).toBe(true);
  }, 600_000);
});
