// One size limit, from BITEXT_MAX_BYTES, in the proxy, the import route and the CLI (issue #14:
// the proxy cut request bodies at 10 MB whatever the setting said). A server of its own, started
// with a 7 MB limit a side: a 12 MB upload within the limit goes through whole, one over it is
// refused with the route's message, and `bitext import` refuses the same file size.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../lib/auth/session";
import { openSession } from "../../lib/db/sessions";
import { createDb, type Db } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";
import { createReviewer } from "../../lib/db/reviewers";
import { startServer, type RunningServer } from "../../bench/server";
import { runBitext } from "../helpers/cli";

const LIMIT = 7 * 1024 * 1024;
const SECRET = "body-limit-secret";
let dir: string;
let db: Db;
let server: RunningServer;
let cookie: string;
let env: Record<string, string>;

/** Plain sentences, `bytes` long (ASCII, so characters are bytes). */
function text(bytes: number, lang: "en" | "de"): string {
  const sentence = lang === "en" ? "The company announced a plan for the next year. " : "Das Unternehmen kündigte einen Plan an. ".replace("ü", "u");
  return sentence.repeat(Math.ceil(bytes / sentence.length)).slice(0, bytes);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-limit-"));
  const databaseUrl = `file:${path.join(dir, "limit.db")}`;
  await migrateDatabase(databaseUrl);
  db = createDb(databaseUrl);
  const who = await createReviewer(db, { login: "limit", displayName: "Lee Limit", password: "limit test password" });
  process.env.BITEXT_SECRET = SECRET;
  cookie = `${SESSION_COOKIE}=${(await openSession(db, who.id)).token}`;
  env = { DATABASE_URL: databaseUrl, BITEXT_SECRET: SECRET, BITEXT_MAX_BYTES: String(LIMIT) };
  server = await startServer(env);
}, 300_000);
afterAll(async () => {
  server?.child.kill("SIGTERM");
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

function upload(source: string, target: string) {
  const form = new FormData();
  form.set("sourceLang", "en");
  form.set("targetLang", "de");
  form.set("acceptWarnings", "1");
  form.set("sourceFile", new Blob([source]), "en.txt");
  form.set("targetFile", new Blob([target]), "de.txt");
  return fetch(`${server.baseURL}/api/import`, { method: "POST", body: form, headers: { cookie, origin: server.baseURL } });
}

describe("BITEXT_MAX_BYTES", () => {
  it("lets a 12 MB upload within the limit through whole (the proxy used to cut it at 10 MB)", async () => {
    const res = await upload(text(6 * 1024 * 1024, "en"), text(6 * 1024 * 1024, "de"));
    const body = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(202);
    // Only the transport is under test: stop the analysis of 12 MB.
    expect((await fetch(`${server.baseURL}/api/import/jobs/${body.job}`, { method: "DELETE", headers: { cookie, origin: server.baseURL } })).status).toBe(202);
  }, 120_000);

  it("refuses a side over the limit with a message that names the limit and the setting", async () => {
    const res = await upload(text(LIMIT + 200 * 1024, "en"), text(1024, "de"));
    expect(res.status).toBe(413);
    const { problems } = await res.json();
    expect(problems[0].message).toMatch(/over the limit of 7 MB a side.*BITEXT_MAX_BYTES/);
  }, 120_000);

  it("refuses a request body over the limit for two sides before reading it", async () => {
    const res = await upload(text(LIMIT, "en"), text(LIMIT + 2 * 1024 * 1024, "de"));
    expect(res.status).toBe(413);
    const { problems } = await res.json();
    expect(problems[0].message).toMatch(/over the limit of 15 MB for a request \(7 MB a side\).*BITEXT_MAX_BYTES/);
  }, 120_000);

  it("is the command line's limit too", () => {
    const big = path.join(dir, "big.txt");
    writeFileSync(big, text(LIMIT + 200 * 1024, "en"));
    const r = runBitext(["import", big, "--lang", "en"], { env: { ...process.env, ...env } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/big\.txt is 7.2 MB, over the limit of 7 MB a side.*BITEXT_MAX_BYTES/);
  });
});
