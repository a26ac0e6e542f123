// The web import's job queue: a configurable number of imports at once, the rest waiting;
// cancelling a queued or running job keeps nothing of it. Real analysis processes, a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDocuments } from "../../../lib/db/documents";
import { cancelImportJob, getImportJob, startImportJob, type ImportJob } from "../../../lib/import/jobs";
import { createTestDatabase, tableCounts, type TestDatabase } from "../../helpers/database";
import { SEED_DE, SEED_EN } from "../review/seed-document";

let t: TestDatabase;
const previous = process.env.BITEXT_IMPORT_CONCURRENCY;
beforeAll(async () => {
  process.env.BITEXT_IMPORT_CONCURRENCY = "1";
  t = await createTestDatabase("sqlite");
});
afterAll(async () => {
  if (previous === undefined) delete process.env.BITEXT_IMPORT_CONCURRENCY;
  else process.env.BITEXT_IMPORT_CONCURRENCY = previous;
  await t?.drop();
});

const request = (title: string) => ({
  title, source: { label: "en.txt", lang: "en", text: SEED_EN }, target: { label: "de.txt", lang: "de", text: SEED_DE }, acceptWarnings: true, author: null,
});

async function settled(job: ImportJob): Promise<ImportJob> {
  for (let i = 0; i < 1200; i++) {
    const current = getImportJob(job.id)!;
    if (!["queued", "running"].includes(current.state)) return current;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${job.id} did not finish`);
}

describe("import jobs", () => {
  it("run one at a time with BITEXT_IMPORT_CONCURRENCY=1: the second waits, then both are stored", async () => {
    const a = startImportJob(t.db, request("first"));
    const b = startImportJob(t.db, request("second"));
    await new Promise((r) => setTimeout(r, 200));
    expect(getImportJob(a.id)!.state).toBe("running");
    expect(getImportJob(b.id)).toMatchObject({ state: "queued", queuePosition: 1 });
    const [doneA, doneB] = [await settled(a), await settled(b)];
    expect([doneA.state, doneB.state]).toEqual(["done", "done"]);
    expect((await listDocuments(t.db)).map((d) => d.title)).toEqual(["first", "second"]);
  }, 120_000);

  it("cancelled while running or while queued, keep nothing", async () => {
    const before = await tableCounts(t.db);
    const running = startImportJob(t.db, request("cancelled while running"));
    const queued = startImportJob(t.db, request("cancelled while queued"));
    await new Promise((r) => setTimeout(r, 300));
    expect(cancelImportJob(queued.id)).toBe(true);
    expect(getImportJob(queued.id)!.state).toBe("cancelled");
    expect(cancelImportJob(running.id)).toBe(true);
    expect((await settled(running)).state).toBe("cancelled");
    expect(cancelImportJob(running.id)).toBe(false);
    expect(await tableCounts(t.db)).toEqual(before);
  }, 120_000);
});
