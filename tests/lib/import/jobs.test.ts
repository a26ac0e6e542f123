// The web import's jobs: rows in the database, run by a queue of a configurable number of imports at
// once in worker threads; cancelling a queued or running job keeps nothing of it; a job whose server
// stopped is marked failed and runs again on a retry. Real analysis workers, real databases.
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDocuments, loadSnapshot } from "../../../lib/db/documents";
import { failInterruptedImportJobs, INTERRUPTED_MESSAGE } from "../../../lib/db/import-jobs";
import { prepareImport } from "../../../lib/import";
import { cancelImportJob, getImportJob, retryImportJob, startImportJob, type ImportJob } from "../../../lib/import/jobs";
import { analysePair } from "../../../lib/pipeline";
import { createTestDatabase, DATABASE_KINDS, tableCounts, type TestDatabase } from "../../helpers/database";
import { SEED_DE, SEED_EN } from "../review/seed-document";

const previous = process.env.BITEXT_IMPORT_CONCURRENCY;
beforeAll(() => { process.env.BITEXT_IMPORT_CONCURRENCY = "1"; });
afterAll(() => {
  if (previous === undefined) delete process.env.BITEXT_IMPORT_CONCURRENCY;
  else process.env.BITEXT_IMPORT_CONCURRENCY = previous;
});

const prepared = (title: string, en = SEED_EN, de = SEED_DE) =>
  prepareImport({ title, source: { label: "en.txt", lang: "en", text: en }, target: { label: "de.txt", lang: "de", text: de }, acceptWarnings: true }).job;

describe.each(DATABASE_KINDS)("import jobs on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(kind); });
  afterAll(async () => { await t?.drop(); });

  async function settled(job: ImportJob, seen?: { stage: string; progress: number }[]): Promise<ImportJob> {
    for (let i = 0; i < 2400; i++) {
      const current = (await getImportJob(t.db, job.id))!;
      seen?.push({ stage: current.stage, progress: current.progress });
      if (!["queued", "running"].includes(current.state)) return current;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`job ${job.id} did not finish`);
  }

  it("run one at a time with BITEXT_IMPORT_CONCURRENCY=1: the second waits, then both are stored; progress is stored as it goes", async () => {
    // Ten times the seed pair: long enough (some seconds) for progress to be written while it runs.
    const a = await startImportJob(t.db, prepared("first", Array(10).fill(SEED_EN).join("\n\n"), Array(10).fill(SEED_DE).join("\n\n")));
    const b = await startImportJob(t.db, prepared("second"));
    await new Promise((r) => setTimeout(r, 100));
    expect((await getImportJob(t.db, a.id))!.state).toBe("running");
    expect(await getImportJob(t.db, b.id)).toMatchObject({ state: "queued", queuePosition: 1 });
    const seen: { stage: string; progress: number }[] = [];
    const doneA = await settled(a, seen);
    const doneB = await settled(b);
    expect([doneA.state, doneB.state]).toEqual(["done", "done"]);
    expect((await listDocuments(t.db)).map((d) => d.title)).toEqual(["first", "second"]);
    expect(doneB).toMatchObject({ stage: "done", progress: 1, documentId: expect.any(Number) });
    // Read from the database while it ran: through the pipeline's stages to done, never backwards.
    const stages = [...new Set(seen.map((s) => s.stage))];
    expect(stages.at(-1)).toBe("done");
    expect(stages.filter((s) => ["segment", "align", "check", "store"].includes(s)).length).toBeGreaterThan(0);
    expect(seen.map((s) => s.progress)).toEqual([...seen.map((s) => s.progress)].sort((x, y) => x - y));
    // The text is not kept once the document is stored.
    expect(await t.db.importJob.findUnique({ where: { id: b.id }, select: { sourceText: true, targetText: true } })).toEqual({ sourceText: null, targetText: null });
  }, 120_000);

  it("cancelled while running or while queued, keep nothing", async () => {
    const before = await tableCounts(t.db);
    const running = await startImportJob(t.db, prepared("cancelled while running"));
    const queued = await startImportJob(t.db, prepared("cancelled while queued"));
    await new Promise((r) => setTimeout(r, 50));
    expect(await cancelImportJob(t.db, queued.id)).toBe(true);
    expect((await getImportJob(t.db, queued.id))!.state).toBe("cancelled");
    expect(await cancelImportJob(t.db, running.id)).toBe(true);
    expect((await settled(running)).state).toBe("cancelled");
    expect(await cancelImportJob(t.db, running.id)).toBe(false);
    expect(await tableCounts(t.db)).toEqual(before);
  }, 120_000);

  it("a job that was running when its server stopped is marked failed with a message, and a retry imports it", async () => {
    // A job row as a server killed mid-analysis leaves it: running, owned by a process that is gone.
    const job = await startImportJob(t.db, prepared("interrupted"));
    expect(await cancelImportJob(t.db, job.id)).toBe(true); // only the row stays, as after a kill
    await settled(job);
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    await t.db.importJob.update({ where: { id: job.id }, data: { state: "running", stage: "align", progress: 0.3, owner: `${hostname()}:${dead}`, error: null, sourceText: SEED_EN, targetText: SEED_DE } });

    expect(await failInterruptedImportJobs(t.db)).toEqual([job.id]);
    const failed = (await getImportJob(t.db, job.id))!;
    expect(failed).toMatchObject({ state: "failed", retryable: true, error: INTERRUPTED_MESSAGE.running });
    expect((await listDocuments(t.db)).map((d) => d.title)).not.toContain("interrupted");

    const retried = (await retryImportJob(t.db, job.id))!;
    expect(retried).toMatchObject({ id: job.id, state: "queued", attempts: 2 });
    const done = await settled(retried);
    expect(done.state).toBe("done");
    const stored = await loadSnapshot(t.db, done.documentId!);
    const direct = analysePair({ title: "interrupted", sourceLang: "en", targetLang: "de", sourceText: SEED_EN, targetText: SEED_DE });
    expect(stored.links.map((l) => [l.source, l.target])).toEqual(direct.links.map((l) => [l.source, l.target]));
    // Done: nothing more to retry.
    expect(await retryImportJob(t.db, job.id)).toBeNull();
  }, 120_000);

  it("a job refused for its input is failed with the problems and is not retryable", async () => {
    const job = await startImportJob(t.db, prepared("one enormous sentence", "word ".repeat(5000), "Wort ".repeat(5000)));
    const failed = await settled(job);
    expect(failed).toMatchObject({ state: "failed", retryable: false });
    expect(failed.problems?.map((p) => p.code)).toEqual(["sentenceTooLong"]);
    expect(await retryImportJob(t.db, job.id)).toBeNull();
  }, 120_000);
});
