// Applies the SQL migrations in prisma/migrations (SQLite) or prisma/postgres/migrations
// (PostgreSQL) that the database has not seen yet. The Prisma 6 CLI can only migrate
// PostgreSQL through patched adapters and is slow to start, so the workbench applies its
// own migrations, recording them in Prisma's `_prisma_migrations` table so that the
// Prisma CLI (`migrate status`, `migrate dev`) still understands the database.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { OneConnectionClient } from "./sqlite";
import { isPostgres } from "./url";

interface Migration { name: string; sql: string; checksum: string }

export function migrationsDir(url: string, root = process.cwd()): string {
  return isPostgres(url) ? path.join(root, "prisma", "postgres", "migrations") : path.join(root, "prisma", "migrations");
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP, "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function migrateDatabase(url: string, root = process.cwd()): Promise<string[]> {
  const migrations = readMigrations(migrationsDir(url, root));
  return isPostgres(url) ? migratePostgres(url, migrations) : migrateSqlite(url, migrations);
}

async function migrateSqlite(url: string, migrations: Migration[]): Promise<string[]> {
  const file = url.replace(/^file:/, "");
  if (file && !file.startsWith(":")) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // The same connection settings as the app (WAL, busy waits): migrating while a server runs must not wedge it.
  const client = new OneConnectionClient({ url });
  try {
    await client.execute(CREATE_TABLE);
    const done = new Set((await client.execute(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)).rows.map((r) => String(r.migration_name)));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      const now = new Date().toISOString();
      await client.executeMultiple(`BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('${randomUUID()}', '${m.checksum}', '${now}', '${m.name}', '${now}', 1);\nCOMMIT;`)
        .catch(async (err) => { await client.execute("ROLLBACK").catch(() => {}); throw err; });
      applied.push(m.name);
    }
    return applied;
  } finally {
    client.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(CREATE_TABLE);
    const done = new Set((await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)).rows.map((r) => String(r.migration_name)));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`, [randomUUID(), m.checksum, m.name]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.end();
  }
}
