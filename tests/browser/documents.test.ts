// The document list (issue #16): a reviewer renames in place; an admin deletes after a confirmation,
// to the trash, and restores from it.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import { createReviewer } from "../../lib/db/reviewers";
import { importSeedPair, launchBrowser, loggedInContext, loginAs } from "./browser";

describe("document list: rename, delete, restore", () => {
  let browser: Browser;
  let db: Db;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = createDb(inject("databaseUrl"));
    await createReviewer(db, { login: "trashadmin", displayName: "Tessa Trash", password: "trash admin password", role: "admin" });
  });
  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
  });

  it("renames a document, deletes it after confirming, and restores it from the trash", async () => {
    const id = await importSeedPair(db, "Pair to rename");
    const reviewer = await loggedInContext(browser);
    await reviewer.page.goto("/");
    const rowOf = (page: typeof reviewer.page) => page.getByTestId("document-row").filter({ has: page.locator(`a[href="/documents/${id}"]`) });
    expect(await rowOf(reviewer.page).getByTestId("delete").count()).toBe(0);
    await rowOf(reviewer.page).getByTestId("rename").click();
    await rowOf(reviewer.page).getByTestId("rename-input").fill("Renamed in the browser");
    await rowOf(reviewer.page).getByRole("button", { name: "Save" }).click();
    await expect.poll(() => rowOf(reviewer.page).textContent()).toContain("Renamed in the browser");
    await reviewer.context.close();

    const { context, page } = await loginAs(browser, "trashadmin", "trash admin password");
    const row = () => rowOf(page);

    // Dismissing the confirmation keeps the document.
    page.once("dialog", (d) => void d.dismiss());
    await row().getByTestId("delete").click();
    await page.waitForTimeout(300);
    expect(await row().count()).toBe(1);

    page.once("dialog", (d) => { expect(d.message()).toContain("Renamed in the browser"); void d.accept(); });
    await row().getByTestId("delete").click();
    await expect.poll(() => row().count()).toBe(0);
    const trashed = page.getByTestId("deleted-row").filter({ hasText: "Renamed in the browser" });
    await expect.poll(() => trashed.count()).toBe(1);
    expect(await trashed.textContent()).toMatch(/removed for good on/);
    expect((await page.request.get(`/documents/${id}`)).status()).toBe(404);

    await trashed.getByTestId("restore").click();
    await expect.poll(() => row().count()).toBe(1);
    await page.goto(`/documents/${id}`);
    await expect.poll(() => page.getByTestId("link-row").count()).toBe(15);
    await context.close();
  });
});
