// Issue 6 end to end: correct a sentence on the review page, then download TMX and the HTML
// report from the report page; the files are valid and carry the correction.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import { importSeedPair, launchBrowser, loggedInContext } from "./browser";

let db: Db;
let browser: Browser;
const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-downloads-"));

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe("export and report downloads", () => {
  it("downloads a valid TMX and an HTML report that contain the reviewer's correction", async () => {
    const id = await importSeedPair(db, "Export: corrected seed pair");
    const { context, page } = await loggedInContext(browser);
    await page.goto(`/documents/${id}`);
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    const sentence = page.locator('.sentence[data-side="target"]', { hasText: "Führungsstrang" }).first();
    const segmentId = await sentence.getAttribute("data-segment-id");
    await sentence.locator(".sentence-text").click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("e");
    const editor = page.locator(`.sentence[data-segment-id="${segmentId}"] textarea`);
    await expect.poll(() => editor.count()).toBe(1);
    await editor.fill((await editor.inputValue()).replace("Führungsstrang Kontroverse", "Kontroverse um die Führung"));
    await editor.press("Enter");
    await expect.poll(() => page.locator(`.sentence[data-segment-id="${segmentId}"]`).getByTestId("correction").count()).toBe(1);

    await page.getByTestId("report-link").click();
    await page.waitForURL(new RegExp(`/documents/${id}/report$`));
    expect(await page.getByTestId("report-issues").textContent()).toContain("Führungsstrang");
    // The page is the download's renderer: score cards with the verdict, both charts as SVG.
    expect(await page.getByTestId("score").locator("[data-result]").first().getAttribute("data-result")).toMatch(/^(pass|fail)$/);
    expect(await page.locator(".report svg.chart").count()).toBe(2);

    const [tmxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
    const tmxFile = path.join(dir, tmxDownload.suggestedFilename());
    await tmxDownload.saveAs(tmxFile);
    expect(tmxFile).toMatch(/\.tmx$/);
    execFileSync("xmllint", ["--noout", "--dtdvalid", "fixtures/schemas/tmx14.dtd", tmxFile]);
    const tmx = readFileSync(tmxFile, "utf8");
    expect(tmx).toContain("Die Kontroverse um die Führung bei OpenAI");
    expect(tmx).not.toContain("Führungsstrang Kontroverse bei OpenAI spiegelt");

    const [htmlDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-report-html").click()]);
    const htmlFile = path.join(dir, htmlDownload.suggestedFilename());
    await htmlDownload.saveAs(htmlFile);
    const html = readFileSync(htmlFile, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain("Kontroverse um die Führung");
    expect(html).not.toMatch(/<script|<link[^>]+href="http|src="http/i); // self-contained

    // The project report: the page lists the document, its HTML download is self-contained too.
    await page.goto("/report");
    expect(await page.getByTestId("project-documents").textContent()).toContain("Export: corrected seed pair");
    const project = await (await page.request.get("/api/report?format=html")).text();
    expect(project).toMatch(/^<!DOCTYPE html>/);
    expect(project).toContain("Export: corrected seed pair");
    expect(project).not.toMatch(/<script|<link|\ssrc=/i);
    await context.close();
  });
});
