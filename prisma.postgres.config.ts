// Prisma CLI configuration for PostgreSQL (used by `prisma generate` and `migrate diff`
// on the derived schema). Migrations are applied by scripts/db-deploy.ts, not the CLI.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const url = process.env.DATABASE_URL ?? "postgresql://localhost:5432/bitext";
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/postgres/schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: url });
  },
});
