// Issue 16, polish: the review page fits the window, numbers follow the UI language, a failed login
// keeps the login, the finding hint stays inside the window and goes when the filter changes, and a
// single-language text is labelled as one text.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import { importDocument } from "../../lib/import";
import { baseURL, importSeedPair, launchBrowser, loggedInContext, openReview } from "./browser";

let db: Db;
let browser: Browser;
beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});


describe("polish", () => {
  it("fits the review page into the window: no outer scrollbar", async () => {
    const id = await importSeedPair(db, "Polish: window height");
    const { context, page } = await loggedInContext(browser);
    for (const size of [{ width: 1280, height: 720 }, { width: 1600, height: 1000 }]) {
      await page.setViewportSize(size);
      await openReview(page, id);
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, inner: window.innerHeight }));
      expect(scroll, `page height at ${size.width}×${size.height}`).toBeLessThanOrEqual(inner);
      // The list still scrolls inside the page.
      expect(await page.locator(".review-list").evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    }
    await context.close();
  });

  it("writes confidences with a decimal comma in the German UI", async () => {
    const id = await importSeedPair(db, "Polish: German numbers");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const confidence = page.locator('[data-testid="link-row"] .cell.confidence .num').first();
    expect(await confidence.textContent()).toMatch(/^[01]\.\d\d$/);
    await page.getByLabel("Language").selectOption("de");
    await expect.poll(() => page.getByTestId("ui-language").textContent()).toBe("de");
    await expect.poll(() => confidence.textContent()).toMatch(/^[01],\d\d$/);
    await context.close();
  });

  it("keeps the login (not the password) after a failed login", async () => {
    const context = await browser.newContext({ baseURL: baseURL(), locale: "en-GB" });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Login").fill(inject("reviewers")[0].login);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => page.locator("#login-error").count()).toBe(1);
    expect(await page.getByLabel("Login").inputValue()).toBe(inject("reviewers")[0].login);
    expect(await page.getByLabel("Password").inputValue()).toBe("");
    await context.close();
  });

  it("keeps the finding hint inside the window and closes it when the filter changes", async () => {
    const id = await importSeedPair(db, "Polish: finding hint");
    const { context, page } = await loggedInContext(browser);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openReview(page, id);
    // The marked words lowest in the window: a hint below them would run off the bottom.
    const marks = page.getByTestId("finding-mark");
    const lowest = await marks.evaluateAll((els) => {
      let best = -1;
      let bottom = -1;
      els.forEach((el, i) => { const r = el.getBoundingClientRect(); if (r.bottom < window.innerHeight && r.top > 0 && r.bottom > bottom) { bottom = r.bottom; best = i; } });
      return { best, bottom, height: window.innerHeight };
    });
    expect(lowest.best).toBeGreaterThanOrEqual(0);
    expect(lowest.bottom, "a mark in the lower half of the window").toBeGreaterThan(lowest.height / 2);
    await marks.nth(lowest.best).focus();
    const hint = page.getByTestId("finding-hint");
    await expect.poll(() => hint.isVisible()).toBe(true);
    const box = (await hint.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    // The filter changes while the marked words keep the focus (as from a shortcut): the hint goes anyway.
    await page.waitForTimeout(400);
    expect(await hint.isVisible()).toBe(true);
    await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="filter"]')!;
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, "unconfirmed");
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await expect.poll(() => hint.count()).toBe(0);
    await context.close();
  });

  it("labels a single-language text as one text", async () => {
    const { id } = await importDocument(db, {
      title: "Polish: single language",
      source: { label: "002.txt", lang: "en", bytes: new Uint8Array(readFileSync("fixtures/seeds/002_c92fd515c658d046.txt")) },
      target: null,
      acceptWarnings: true,
    });
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const head = page.locator(".list-head");
    expect(await head.textContent()).toContain("Text (en)");
    expect(await head.textContent()).not.toContain("Source");
    // One column of text: the list takes the room a second column would have had.
    const list = (await page.locator(".review-list-wrap").boundingBox())!;
    expect(list.width).toBeGreaterThan(1280 * 0.6);
    await context.close();
  });
});
