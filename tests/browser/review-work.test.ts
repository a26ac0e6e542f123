// Issue 16, the review page: comments on a link (author, time, replies), filters by corrected,
// commented and reviewer, and history entries that say which finding was decided how.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import type { DocumentSnapshot } from "../../lib/document";
import { importSeedPair, launchBrowser, loggedInContext, openReview } from "./browser";

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

const row = (page: Page, i: number) => page.locator(`[data-testid="link-row"][data-row-index="${i}"]`);

describe("review page: comments, filters by work, history details", () => {
  it("comments on a link and another reviewer replies; the filter finds the commented link", async () => {
    const id = await importSeedPair(db, "Work: comments");
    const rita = inject("reviewers")[0];
    const sam = inject("reviewers")[1];
    const first = await loggedInContext(browser, 0);
    await openReview(first.page, id);
    await row(first.page, 3).locator(".row-number").click();
    const comments = first.page.getByTestId("comments");
    await expect.poll(() => comments.textContent()).toContain("No comments on this link yet.");
    await comments.getByTestId("comment-input").fill("Is this pair really aligned?");
    await comments.getByRole("button", { name: "Comment" }).click();
    await expect.poll(() => comments.getByTestId("comment").count()).toBe(1);
    expect(await comments.getByTestId("comment").first().textContent()).toContain(rita.displayName);

    const second = await loggedInContext(browser, 1);
    await openReview(second.page, id);
    await row(second.page, 3).locator(".row-number").click();
    const theirs = second.page.getByTestId("comments");
    await expect.poll(() => theirs.getByTestId("comment").count()).toBe(1);
    await theirs.getByRole("button", { name: "Reply" }).click();
    await theirs.getByLabel("Reply").fill("Yes, checked against the source.");
    await theirs.getByRole("button", { name: "Reply" }).click();
    await expect.poll(() => theirs.locator(".replies [data-testid='comment']").count()).toBe(1);
    expect(await theirs.locator(".replies").textContent()).toContain(sam.displayName);

    await second.page.getByTestId("filter").selectOption("commented");
    await expect.poll(() => second.page.getByTestId("link-row").count()).toBe(1);
    expect(await second.page.getByTestId("link-row").first().getAttribute("data-row-index")).toBe("3");
    await first.context.close();
    await second.context.close();
  });

  it("filters corrected links and one reviewer's work, and the history names the finding decided", async () => {
    const id = await importSeedPair(db, "Work: filters and history");
    const rita = inject("reviewers")[0];
    const { context, page } = await loggedInContext(browser, 0);
    await openReview(page, id);
    const { snapshot } = await page.evaluate((doc) => fetch(`/api/documents/${doc}`).then((r) => r.json()), id) as { snapshot: DocumentSnapshot };
    const flag = snapshot.flags.find((f) => f.status === "open" && f.side === "target" && f.sentence >= 0)!;
    const mark = page.locator(`[data-testid="finding-mark"][data-flag-ids~="${flag.id}"]`).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.focus();
    await mark.press("Delete");
    await expect.poll(() => page.locator(`[data-testid="finding-mark"][data-flag-ids~="${flag.id}"]`).count()).toBe(0);

    await page.getByTestId("filter").selectOption("edited");
    await expect.poll(() => page.getByTestId("link-row").count()).toBe(0);
    await page.getByTestId("filter").selectOption(`reviewer:${rita.login}`);
    await expect.poll(() => page.getByTestId("link-row").count()).toBe(1);
    expect(await page.locator("[data-testid='filter'] option:checked").textContent()).toBe(rita.displayName);

    await page.getByRole("button", { name: "Document history" }).click();
    const entry = page.getByTestId("document-history").getByTestId("history-finding").first();
    await expect.poll(() => entry.textContent()).toContain("Dismissed");
    const text = snapshot.target[flag.sentence].text.slice(flag.span[0], flag.span[1]);
    expect(await entry.textContent()).toContain(`“${text}”`);
    expect(await entry.textContent()).toContain("Open → Dismissed");
    await context.close();
  });
});
