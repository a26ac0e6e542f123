// Derives prisma/postgres/schema.prisma (CLI config: prisma.postgres.config.ts) from prisma/schema.prisma. Prisma 6 fixes the
// provider per schema file, so PostgreSQL needs its own schema and migrations; deriving
// it mechanically keeps the two models from drifting apart.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

export function derivePostgresSchema(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgres"')
    .replace('provider = "sqlite"', 'provider = "postgresql"');
  if (out === sqliteSchema || !out.includes('"postgresql"') || !out.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the generator output or provider lines this script rewrites");
  }
  return "// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.ts: do not edit.\n" + out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync("prisma/postgres", { recursive: true });
  writeFileSync("prisma/postgres/schema.prisma", derivePostgresSchema(readFileSync("prisma/schema.prisma", "utf8")));
  console.log("wrote prisma/postgres/schema.prisma");
}
