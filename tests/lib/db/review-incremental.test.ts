// The findings a review operation leaves are exactly those a full re-check of the document gives:
// after every step of random sessions on the seed pair (a real fixture, with real findings), the
// stored flags are compared with the detectors run over the whole reloaded document. The
// detectors are lib/artifacts' link-local ones (services.linkLocalDetectors), which an operation
// re-runs on the changed links only; decisions are part of the state, so accepted findings that
// are gone after their fix are left out of the comparison (they stay as the record of a decision).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSnapshot } from "../../../lib/db/documents";
import { asSentence, refreshFindings } from "../../../lib/db/flags";
import { applyOperation, redo, undo } from "../../../lib/db/review";
import type { DocumentSnapshot } from "../../../lib/document";
import { ConflictError, InvalidOperationError } from "../../../lib/review/errors";
import { defaultServices, type ReviewServices } from "../../../lib/review/services";
import type { Finding } from "../../../lib/types";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";
import { operationFor, step } from "./random-steps";

const LOCAL = defaultServices.linkLocalDetectors!;
const localServices: ReviewServices = {
  ...defaultServices,
  detectorIds: LOCAL,
  checkAligned: (doc, only) => defaultServices.checkAligned(doc, only ?? LOCAL),
  checkMonolingual: (doc, only) => defaultServices.checkMonolingual(doc, only ?? LOCAL),
};

/** Edits that make and unmake findings of these detectors (spacing, numbers, names, casing). */
function edited(text: string, pick: number): string {
  switch (pick % 5) {
    case 0: return `${text} [${pick}]`;
    case 1: return text.replace(/\d/, (d) => String((Number(d) + 1) % 10));
    case 2: return text.replace(/(\p{L}+)-(\p{L}+)/u, "$1 -$2");
    case 3: return text.replace(/ -(\p{L})/u, "-$1");
    default: return `${text.replace(/[.!?]$/, "")} bei Openai und 17 Modellen.`;
  }
}

const key = (f: Pick<Finding, "detector" | "side" | "sentence" | "span" | "severity" | "message">) =>
  // Parameters in key order: PostgreSQL's jsonb does not keep the order they were written in.
  JSON.stringify([f.detector, f.side, f.sentence, f.span, f.severity, f.message.key, Object.entries(f.message.params).sort(([a], [b]) => a.localeCompare(b))]);

function fullCheck(s: DocumentSnapshot): string[] {
  const found = localServices.checkAligned({ sourceLang: s.document.sourceLang, targetLang: s.document.targetLang!, source: s.source.map(asSentence), target: s.target.map(asSentence), links: s.links });
  return found.map(key).sort();
}

function storedFindings(s: DocumentSnapshot, fresh: Set<string>): string[] {
  // Accepted and fixed-by-hand findings stay as the record of the error they were about.
  return s.flags.filter((f) => (f.status !== "accepted" && f.status !== "fixed") || fresh.has(key(f))).map(key).sort();
}

describe.each(DATABASE_KINDS)("incremental findings on %s", (kind) => {
  let t: TestDatabase;
  let alex: { id: number };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    alex = await reviewer(t.db, "Alex Incremental");
  });
  afterAll(async () => { await t?.drop(); });

  it("after every operation, undo and redo equal a full re-check of the document", async () => {
    const applied = new Map<string, number>();
    let compared = 0;
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
      const id = await seedDocument(t.db);
      // Start from the full check of these detectors, as an import with them would.
      await t.db.$transaction((tx) => refreshFindings(tx, id, { services: localServices }));
      let view = await loadSnapshot(t.db, id);
      expect(storedFindings(view, new Set(fullCheck(view)))).toEqual(fullCheck(view));
      const actions = steps.flatMap((x) => (x.kind === "undoThenRedo" ? [{ ...x, kind: "undo" as const }, { ...x, kind: "redo" as const }] : [x]));
      for (const x of actions) {
        try {
          if (x.kind === "undo") await undo(t.db, id, alex.id, localServices);
          else if (x.kind === "redo") await redo(t.db, id, alex.id, localServices);
          else {
            let request = operationFor(view, x);
            if (request?.operation.op === "editText") {
              const segment = view[x.side][x.pick % view[x.side].length];
              const text = edited(segment.text, x.pick);
              request = text === segment.text ? null : { ...request, operation: { ...request.operation, text } };
            }
            // Accepting a finding's fix is a text change too.
            const open = view.flags.filter((f) => f.status === "open" && f.suggestion !== undefined);
            if (x.kind === "addAnnotation" && open.length) {
              const f = open[x.pick % open.length];
              request = { operation: { op: "decideFlag", flagId: f.id, decision: "accepted" }, expectedVersion: view[f.side][f.sentence].version };
            }
            if (!request) continue;
            await applyOperation(t.db, { documentId: id, reviewerId: alex.id, ...request }, localServices);
          }
        } catch (err) {
          if (err instanceof InvalidOperationError) continue;
          if (err instanceof ConflictError) throw new Error(`unexpected conflict after ${JSON.stringify(x)}: ${err.message}`, { cause: err });
          throw err;
        }
        applied.set(x.kind, (applied.get(x.kind) ?? 0) + 1);
        view = await loadSnapshot(t.db, id);
        const fresh = fullCheck(view);
        expect(storedFindings(view, new Set(fresh)), `after ${JSON.stringify(x)}`).toEqual(fresh);
        compared++;
      }
    }), { numRuns: kind === "sqlite" ? 20 : 6, seed: 20261208 });
    console.log(`${kind}: compared ${compared} states; applied`, Object.fromEntries(applied));
    expect([...applied.keys()]).toEqual(expect.arrayContaining(["mergeWithNext", "splitSentence", "joinWithNext", "editText", "undo", "redo"]));
  }, 300_000);
});
