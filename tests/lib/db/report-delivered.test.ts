// The report's two figures on stored documents under review (issue #16), with the real detectors on
// the seed translation: the translation as delivered does not depend on how an error is corrected,
// and what remains open after review goes down with every correction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSnapshot } from "../../../lib/db/documents";
import { applyOperation, undo } from "../../../lib/db/review";
import { buildQualityReport, renderFindingsCsv, type QualityReport } from "../../../lib/report";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";
import { parseCsv } from "../report/csv-parse";

describe.each(DATABASE_KINDS)("report: as delivered and open after review on %s", (kind) => {
  let t: TestDatabase;
  let alex: { id: number; login: string; displayName: string };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    alex = await reviewer(t.db, "Alex Report");
  });
  afterAll(async () => { await t?.drop(); });

  const figures = (r: QualityReport) => ({ delivered: r.score, remaining: r.remaining });
  /** A "KI -Modellen" spacing finding: one with a suggestion, in the seed translation. */
  const spacingFinding = async (id: number) => {
    const s = await loadSnapshot(t.db, id);
    const flag = s.flags.find((f) => f.detector === "spacing" && f.status === "open" && s.target[f.sentence].text.startsWith("KI -Modellen", f.span[0]))!;
    return { snapshot: s, flag, segment: s.target[flag.sentence] };
  };

  it("gives the same figures for an accepted suggestion and the same correction typed by hand", async () => {
    const accepted = await seedDocument(t.db);
    const byHand = await seedDocument(t.db);
    const a = await spacingFinding(accepted);
    const h = await spacingFinding(byHand);
    const untouched = buildQualityReport(a.snapshot);
    expect(figures(buildQualityReport(h.snapshot))).toEqual(figures(untouched));

    await applyOperation(t.db, { documentId: accepted, reviewerId: alex.id, operation: { op: "decideFlag", flagId: a.flag.id, decision: "accepted" }, expectedVersion: a.segment.version });
    const corrected = h.segment.text.slice(0, h.flag.span[0]) + h.flag.suggestion + h.segment.text.slice(h.flag.span[1]);
    await applyOperation(t.db, { documentId: byHand, reviewerId: alex.id, operation: { op: "editText", segmentId: h.segment.id, text: corrected }, expectedVersion: h.segment.version });

    const afterAccept = buildQualityReport(await loadSnapshot(t.db, accepted));
    const afterHand = buildQualityReport(await loadSnapshot(t.db, byHand));
    expect(figures(afterHand)).toEqual(figures(afterAccept));
    // The translation as delivered had the error either way; it is no longer open.
    expect(afterAccept.score).toEqual(untouched.score);
    expect(afterAccept.remaining.counted).toBe(untouched.remaining.counted - 1);
    expect(afterAccept.remaining.penalty).toBeLessThan(untouched.remaining.penalty);
    const fixed = afterHand.issues.find((i) => i.kind === "finding" && i.id === h.flag.id)!;
    expect(fixed).toMatchObject({ status: "fixed", counted: true, remaining: false, excerpt: "KI -Modellen".slice(0, h.flag.span[1] - h.flag.span[0]) });
    expect(afterAccept.issues.find((i) => i.kind === "finding" && i.id === a.flag.id)).toMatchObject({ status: "accepted", counted: true, remaining: false });
  });

  it("opens a finding fixed by hand again when the edit is undone", async () => {
    const id = await seedDocument(t.db);
    const { snapshot, flag, segment } = await spacingFinding(id);
    const corrected = segment.text.slice(0, flag.span[0]) + flag.suggestion + segment.text.slice(flag.span[1]);
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: segment.id, text: corrected }, expectedVersion: segment.version });
    expect((await loadSnapshot(t.db, id)).flags.find((f) => f.id === flag.id)?.status).toBe("fixed");
    await undo(t.db, id, alex.id);
    const back = await loadSnapshot(t.db, id);
    expect(back.flags.find((f) => f.id === flag.id)).toMatchObject({ status: "open", span: flag.span });
    expect(figures(buildQualityReport(back))).toEqual(figures(buildQualityReport(snapshot)));
  });

  it("counts an annotation on a flagged span once, with the annotation's own status, and names people by display name", async () => {
    const id = await seedDocument(t.db);
    const { snapshot, flag, segment } = await spacingFinding(id);
    const before = buildQualityReport(snapshot);
    await applyOperation(t.db, {
      documentId: id, reviewerId: alex.id, expectedVersion: segment.version,
      operation: { op: "addAnnotation", segmentId: segment.id, start: flag.span[0], end: flag.span[1], category: "Fluency/Spacing", severity: flag.severity, comment: "space before hyphen" },
    });
    const report = buildQualityReport(await loadSnapshot(t.db, id), { displayNames: { [alex.login]: alex.displayName } });
    expect(report.score.counted).toBe(before.score.counted);
    expect(report.score.penalty).toBe(before.score.penalty);
    const annotation = report.issues.find((i) => i.kind === "annotation")!;
    expect(annotation).toMatchObject({ status: "annotated", counted: true, remaining: true });
    expect(report.issues.find((i) => i.kind === "finding" && i.id === flag.id)).toMatchObject({ counted: false, sameSpanAs: { kind: "annotation", id: annotation.id } });
    const rows = parseCsv(renderFindingsCsv(report, "en", { bom: false }));
    const header = rows[0];
    const row = rows.find((r) => r[header.indexOf("kind")] === "annotation")!;
    expect(row[header.indexOf("status")]).toBe("annotated");
    expect(row[header.indexOf("decided_by")]).toBe(alex.displayName);
    const findingRow = rows.find((r) => r[header.indexOf("kind")] === "finding" && r[header.indexOf("id")] === String(flag.id))!;
    expect(findingRow[header.indexOf("counted_with")]).toBe(`annotation ${annotation.id}`);
  });

  it("keeps a finding open when a correction leaves its words in place", async () => {
    const id = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    // Fixing one word elsewhere in the sentence leaves the flagged words in place: the finding stays open.
    const { flag, segment } = await spacingFinding(id);
    const text = segment.text.replace(/\.$/, "!");
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: segment.id, text }, expectedVersion: segment.version });
    const after = await loadSnapshot(t.db, id);
    expect(after.flags.find((f) => f.id === flag.id)?.status).toBe("open");
    expect(after.flags.filter((f) => f.status === "fixed")).toEqual([]);
    expect(after.flags.length).toBeLessThanOrEqual(before.flags.length + 1);
  });
});
