import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { createDb } from "../../lib/db/client";
import { createImportJob } from "../../lib/db/import-jobs";
import { baseURL, launchBrowser, loggedInContext } from "./browser";

const SOURCE = "fixtures/seeds/000_2f5c058692c94630.txt";
const TARGET = "fixtures/seeds/001_1a15638dc6a05010.txt";

describe("import in the browser", () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it("keeps everything behind the login", async () => {
    const context = await browser.newContext({ baseURL: baseURL() });
    const page = await context.newPage();
    await page.goto("/import");
    expect(new URL(page.url()).pathname).toBe("/login");
    const api = await page.request.get("/api/documents");
    expect(api.status()).toBe(401);
    await context.close();
  });

  it("imports the seed pair through the form and shows its 15 links side by side", async () => {
    const { context, page } = await loggedInContext(browser);
    await page.goto("/import");
    await page.getByLabel("Title").fill("Seed pair via the form");
    await page.getByTestId("source-file").setInputFiles(SOURCE);
    await page.getByTestId("target-file").setInputFiles(TARGET);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.waitForURL(/\/documents\/\d+$/, { timeout: 60_000 });
    await expect.poll(() => page.getByTestId("link-row").count()).toBe(15);
    const first = page.getByTestId("link-row").first();
    expect(await first.textContent()).toContain("Last week, leadership changes at AI startup OpenAI");
    expect(await first.textContent()).toContain("Letzte Woche erregte Führungswechsel");
    await page.goto("/");
    expect(await page.getByTestId("document-row").filter({ hasText: "Seed pair via the form" }).count()).toBe(1);
    await context.close();
  });

  it("cancels a running import with the Cancel button and keeps nothing of it", async () => {
    const { context, page } = await loggedInContext(browser);
    const seedEn = readFileSync(SOURCE, "utf8");
    const seedDe = readFileSync(TARGET, "utf8");
    const before = (await (await page.request.get("/api/documents")).json()).length;
    await page.goto("/import");
    await page.getByLabel("Title").fill("Cancelled book");
    // The seed pair forty times: long enough to still be running when the button is pressed.
    await page.getByTestId("source-text").fill(Array(40).fill(seedEn).join("\n\n"));
    await page.getByTestId("target-text").fill(Array(40).fill(seedDe).join("\n\n"));
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByTestId("import-cancel").click({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("import-errors").textContent(), { timeout: 30_000 }).toContain("The import was cancelled; nothing of it was kept.");
    expect((await (await page.request.get("/api/documents")).json()).length).toBe(before);
    expect(await page.getByRole("button", { name: "Import", exact: true }).isEnabled()).toBe(true);
    await context.close();
  });

  it("offers a retry for an import its server stopped, and the retry opens the review page", async () => {
    const db = createDb(inject("databaseUrl"));
    try {
      // The row a server killed during the analysis leaves behind: running, owned by a process that is gone.
      const author = (await db.reviewer.findUniqueOrThrow({ where: { login: inject("reviewers")[0].login } })).id;
      const id = crypto.randomUUID();
      await createImportJob(db, id, {
        title: "Interrupted seed pair", sourceLang: "en", targetLang: "de", sourceName: "000.txt", targetName: "001.txt",
        sourceText: readFileSync(SOURCE, "utf8"), targetText: readFileSync(TARGET, "utf8"), presegmented: false,
      }, author);
      const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
      await db.importJob.update({ where: { id }, data: { state: "running", stage: "align", owner: `${hostname()}:${dead}` } });

      const { context, page } = await loggedInContext(browser);
      await page.goto("/import");
      const interrupted = page.getByTestId("import-interrupted");
      await expect.poll(() => interrupted.textContent()).toContain("The server stopped while this import was running");
      expect(await interrupted.textContent()).toContain("Interrupted seed pair");
      await interrupted.getByTestId("import-retry").click();
      await page.waitForURL(/\/documents\/\d+$/, { timeout: 60_000 });
      await expect.poll(() => page.getByTestId("link-row").count()).toBe(15);
      expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "done", attempts: 2 });
      await context.close();
    } finally {
      await db.$disconnect();
    }
  });

  it("shows a clear message for an empty side and imports nothing", async () => {
    const { context, page } = await loggedInContext(browser);
    await page.goto("/");
    const before = await page.getByTestId("document-row").count();
    await page.goto("/import");
    await page.getByTestId("source-text").fill("Some English text.");
    await page.getByTestId("target-text").fill("   ");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => page.getByTestId("import-errors").textContent()).toContain("Translation is empty");
    await page.goto("/");
    expect(await page.getByTestId("document-row").count()).toBe(before);
    await context.close();
  });

  it("answers 413 when a side is over the size limit", async () => {
    const { context, page } = await loggedInContext(browser);
    const big = "A sentence. ".repeat(500_000); // about 6 MB, over the 5 MB default
    // A script, not the page: it names the workbench's origin as a browser would (no Origin is refused).
    const res = await page.request.post("/api/import", { headers: { origin: baseURL() }, multipart: { sourceLang: "en", targetLang: "de", sourceText: big, targetText: "Ein Satz." } });
    expect(res.status()).toBe(413);
    expect(JSON.stringify(await res.json())).toMatch(/over the limit of 5 MB/);
    await context.close();
  });
});
