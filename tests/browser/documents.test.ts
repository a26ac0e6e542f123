// The document list: rename in place, delete with a confirmation to the trash, restore (issue #16).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import { importSeedPair, launchBrowser, loggedInContext } from "./browser";

describe("document list: rename, delete, restore", () => {
  let browser: Browser;
  let db: Db;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = createDb(inject("databaseUrl"));
  });
  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
  });

  it("renames a document, deletes it after confirming, and restores it from the trash", async () => {
    const id = await importSeedPair(db, "Pair to rename");
    const { context, page } = await loggedInContext(browser);
    await page.goto("/");
    const row = () => page.getByTestId("document-row").filter({ has: page.locator(`a[href="/documents/${id}"]`) });

    await row().getByTestId("rename").click();
    await row().getByTestId("rename-input").fill("Renamed in the browser");
    await row().getByRole("button", { name: "Save" }).click();
    await expect.poll(() => row().textContent()).toContain("Renamed in the browser");

    // Dismissing the confirmation keeps the document.
    page.once("dialog", (d) => void d.dismiss());
    await row().getByTestId("delete").click();
    await page.waitForTimeout(300);
    expect(await row().count()).toBe(1);

    page.once("dialog", (d) => { expect(d.message()).toContain("Renamed in the browser"); void d.accept(); });
    await row().getByTestId("delete").click();
    await expect.poll(() => row().count()).toBe(0);
    const trash = page.getByTestId("trash");
    await trash.locator("summary").click();
    const trashed = page.getByTestId("trash-row").filter({ hasText: "Renamed in the browser" });
    expect(await trashed.count()).toBe(1);
    expect((await page.request.get(`/documents/${id}`)).status()).toBe(404);

    await trashed.getByTestId("restore").click();
    await expect.poll(() => row().count()).toBe(1);
    await page.goto(`/documents/${id}`);
    await expect.poll(() => page.getByTestId("link-row").count()).toBe(15);
    await context.close();
  });
});
