// Issue 16, import: warnings the user can override (sentence counts far apart, text pasted beside a
// file), a one-click swap for sides that look swapped, and messages scrolled into view.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, loggedInContext } from "./browser";

const SOURCE = "fixtures/seeds/000_2f5c058692c94630.txt";
const TARGET = "fixtures/seeds/001_1a15638dc6a05010.txt";
const EN = readFileSync(SOURCE, "utf8");
const DE = readFileSync(TARGET, "utf8");

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function inView(page: Page, testId: string) {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const height = await page.evaluate(() => window.innerHeight);
  return box.y >= 0 && box.y + Math.min(box.height, 40) <= height;
}

describe("import warnings", () => {
  it("warns that the sentence counts differ grossly, in view, and imports on 'Import anyway'", async () => {
    const { context, page } = await loggedInContext(browser);
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto("/import");
    await page.getByLabel("Title").fill("Warnings: counts apart");
    await page.getByTestId("source-text").fill(EN);
    await page.getByTestId("target-text").fill(DE.split(/(?<=\.)\s+/).slice(0, 2).join(" "));
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const warnings = page.getByTestId("import-warnings");
    await expect.poll(() => warnings.textContent()).toMatch(/about \d+ sentences and Translation about 2/);
    await expect.poll(() => inView(page, "import-warnings")).toBe(true);
    await page.getByRole("button", { name: "Import anyway" }).click();
    await page.waitForURL(/\/documents\/\d+$/, { timeout: 60_000 });
    await context.close();
  });

  it("warns when a side has pasted text and a file, instead of silently using the file", async () => {
    const { context, page } = await loggedInContext(browser);
    await page.goto("/import");
    await page.getByTestId("source-file").setInputFiles(SOURCE);
    await page.getByTestId("target-text").fill(DE);
    await page.getByTestId("source-text").fill("A different text pasted by mistake.");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => page.getByTestId("import-warnings").textContent()).toContain("There is pasted text and a file (000_2f5c058692c94630.txt) on the same side");
    await context.close();
  });

  it("swaps sides that look swapped with one click, then imports them the right way round", async () => {
    const { context, page } = await loggedInContext(browser);
    await page.goto("/import");
    await page.getByLabel("Title").fill("Warnings: swapped");
    await page.getByTestId("source-file").setInputFiles(TARGET);
    await page.getByTestId("target-file").setInputFiles(SOURCE);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => page.getByTestId("import-warnings").textContent()).toContain("the sides look swapped");
    await page.getByTestId("swap-sides").click();
    await page.waitForURL(/\/documents\/\d+$/, { timeout: 60_000 });
    const first = page.getByTestId("link-row").first();
    await expect.poll(() => first.locator(".cell.source").textContent()).toContain("Last week, leadership changes at AI startup OpenAI");
    expect(await first.locator(".cell.target").textContent()).toContain("Letzte Woche");
    await context.close();
  });

  it("speaks German", async () => {
    const { context, page } = await loggedInContext(browser);
    await page.goto("/import");
    await page.locator(".lang-switch select").selectOption("de");
    await expect.poll(() => page.locator('.import-form button[type="submit"]').textContent()).toBe("Importieren");
    await page.getByTestId("source-text").fill(DE);
    await page.getByTestId("target-text").fill(EN);
    await page.locator('.import-form button[type="submit"]').click();
    await expect.poll(() => page.getByTestId("import-warnings").textContent()).toContain("Die Seiten scheinen vertauscht");
    expect(await page.getByTestId("swap-sides").textContent()).toBe("Seiten tauschen und erneut prüfen");
    await context.close();
  });
});
