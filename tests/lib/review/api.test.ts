// The review API's request schemas and its mapping of refusals to HTTP answers.
import { describe, expect, it } from "vitest";
import { errorResponse } from "../../../app/api/documents/[id]/respond";
import { ConflictError, InvalidOperationError } from "../../../lib/review/errors";
import { historyQuerySchema, operationRequestSchema } from "../../../lib/validations/review";

describe("operation requests", () => {
  it("accept every operation of the contract", () => {
    const operations = [
      { op: "mergeWithNext", linkId: 1 }, { op: "mergeWithPrevious", linkId: 1 }, { op: "splitLink", linkId: 1 },
      { op: "shift", linkId: 1, side: "target", which: "last" }, { op: "insertGap", linkId: 1, side: "source" },
      { op: "confirm", linkId: 1 }, { op: "unconfirm", linkId: 1 }, { op: "confirmThrough", linkId: 1 }, { op: "realignFrom", linkId: 1 },
      { op: "splitSentence", segmentId: 2, at: 10 }, { op: "joinWithNext", segmentId: 2 }, { op: "editText", segmentId: 2, text: "Neu." },
      { op: "decideFlag", flagId: 3, decision: "dismissed", from: "open" },
      { op: "addAnnotation", segmentId: 2, start: 0, end: 4, category: "Fluency/Spelling", severity: "minor", comment: "" },
      { op: "updateAnnotation", annotationId: 4, comment: "x" }, { op: "deleteAnnotation", annotationId: 4 },
    ];
    for (const operation of operations) expect(operationRequestSchema.safeParse({ operation, expectedVersion: 0 }).success, operation.op).toBe(true);
  });

  it("refuse malformed ones with a message naming the field", () => {
    const bad = operationRequestSchema.safeParse({ operation: { op: "shift", linkId: 1, side: "left", which: "first" }, expectedVersion: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path.join(".")).toBe("operation.side");
    expect(operationRequestSchema.safeParse({ operation: { op: "explode", linkId: 1 }, expectedVersion: 0 }).success).toBe(false);
    expect(operationRequestSchema.safeParse({ operation: { op: "confirm", linkId: 1 } }).success).toBe(false);
    expect(operationRequestSchema.safeParse({ operation: { op: "addAnnotation", segmentId: 1, start: 0, end: 2, category: "Made up", severity: "minor" }, expectedVersion: 0 }).success).toBe(false);
  });

  it("read history queries from the URL", () => {
    expect(historyQuerySchema.parse({ linkId: "12", limit: "20" })).toEqual({ linkId: 12, limit: 20 });
    expect(historyQuerySchema.safeParse({ limit: "5000" }).success).toBe(false);
  });
});

describe("refusals as HTTP answers", () => {
  it("409 for a stale view, with who and when and the current record", async () => {
    const res = errorResponse(new ConflictError("This link was changed by Sam at 10:42 UTC since you loaded it.", "link", 7, { login: "sam", name: "Sam" }, "2026-11-23T10:42:00.000Z", { id: 7, version: 3 }, 12));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: "conflict", message: "This link was changed by Sam at 10:42 UTC since you loaded it.", entity: "link", entityId: 7, changedBy: { login: "sam", name: "Sam" }, changedAt: "2026-11-23T10:42:00.000Z", documentVersion: 12, current: { id: 7, version: 3 } });
  });

  it("404 for something that is gone, 400 for what cannot apply or has nothing to undo", async () => {
    expect(errorResponse(new InvalidOperationError("gone", "notFound")).status).toBe(404);
    const invalid = errorResponse(new InvalidOperationError("This is the last link: there is no next link to merge it with."));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: "invalid", message: "This is the last link: there is no next link to merge it with." });
    expect(await errorResponse(new InvalidOperationError("nothing", "nothingToUndo")).json()).toMatchObject({ error: "nothingToUndo" });
  });

  it("200 with a quiet notice for a harmless no-op (confirming what is confirmed, re-aligning what stays)", async () => {
    const noop = errorResponse(new InvalidOperationError("This changes nothing: the links are already like that.", "nothingToChange"));
    expect(noop.status).toBe(200);
    expect(await noop.json()).toEqual({ noop: true, error: "nothingToChange", message: "This changes nothing: the links are already like that." });
  });

  it("lets unexpected errors through (the framework answers 500 and logs them)", () => {
    expect(() => errorResponse(new TypeError("bug"))).toThrow("bug");
  });
});
