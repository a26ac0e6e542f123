// Prisma CLI configuration for the embedded SQLite default. The driver adapter makes
// the CLI use the WASM schema engine, so nothing is downloaded (see docs/stack.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { databaseUrl } from "./lib/db/url";

const url = databaseUrl();
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaLibSQL({ url });
  },
});
