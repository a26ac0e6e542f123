// `npm run db:deploy`: brings the database named by DATABASE_URL (default: the embedded
// SQLite file) up to the current schema.
import { migrateDatabase } from "../lib/db/migrate";
import { databaseUrl } from "../lib/db/url";

const url = databaseUrl();
const applied = await migrateDatabase(url);
const where = url.replace(/\/\/[^@/]*@/, "//…@");
console.log(applied.length ? `database ${where}: applied ${applied.join(", ")}` : `database ${where}: up to date`);
