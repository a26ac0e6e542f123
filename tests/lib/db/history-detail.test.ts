// History entries say what changed (issue #16): which finding and what was decided, and which
// sentences went to another link, on the seed pair with the real review operations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSnapshot } from "../../../lib/db/documents";
import { applyOperation } from "../../../lib/db/review";
import { documentHistory } from "../../../lib/db/review-history";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";

describe.each(DATABASE_KINDS)("history details on %s", (kind) => {
  let t: TestDatabase;
  let kim: { id: number; login: string };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    kim = await reviewer(t.db, "Kim History");
  });
  afterAll(async () => { await t?.drop(); });

  it("names the finding decided, with the decision, and the sentences a merge moved", async () => {
    const id = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    const flag = before.flags.find((f) => f.status === "open" && f.side === "target")!;
    const segment = before.target[flag.sentence];
    await applyOperation(t.db, { documentId: id, reviewerId: kim.id, operation: { op: "decideFlag", flagId: flag.id, decision: "dismissed", from: "open" }, expectedVersion: segment.version });
    const second = before.links[5];
    await applyOperation(t.db, { documentId: id, reviewerId: kim.id, operation: { op: "mergeWithNext", linkId: before.links[4].id }, expectedVersion: 0 });

    const { entries } = await documentHistory(t.db, id);
    const [merge, decision] = entries;
    expect(decision.operation).toBe("decideFlag");
    expect(decision.findings).toEqual([{
      id: flag.id, detector: flag.detector, category: flag.category, excerpt: segment.text.slice(flag.span[0], flag.span[1]),
      message: flag.message, from: "open", to: "dismissed",
    }]);
    expect(merge.operation).toBe("mergeWithNext");
    expect(merge.moved).toEqual([
      { side: "source", sentences: second.source.map((p) => p + 1) },
      { side: "target", sentences: second.target.map((p) => p + 1) },
    ].filter((m) => m.sentences.length));
    expect(merge.findings).toBeUndefined();
  });
});
