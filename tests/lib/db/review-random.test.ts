// Random sequences of review operations (and undo/redo) against a real database: after every
// step the alignment invariants hold and the returned patch turns the old view into exactly
// what a reload shows; undoing everything gives back the document as imported.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSnapshot } from "../../../lib/db/documents";
import { applyOperation, redo, undo, undoState } from "../../../lib/db/review";
import type { DocumentSnapshot } from "../../../lib/document";
import { ConflictError, InvalidOperationError } from "../../../lib/review/errors";
import { checkLinks } from "../../../lib/align";
import { applyPatch, type ReviewPatch } from "../../../lib/review/patch";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";
import { operationFor, step } from "./random-steps";

const essence = (s: DocumentSnapshot) => ({
  source: s.source.map((x) => [x.id, x.text, x.originalText, x.start, x.end]),
  target: s.target.map((x) => [x.id, x.text, x.originalText, x.start, x.end]),
  links: s.links.map((l) => [l.id, l.source, l.target, l.confidence, l.status]),
  annotations: s.annotations.map((a) => [a.id, a.sentence, a.side, a.span, a.comment]),
});

describe.each(DATABASE_KINDS)("random review sessions on %s", (kind) => {
  let t: TestDatabase;
  let alex: { id: number };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    alex = await reviewer(t.db, "Alex Random");
  });
  afterAll(async () => { await t?.drop(); });

  it("keep the invariants, return exact patches, and undo back to the imported document", async () => {
    const applied = new Map<string, number>();
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
      const id = await seedDocument(t.db);
      const original = await loadSnapshot(t.db, id);
      let view = original;
      const actions = steps.flatMap((x) => (x.kind === "undoThenRedo" ? [{ ...x, kind: "undo" as const }, { ...x, kind: "redo" as const }] : [x]));
      for (const x of actions) {
        let patch: ReviewPatch;
        try {
          if (x.kind === "undo") patch = (await undo(t.db, id, alex.id)).patch;
          else if (x.kind === "redo") patch = (await redo(t.db, id, alex.id)).patch;
          else {
            const request = operationFor(view, x);
            if (!request) continue;
            patch = (await applyOperation(t.db, { documentId: id, reviewerId: alex.id, ...request })).patch;
          }
        } catch (err) {
          if (err instanceof InvalidOperationError) continue;
          // One reviewer alone never conflicts with themself.
          if (err instanceof ConflictError) throw new Error(`unexpected conflict after ${JSON.stringify(x)}: ${err.message}`, { cause: err });
          throw err;
        }
        applied.set(x.kind, (applied.get(x.kind) ?? 0) + 1);
        const reloaded = await loadSnapshot(t.db, id);
        expect(checkLinks(reloaded.links, reloaded.source.length, reloaded.target.length)).toEqual([]);
        expect({ ...applyPatch(view, patch), revisions: [] }).toEqual({ ...reloaded, revisions: [] });
        view = reloaded;
      }
      while ((await undoState(t.db, id, alex.id)).undo) await undo(t.db, id, alex.id);
      expect(essence(await loadSnapshot(t.db, id))).toEqual(essence(original));
    }), { numRuns: 25, seed: 20261123 });
    // The sequences really exercised the operations (not only refusals).
    console.log(`${kind}: applied`, Object.fromEntries(applied));
    expect([...applied.keys()]).toEqual(expect.arrayContaining(["mergeWithNext", "splitSentence", "joinWithNext", "editText", "undo", "redo"]));
  }, 300_000);
});
