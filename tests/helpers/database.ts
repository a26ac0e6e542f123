// Real, throw-away databases for integration tests: a temporary SQLite file always, and
// a fresh PostgreSQL database when TEST_POSTGRES_URL names a server (CI starts one).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";

export interface TestDatabase { kind: "sqlite" | "postgres"; url: string; db: Db; drop(): Promise<void> }

export const DATABASE_KINDS: ("sqlite" | "postgres")[] = process.env.TEST_POSTGRES_URL ? ["sqlite", "postgres"] : ["sqlite"];

export async function createTestDatabase(kind: "sqlite" | "postgres" = "sqlite"): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await migrateDatabase(url);
    const db = createDb(url);
    return { kind, url, db, async drop() { await db.$disconnect(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const server = process.env.TEST_POSTGRES_URL!;
  const name = `bitext_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    kind, url, db,
    async drop() {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
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
