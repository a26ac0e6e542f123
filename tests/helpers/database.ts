// Real, throw-away databases for integration tests: a temporary SQLite file always, and
// a fresh PostgreSQL database when TEST_POSTGRES_URL names a server (CI starts one).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { emptyPostgresDatabase } from "./postgres";
import { createDb, type Db } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";

export interface TestDatabase { kind: "sqlite" | "postgres"; url: string; db: Db; drop(): Promise<void> }

/**
 * The database tests run on SQLite always and on PostgreSQL when TEST_POSTGRES_URL names a server that lets
 * the user create databases. Without it they say so once; under CI=true (.ci/run starts one) that is an error.
 */
export const POSTGRES = {
  present: !!process.env.TEST_POSTGRES_URL,
  note: "PostgreSQL variants skipped: install PostgreSQL (apt-get install postgresql) and set TEST_POSTGRES_URL to a server whose user may create databases, as .ci/run does",
};
if (!POSTGRES.present) {
  if (process.env.CI === "true") throw new Error(`CI=true but TEST_POSTGRES_URL is not set. ${POSTGRES.note}.`);
  if (!(globalThis as { bitextPostgresNoted?: boolean }).bitextPostgresNoted) console.warn(`(${POSTGRES.note}.)`);
  (globalThis as { bitextPostgresNoted?: boolean }).bitextPostgresNoted = true;
}

export const DATABASE_KINDS: ("sqlite" | "postgres")[] = POSTGRES.present ? ["sqlite", "postgres"] : ["sqlite"];

export async function createTestDatabase(kind: "sqlite" | "postgres" = "sqlite"): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await migrateDatabase(url);
    const db = createDb(url);
    return { kind, url, db, async drop() { await db.$disconnect(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const empty = await emptyPostgresDatabase(process.env.TEST_POSTGRES_URL!, "bitext_test");
  const url = empty.url;
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    kind, url, db,
    async drop() {
      await db.$disconnect();
      await empty.drop();
    },
  };
}

/** Row counts of every table, to show that a failed operation left nothing behind. */
export async function tableCounts(db: Db) {
  const [documents, segments, links, flags, annotations, revisions] = await Promise.all([
    db.document.count(), db.segment.count(), db.link.count(), db.flag.count(), db.annotation.count(), db.revision.count(),
  ]);
  return { documents, segments, links, flags, annotations, revisions };
}
