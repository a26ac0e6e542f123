// Findings across edits and re-runs: decisions stay with "the same" finding, accepting one
// applies its suggestion as a text correction, and undo takes both back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, loadSnapshot } from "../../../lib/db/documents";
import { refreshFindings } from "../../../lib/db/flags";
import { applyOperation, ConflictError, InvalidOperationError, undo } from "../../../lib/db/review";
import type { FlagRecord } from "../../../lib/document";
import { defaultServices, type AlignedInput, type ReviewServices } from "../../../lib/review/services";
import type { Finding } from "../../../lib/types";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { reviewer, seedPairSnapshot } from "../review/seed-document";

// Detokenisation damage as in the seed translation ("KI -Modellen"): a space before a joining hyphen.
function detokenisation(doc: AlignedInput): Finding[] {
  return doc.target.flatMap((s, sentence) => [...s.text.matchAll(/(\p{L}+) -(\p{L})/gu)].map((m): Finding => ({
    detector: "detokenisation", category: "Fluency/Spacing", severity: "minor", side: "target", sentence,
    span: [m.index!, m.index! + m[0].length], message: { key: "detokenisation", params: { text: m[0] } }, suggestion: `${m[1]}-${m[2]}`,
  })));
}
const services: ReviewServices = { ...defaultServices, checkAligned: detokenisation };

describe.each(DATABASE_KINDS)("findings under review on %s", (kind) => {
  let t: TestDatabase;
  let alex: { id: number; login: string };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    alex = await reviewer(t.db, "Alex Flags");
  });
  afterAll(async () => { await t?.drop(); });

  async function importWithFindings(): Promise<number> {
    const snapshot = seedPairSnapshot();
    const sentences = (side: "source" | "target") => snapshot[side].map((x) => ({ text: x.text, start: x.start ?? 0, end: x.end ?? 0, paragraph: x.paragraph }));
    const findings = detokenisation({ sourceLang: "en", targetLang: "de", source: sentences("source"), target: sentences("target"), links: snapshot.links });
    snapshot.flags = findings.map((f, i): FlagRecord => ({ ...f, id: i + 1, linkId: snapshot.links[f.sentence].id, status: "open", decidedBy: null, decidedAt: null }));
    return createDocument(t.db, snapshot);
  }

  it("keeps decisions on findings that a re-run finds again, and drops findings that are gone", async () => {
    const id = await importWithFindings();
    const before = await loadSnapshot(t.db, id);
    expect(before.flags.length).toBeGreaterThan(10);
    const dismissed = before.flags[0];
    const segment = before.target[dismissed.sentence];
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: dismissed.id, decision: "dismissed", from: "open" }, expectedVersion: segment.version }, services);
    // A structural operation re-runs the detectors over the whole document.
    const { patch } = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "mergeWithNext", linkId: before.links[0].id }, expectedVersion: 0 }, services);
    const after = await loadSnapshot(t.db, id);
    expect(after.flags.map((f) => f.id).sort()).toEqual(before.flags.map((f) => f.id).sort());
    expect(after.flags.find((f) => f.id === dismissed.id)).toMatchObject({ status: "dismissed", decidedBy: alex.login });
    // The merged link now holds the flags of both of its sentences.
    expect(after.flags.filter((f) => f.sentence <= 1).every((f) => f.linkId === before.links[0].id)).toBe(true);
    expect(patch.flags.upsert.every((f) => f.linkId === before.links[0].id)).toBe(true);
    // Fixing the text by hand removes the finding (it is no longer there), keeps the others.
    const withDamage = after.target.find((s) => s.text.includes("KI -Modellen"))!;
    const count = after.flags.filter((f) => f.sentence === withDamage.position).length;
    const edit = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "editText", segmentId: withDamage.id, text: withDamage.text.replace("KI -Modellen", "KI-Modellen") }, expectedVersion: withDamage.version }, services);
    expect(edit.patch.flags.remove).toHaveLength(1);
    expect((await loadSnapshot(t.db, id)).flags.filter((f) => f.sentence === withDamage.position)).toHaveLength(count - 1);
  });

  it("accepting a finding applies its suggestion as a correction; undo restores text and decision", async () => {
    const id = await importWithFindings();
    const before = await loadSnapshot(t.db, id);
    const flag = before.flags.find((f) => before.target[f.sentence].text.startsWith("KI -Modellen", f.span[0]))!;
    const segment = before.target[flag.sentence];
    const fixed = segment.text.slice(0, flag.span[0]) + flag.suggestion + segment.text.slice(flag.span[1]);
    expect(fixed).toContain("KI-Modellen");
    const { patch } = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: flag.id, decision: "accepted" }, expectedVersion: segment.version }, services);
    const after = await loadSnapshot(t.db, id);
    expect(after.target[flag.sentence].text).toBe(fixed);
    expect(after.target[flag.sentence].originalText).toBe(segment.text);
    expect(after.flags.find((f) => f.id === flag.id)).toMatchObject({ status: "accepted", decidedBy: alex.login });
    expect(patch.flags.upsert.find((f) => f.id === flag.id)).toMatchObject({ status: "accepted" });
    expect(after.revisions.at(-1)).toMatchObject({ operation: "decideFlag", author: alex.login, entity: "flag", entityId: flag.id });
    // A later re-run does not resurrect or forget it.
    await t.db.$transaction((tx) => refreshFindings(tx, id, { services }));
    expect((await loadSnapshot(t.db, id)).flags.find((f) => f.id === flag.id)).toMatchObject({ status: "accepted" });

    await undo(t.db, id, alex.id, services);
    const restored = await loadSnapshot(t.db, id);
    expect(restored.target[flag.sentence].text).toBe(segment.text);
    expect(restored.flags.find((f) => f.id === flag.id)).toMatchObject({ status: "open", decidedBy: null, span: flag.span });
    expect(restored.flags).toHaveLength(before.flags.length);
  });

  it("refuses a decision made on a stale view, and a suggestion whose text has changed", async () => {
    const id = await importWithFindings();
    const before = await loadSnapshot(t.db, id);
    const flag = before.flags[2];
    const segment = before.target[flag.sentence];
    await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: flag.id, decision: "dismissed", from: "open" }, expectedVersion: segment.version }, services);
    const stale = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: flag.id, decision: "accepted", from: "open" }, expectedVersion: segment.version }, services).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toMatch(/^This finding was changed by Alex Flags/);
    const other = before.flags.find((f) => f.sentence === flag.sentence && f.id !== flag.id);
    if (other) {
      // Edit the flagged words away without the detectors noticing (no re-run): the suggestion no longer fits.
      await t.db.segment.update({ where: { id: segment.id }, data: { text: segment.text.replaceAll(" -", " – ") } });
      const current = await t.db.segment.findUniqueOrThrow({ where: { id: segment.id } });
      const refused = await applyOperation(t.db, { documentId: id, reviewerId: alex.id, operation: { op: "decideFlag", flagId: other.id, decision: "accepted" }, expectedVersion: current.version }, services).catch((e) => e);
      expect(refused).toBeInstanceOf(InvalidOperationError);
      expect(refused.message).toMatch(/no longer reads/);
    }
  });
});
