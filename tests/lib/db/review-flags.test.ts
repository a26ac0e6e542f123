// Findings across edits and re-runs, with the real detectors (lib/artifacts) on the seed
// translation: decisions stay with "the same" finding, accepting one applies its suggestion as
// a text correction, and undo takes both back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSnapshot } from "../../../lib/db/documents";
import { exportXliff } from "../../../lib/formats/xliff";
import { exportJson, parseDocumentJson } from "../../../lib/formats/json";
import { buildQualityReport, renderFindingsCsv } from "../../../lib/report";
import { refreshFindings } from "../../../lib/db/flags";
import { applyOperation, ConflictError, InvalidOperationError, undo } from "../../../lib/db/review";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedDocument } from "../review/seed-document";

describe.each(DATABASE_KINDS)("findings under review on %s", (kind) => {
  let t: TestDatabase;
  let alex: { id: number; login: string };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    alex = await reviewer(t.db, "Alex Flags");
  });
  afterAll(async () => { await t?.drop(); });

  const key = (f: { detector: string; side: string; sentence: number; span: [number, number] }) => `${f.detector}/${f.side}/${f.sentence}/${f.span.join("-")}`;

  it("keeps decisions on findings that a re-run finds again, and drops findings that are gone", async () => {
    const id = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    const dismissed = before.flags.find((f) => f.detector === "spacing" && f.sentence === 3)!;
    const segment = before.target[dismissed.sentence];
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: dismissed.id, decision: "dismissed", from: "open" }, expectedVersion: segment.version });
    // A structural operation re-runs the detectors around the links it changed.
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "mergeWithNext", linkId: before.links[3].id }, expectedVersion: 0 });
    // And a full re-run (as after a re-alignment) over the whole document.
    await t.db.$transaction((tx) => refreshFindings(tx, id));
    const after = await loadSnapshot(t.db, id);
    expect(after.flags.find((f) => f.id === dismissed.id)).toMatchObject({ status: "dismissed", decidedBy: alex.login, span: dismissed.span });
    // Findings on the merged sentences now belong to the merged link.
    expect(after.flags.filter((f) => f.sentence === 3 || f.sentence === 4).every((f) => f.linkId === before.links[3].id)).toBe(true);
    // Everything else was found again as it was: same rows, same places.
    expect(after.flags.map(key).sort()).toEqual(before.flags.map(key).sort());
    // Fixing a text by hand marks that finding fixed (the report still counts it) and keeps the others on the sentence.
    const spacing = after.flags.find((f) => f.detector === "spacing" && f.sentence === 5)!;
    const s5 = after.target[5];
    const fixed = s5.text.slice(0, spacing.span[0]) + spacing.suggestion + s5.text.slice(spacing.span[1]);
    const others = after.flags.filter((f) => f.sentence === 5 && f.side === "target" && f.id !== spacing.id).map((f) => f.id);
    const edit = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: s5.id, text: fixed }, expectedVersion: s5.version });
    expect(edit.patch.flags.remove).not.toContain(spacing.id);
    expect(edit.patch.flags.upsert.find((f) => f.id === spacing.id)).toMatchObject({ status: "fixed" });
    const final = await loadSnapshot(t.db, id);
    expect(final.flags.find((f) => f.id === spacing.id)).toMatchObject({ status: "fixed", excerpt: s5.text.slice(spacing.span[0], spacing.span[1]) });
    for (const other of others) expect(final.flags.some((f) => f.id === other)).toBe(true);
  });

  it("accepting a finding applies its suggestion as a correction; undo restores text and decision", async () => {
    const id = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    const flag = before.flags.find((f) => f.detector === "spacing" && before.target[f.sentence].text.startsWith("KI -Modellen", f.span[0]))!;
    const segment = before.target[flag.sentence];
    const fixed = segment.text.slice(0, flag.span[0]) + flag.suggestion + segment.text.slice(flag.span[1]);
    expect(fixed).toContain("KI-Modellen");
    const { patch } = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: flag.id, decision: "accepted" }, expectedVersion: segment.version });
    const after = await loadSnapshot(t.db, id);
    expect(after.target[flag.sentence].text).toBe(fixed);
    expect(after.target[flag.sentence].originalText).toBe(segment.text);
    expect(after.flags.find((f) => f.id === flag.id)).toMatchObject({ status: "accepted", decidedBy: alex.login });
    expect(patch.flags.upsert.find((f) => f.id === flag.id)).toMatchObject({ status: "accepted" });
    expect(after.revisions.at(-1)).toMatchObject({ operation: "decideFlag", author: alex.login, entity: "flag", entityId: flag.id });
    // A later full re-run neither resurrects nor forgets it.
    await t.db.$transaction((tx) => refreshFindings(tx, id));
    expect((await loadSnapshot(t.db, id)).flags.find((f) => f.id === flag.id)).toMatchObject({ status: "accepted" });

    await undo(t.db, id, alex.id);
    const restored = await loadSnapshot(t.db, id);
    expect(restored.target[flag.sentence].text).toBe(segment.text);
    expect(restored.flags.find((f) => f.id === flag.id)).toMatchObject({ status: "open", decidedBy: null, span: flag.span });
    expect(restored.flags.map(key).sort()).toEqual(before.flags.map(key).sort());
  });

  it("an accepted finding quotes the text it was about, not the corrected sentence, in the panel, the report, the CSV and XLIFF", async () => {
    const id = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    const flag = before.flags.find((f) => f.detector === "spacing" && before.target[f.sentence].text.startsWith("KI -Modellen", f.span[0]))!;
    const segment = before.target[flag.sentence];
    const quoted = segment.text.slice(flag.span[0], flag.span[1]);
    expect(quoted.startsWith("KI -")).toBe(true);
    const { patch } = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: flag.id, decision: "accepted" }, expectedVersion: segment.version });
    const after = await loadSnapshot(t.db, id);
    expect(after.target[flag.sentence].text).not.toContain(quoted);
    const report = buildQualityReport(after);
    expect(report.issues.find((i) => i.kind === "finding" && i.id === flag.id)!.excerpt).toBe(quoted);
    const row = renderFindingsCsv(report).split("\n").find((line) => line.includes(flag.suggestion!) && line.includes("accepted"))!;
    expect(row).toContain(quoted);
    expect(exportXliff(after)).toContain(`“${quoted}”`);
    // The panel quotes the record the operation answered with, and the one the page loads.
    expect(patch.flags.upsert.find((f) => f.id === flag.id)!.excerpt).toBe(quoted);
    expect(after.flags.find((f) => f.id === flag.id)!.excerpt).toBe(quoted);
    // Moved to another installation and back, it still quotes the same text.
    expect(parseDocumentJson(exportJson(after)).flags.find((f) => f.id === flag.id)!.excerpt).toBe(quoted);
    // A full re-run does not re-cut it either.
    await t.db.$transaction((tx) => refreshFindings(tx, id));
    expect((await loadSnapshot(t.db, id)).flags.find((f) => f.id === flag.id)!.excerpt).toBe(quoted);
  });

  it("refuses a decision made on a stale view, and a suggestion whose text has changed", async () => {
    const id = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    const [flag, other] = before.flags.filter((f) => f.detector === "spacing" && f.sentence === 3);
    const segment = before.target[flag.sentence];
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: flag.id, decision: "dismissed", from: "open" }, expectedVersion: segment.version });
    const stale = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: flag.id, decision: "accepted", from: "open" }, expectedVersion: segment.version }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toMatch(/^This finding was changed by Alex Flags/);
    // Change the flagged words behind the detectors' back (no re-run): the suggestion no longer fits.
    await t.db.segment.update({ where: { id: segment.id }, data: { text: segment.text.replaceAll(" -", " – ") } });
    const current = await t.db.segment.findUniqueOrThrow({ where: { id: segment.id } });
    const refused = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: other.id, decision: "accepted" }, expectedVersion: current.version }).catch((e) => e);
    expect(refused).toBeInstanceOf(InvalidOperationError);
    expect(refused.message).toMatch(/no longer reads/);
  });
});
