// The one Prisma client module. SQLite (libsql) is the embedded default; a
// postgresql:// DATABASE_URL switches the same code to PostgreSQL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { ServerSqliteAdapter } from "./sqlite";
import { databaseUrl, isPostgres } from "./url";

/** Both generated clients have the same model API; the SQLite one names the type. */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createDb(url: string = databaseUrl()): Db {
  if (isPostgres(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  // One connection per process, WAL, busy waits off the event loop: see ./sqlite.ts.
  return new SqliteClient({ adapter: new ServerSqliteAdapter({ url }) });
}

const globalForDb = globalThis as unknown as { bitextDb?: Db };

/** The process-wide client (reused across Next.js hot reloads). */
export function db(): Db {
  globalForDb.bitextDb ??= createDb();
  return globalForDb.bitextDb;
}
