// Issue 16, the score that means one thing: accepting a suggestion on the review page and typing the
// same correction by hand give the same report figures; the report page explains its two figures
// (as delivered, open after review) in English and German, with the reviewer's display name.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import type { DocumentSnapshot, FlagRecord } from "../../lib/document";
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


async function spacingFinding(page: Page, id: number): Promise<{ snapshot: DocumentSnapshot; flag: FlagRecord }> {
  const { snapshot } = await page.evaluate((doc) => fetch(`/api/documents/${doc}`).then((r) => r.json()), id) as { snapshot: DocumentSnapshot };
  const flag = snapshot.flags.find((f) => f.status === "open" && f.detector === "spacing" && f.suggestion !== undefined && snapshot.target[f.sentence]?.text.startsWith("KI -", f.span[0]));
  expect(flag, "the seed translation has a 'KI -' spacing finding").toBeDefined();
  return { snapshot, flag: flag! };
}

/** The figures of both score groups as the page shows them. */
async function figures(page: Page, id: number) {
  await page.goto(`/documents/${id}/report`);
  const group = (kind: string) => page.getByTestId(`score-${kind}`).locator(".cards").textContent();
  return { delivered: await group("delivered"), remaining: await group("remaining"), counted: Number(await page.getByTestId("counted-remaining").textContent()) };
}

describe("report: as delivered and open after review", () => {
  it("gives the same figures for an accepted suggestion and the same correction typed by hand", async () => {
    const untouched = await importSeedPair(db, "Score: untouched");
    const accepted = await importSeedPair(db, "Score: accepted");
    const byHand = await importSeedPair(db, "Score: fixed by hand");
    const { context, page } = await loggedInContext(browser);

    await openReview(page, accepted);
    const a = await spacingFinding(page, accepted);
    const mark = page.locator(`[data-testid="finding-mark"][data-flag-ids~="${a.flag.id}"]`).first();
    // Enter takes the first suggestion on the marked words; make sure it is this one.
    const onSpan = (await mark.getAttribute("data-flag-ids"))!.split(" ").map(Number);
    expect(onSpan.find((fid) => a.snapshot.flags.find((f) => f.id === fid)?.suggestion !== undefined)).toBe(a.flag.id);
    await mark.scrollIntoViewIfNeeded();
    await mark.focus();
    await mark.press("Enter");
    await expect.poll(() => page.locator(`[data-testid="finding-mark"][data-flag-ids~="${a.flag.id}"]`).count()).toBe(0);

    await openReview(page, byHand);
    const h = await spacingFinding(page, byHand);
    const segment = h.snapshot.target[h.flag.sentence];
    const corrected = segment.text.slice(0, h.flag.span[0]) + h.flag.suggestion + segment.text.slice(h.flag.span[1]);
    const sentence = page.locator(`.sentence[data-segment-id="${segment.id}"]`);
    await sentence.scrollIntoViewIfNeeded();
    await sentence.locator(".sentence-text").click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("e");
    const editor = sentence.locator("textarea");
    await expect.poll(() => editor.count()).toBe(1);
    await editor.fill(corrected);
    await editor.press("Enter");
    await expect.poll(() => sentence.getByTestId("correction").count()).toBe(1);

    const before = await figures(page, untouched);
    const afterAccept = await figures(page, accepted);
    const afterHand = await figures(page, byHand);
    expect(afterHand).toEqual(afterAccept);
    expect(afterAccept.delivered).toBe(before.delivered);
    expect(afterAccept.counted).toBe(before.counted - 1);
    // The finding fixed by hand is listed as such, with the words it flagged.
    const issue = page.locator(`[data-testid="report-issues"] [data-kind="finding"][data-id="${h.flag.id}"]`);
    expect(await issue.textContent()).toContain("Fixed by hand");
    await context.close();
  });

  it("explains both figures, names reviewers by display name, and speaks German with German numbers", async () => {
    const id = await importSeedPair(db, "Score: explained");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const { flag } = await spacingFinding(page, id);
    const mark = page.locator(`[data-testid="finding-mark"][data-flag-ids~="${flag.id}"]`).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.focus();
    await mark.press("Delete");
    await expect.poll(() => page.locator(`[data-testid="finding-mark"][data-flag-ids~="${flag.id}"]`).count()).toBe(0);

    await page.goto(`/documents/${id}/report`);
    const score = page.getByTestId("score");
    expect(await score.textContent()).toContain("As delivered");
    expect(await score.textContent()).toContain("Open after review");
    expect(await score.textContent()).toContain("accepting a suggestion and fixing the same words by hand give the same figures");
    const issue = page.locator(`[data-testid="report-issues"] [data-kind="finding"][data-id="${flag.id}"]`);
    expect(await issue.textContent()).toContain(`Dismissed by ${inject("reviewers")[0].displayName}`);
    expect(await page.locator("#activity").textContent()).toContain(inject("reviewers")[0].displayName);
    expect(await page.locator("#activity").textContent()).not.toMatch(new RegExp(`\\b${inject("reviewers")[0].login}\\b`));

    await page.getByLabel("Language").selectOption("de");
    await expect.poll(() => page.getByTestId("score").textContent()).toContain("Wie geliefert");
    expect(await score.textContent()).toContain("Nach der Prüfung offen");
    expect(await page.getByTestId("quality-delivered").textContent()).toMatch(/^-?\d+,\d\d$/);
    await context.close();
  });
});
