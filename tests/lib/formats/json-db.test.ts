// The lossless promise of the JSON export: a document exported from one installation and
// imported into another has the same texts, links, statuses, findings, annotations and
// history. Row ids, row versions and the import's own revision are the new database's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument, loadSnapshot } from "../../../lib/db/documents";
import { exportJson, parseDocumentJson } from "../../../lib/formats/json";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../helpers/database";
import { content, seedPairSnapshot, storableHardSnapshot } from "./snapshots";

describe.each(DATABASE_KINDS)("JSON export → import → export (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(kind); });
  afterAll(async () => { await t?.drop(); });

  for (const [name, make] of [["seed pair with decisions, annotations and history", seedPairSnapshot], ["hard characters and unpaired links", storableHardSnapshot]] as const) {
    it(`keeps the ${name}`, async () => {
      const original = make();
      original.revisions = original.revisions.filter((r) => r.operation !== "import");
      const id = await createDocument(t.db, parseDocumentJson(exportJson(original)));
      const stored = await loadSnapshot(t.db, id);
      expect(content(stored)).toEqual(content(original));
      // And once more: an export of the imported document imports to the same content.
      const again = await loadSnapshot(t.db, await createDocument(t.db, parseDocumentJson(exportJson(stored))));
      expect(content(again)).toEqual(content(original));
    });
  }
});
