// TMX from a stored document under review: each unit's creation and last change come from the real
// revision history that review operations write (issue #16), and the file stays valid against the DTD.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSnapshot } from "../../../lib/db/documents";
import { applyOperation } from "../../../lib/db/review";
import { exportTmx, tmxDate } from "../../../lib/formats/tmx";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { XMLLINT, validateTmx, xpathCount, xpathString } from "../formats/xmllint";
import { reviewer, seedDocument } from "../review/seed-document";

describe.skipIf(!XMLLINT.present).each(DATABASE_KINDS)(`TMX stamps from the history on %s${XMLLINT.note}`, (kind) => {
  let t: TestDatabase;
  let sam: { id: number; login: string };
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    sam = await reviewer(t.db, "Sam Tmx");
  });
  afterAll(async () => { await t?.drop(); });

  it("names the reviewer who edited a sentence as the change of its unit, and the import as every unit's creation", async () => {
    const id = await seedDocument(t.db);
    const before = await loadSnapshot(t.db, id);
    const link = before.links.find((l) => l.source.length && l.target.length && l.position > 2)!;
    const segment = before.target[link.target[0]];
    await applyOperation(t.db, { documentId: id, reviewerId: sam.id, operation: { op: "editText", segmentId: segment.id, text: `${segment.text} (geprüft)` }, expectedVersion: segment.version });
    await applyOperation(t.db, {
      documentId: id, reviewerId: sam.id, expectedVersion: segment.version + 1,
      operation: { op: "addAnnotation", segmentId: segment.id, start: 0, end: 3, category: "Style/Awkward", severity: "minor", comment: "klingt hölzern" },
    });
    const after = await loadSnapshot(t.db, id);
    const xml = exportTmx(after);
    expect(validateTmx(xml).stderr).toBe("");
    const unit = `//tu[prop[@type='x-link-id']='${link.id}']`;
    const last = after.revisions.at(-1)!;
    expect(xpathString(xml, `${unit}/@changeid`)).toBe(sam.login);
    expect(xpathString(xml, `${unit}/@changedate`)).toBe(tmxDate(new Date(last.createdAt)));
    expect(xpathString(xml, `${unit}/tuv[2]/note`)).toContain("klingt hölzern");
    const imported = after.revisions.find((r) => r.operation === "import")!;
    expect(xpathCount(xml, `//tu[@creationdate!='${tmxDate(new Date(imported.createdAt))}']`)).toBe(0);
    expect(xpathCount(xml, "//tu[@changeid]")).toBe(1);
  });
});
