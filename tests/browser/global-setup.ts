// Browser tests run against the real app: a production build served by `next start` on
// a free local port, with a fresh SQLite database and one reviewer account.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";
import { createReviewer } from "../../lib/db/reviewers";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const REVIEWERS = [
  { login: "reviewer", displayName: "Rita Reviewer", password: "correct horse" },
  { login: "second", displayName: "Sam Second", password: "battery staple" },
];

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
    reviewers: typeof REVIEWERS;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer at ${url} within 120 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
  if (process.env.BITEXT_SKIP_BUILD !== "1") {
    // The same build step as `npm start`: skipped when the sources are those of the last build.
    const build = spawnSync(process.execPath, ["scripts/build-web.mjs"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-browser-"));
  const databaseUrl = `file:${path.join(dir, "browser.db")}`;
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  for (const r of REVIEWERS) await createReviewer(db, r);
  await db.$disconnect();

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, DATABASE_URL: databaseUrl, BITEXT_SECRET: "browser-test-secret", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => { output += d; });
  child.stderr?.on("data", (d) => { output += d; });
  await waitForServer(baseURL, child, () => output);

  project.provide("baseURL", baseURL);
  project.provide("databaseUrl", databaseUrl);
  project.provide("reviewers", REVIEWERS);

  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
}
