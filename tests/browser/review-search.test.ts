// Search and replace, bulk decisions and keyboard annotation on the review page, in Chromium
// against the real server and database (issue #16).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import { createDocument } from "../../lib/db/documents";
import type { DocumentSnapshot } from "../../lib/document";
import { repeatedSeed } from "../helpers/big-document";
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
const currentRow = async (page: Page) => Number(await page.locator('[data-testid="link-row"][aria-current="true"]').getAttribute("data-row-index"));
const selectRow = async (page: Page, i: number) => {
  await row(page, i).locator(".row-number").click();
  await expect.poll(() => row(page, i).getAttribute("aria-current")).toBe("true");
};
const snapshotOf = (page: Page, id: number): Promise<DocumentSnapshot> => page.evaluate((doc) => fetch(`/api/documents/${doc}`).then((r) => r.json()).then((b) => b.snapshot), id);
/** Occurrences of `needle` in the target texts, counted without the search. */
const occurrences = (s: DocumentSnapshot, needle: string) => s.target.reduce((n, x) => n + x.text.split(needle).length - 1, 0);
const linkOfTarget = (s: DocumentSnapshot, position: number) => s.links.findIndex((l) => l.target.includes(position));

describe("search and replace", () => {
  it("finds over the whole document, steps through the matches, replaces one and then all (one undo step)", async () => {
    const id = await importSeedPair(db, "Search: seed pair");
    const { context, page } = await loggedInContext(browser);
    page.on("dialog", (d) => void d.accept());
    await openReview(page, id);
    const before = await snapshotOf(page, id);
    const total = occurrences(before, "KI -");
    expect(total).toBeGreaterThan(5);

    await page.locator("body").press("/");
    const input = page.getByTestId("search-input");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("search-input");
    await input.fill("KI -");
    await page.getByTestId("search-side").selectOption("target");
    await input.press("Enter");
    const count = page.getByTestId("search-count");
    await expect.poll(() => count.textContent()).toBe(`1 of ${total}`);
    expect(await page.getByTestId("search-hit").count()).toBe(total);
    const hits = await page.getByTestId("search-hit").allTextContents();
    expect(hits.every((h) => h.includes("KI -"))).toBe(true);
    // Each step makes the match's link the current row.
    const firstTarget = before.target.findIndex((x) => x.text.includes("KI -"));
    expect(await currentRow(page)).toBe(linkOfTarget(before, firstTarget));
    // The match is marked (selected) in its sentence, and the focus stays in the search field for the next step.
    await expect.poll(() => page.evaluate(() => (getSelection()?.rangeCount ? getSelection()!.getRangeAt(0).toString() : ""))).toBe("KI -");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("search-input");
    await page.keyboard.press("Enter");
    await expect.poll(() => count.textContent()).toBe(`2 of ${total}`);
    await input.press("Shift+Enter");
    await input.press("Shift+Enter");
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total}`);
    const lastTarget = before.target.map((x) => x.text.includes("KI -")).lastIndexOf(true);
    await expect.poll(() => currentRow(page)).toBe(linkOfTarget(before, lastTarget));
    await page.getByTestId("search-hit").nth(1).click();
    await expect.poll(() => count.textContent()).toBe(`2 of ${total}`);

    // Replace the current match only: one fewer, and the sentence reads the replacement.
    await page.getByTestId("replace-input").fill("KI-");
    await page.getByTestId("replace-one").click();
    await expect.poll(() => count.textContent()).toContain(`of ${total - 1}`);
    const afterOne = await snapshotOf(page, id);
    expect(occurrences(afterOne, "KI -")).toBe(total - 1);
    expect(occurrences(afterOne, "KI-")).toBe(occurrences(before, "KI-") + 1);

    // Replace all: no match left; the page shows the new texts.
    await page.getByTestId("replace-all").click();
    await expect.poll(() => count.textContent()).toBe("No match");
    expect(occurrences(await snapshotOf(page, id), "KI -")).toBe(0);
    await expect.poll(() => page.locator('.sentence[data-side="target"] .sentence-text').allTextContents()).not.toContainEqual(expect.stringContaining("KI -"));

    // Escape in the search field goes back to the list; u undoes the whole replace all at once.
    await input.press("Escape");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toMatch(/^row-\d+$/);
    await page.keyboard.press("u");
    await expect.poll(async () => occurrences(await snapshotOf(page, id), "KI -")).toBe(total - 1);
    await page.reload();
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    expect(occurrences(await snapshotOf(page, id), "KI -")).toBe(total - 1);
    await context.close();
  });

  it("says clearly what is wrong with an invalid regular expression, and supports groups", async () => {
    const id = await importSeedPair(db, "Search: regular expressions");
    const { context, page } = await loggedInContext(browser);
    page.on("dialog", (d) => void d.accept());
    await openReview(page, id);
    await page.getByTestId("open-search").click();
    await page.getByTestId("search-regex").check();
    const input = page.getByTestId("search-input");
    await input.fill("(KI");
    await input.press("Enter");
    await expect.poll(() => page.getByTestId("search-error").textContent()).toContain("not a valid regular expression");
    expect(await page.getByTestId("search-error").getAttribute("role")).toBe("alert");
    await input.fill("(\\p{Lu}+) -(\\p{Lu})");
    await page.getByTestId("search-case").check(); // \p{Lu} means capitals only when case counts
    await page.getByTestId("search-side").selectOption("target");
    await input.press("Enter");
    const before = await snapshotOf(page, id);
    const expected = before.target.reduce((n, x) => n + [...x.text.matchAll(/(\p{Lu}+) -(\p{Lu})/gu)].length, 0);
    await expect.poll(() => page.getByTestId("search-count").textContent()).toBe(`1 of ${expected}`);
    expect(await page.getByTestId("search-error").count()).toBe(0);
    await page.getByTestId("replace-input").fill("$1-$2");
    await page.getByTestId("replace-all").click();
    await expect.poll(() => page.getByTestId("search-count").textContent()).toBe("No match");
    const after = await snapshotOf(page, id);
    expect(after.target.map((x) => x.text)).toEqual(before.target.map((x) => x.text.replace(/(\p{Lu}+) -(\p{Lu})/gu, "$1-$2")));
    await context.close();
  });

  it("on a windowed list of 600 links, stepping to a match far down scrolls the list to it", async () => {
    const id = await createDocument(db, repeatedSeed(40));
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const snapshot = await snapshotOf(page, id);
    expect(snapshot.links.length).toBeGreaterThan(500);
    await page.locator("body").press("/");
    const input = page.getByTestId("search-input");
    await input.fill("KI -Branche");
    await input.press("Shift+Enter"); // from nothing, backwards: the last match
    const total = occurrences(snapshot, "KI -Branche");
    await expect.poll(() => page.getByTestId("search-count").textContent()).toBe(`${total} of ${total}`);
    const lastTarget = snapshot.target.map((x) => x.text.includes("KI -Branche")).lastIndexOf(true);
    const link = linkOfTarget(snapshot, lastTarget);
    expect(link).toBeGreaterThan(500);
    // The row is mounted and inside the list's viewport.
    const inView = () => page.evaluate((i) => {
      const el = document.querySelector(`[data-testid="link-row"][data-row-index="${i}"]`);
      const list = document.querySelector(".review-list");
      if (!el || !list) return false;
      const r = el.getBoundingClientRect();
      const v = list.getBoundingClientRect();
      return r.bottom > v.top && r.top < v.bottom;
    }, link);
    await expect.poll(inView).toBe(true);
    expect(await row(page, link).getAttribute("aria-current")).toBe("true");
    expect(await page.locator('[data-testid="link-row"]').count()).toBeLessThan(200);
    await context.close();
  });
});

describe("bulk decisions", () => {
  it("accepts all 16 spaced-hyphen suggestions at once and takes them back with one undo; dismisses every finding of a check", async () => {
    const id = await importSeedPair(db, "Bulk: decisions");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const before = await snapshotOf(page, id);
    // Dismiss every finding of one check (they change no text).
    const terms = before.flags.filter((f) => f.status === "open" && f.detector === "inconsistent-term");
    expect(terms.length).toBeGreaterThan(1);
    await selectRow(page, before.links.findIndex((l) => l[terms[0].side].includes(terms[0].sentence)));
    await page.getByTestId("link-panel").locator(`[data-testid="finding-item"][data-flag-id="${terms[0].id}"]`).getByTestId("dismiss-detector").click();
    await expect.poll(() => page.getByTestId("review-notice").textContent()).toContain(`Dismissed ${terms.length} findings`);
    expect((await snapshotOf(page, id)).flags.filter((f) => f.detector === "inconsistent-term").every((f) => f.status === "dismissed")).toBe(true);

    const spaced = before.flags.filter((f) => f.status === "open" && f.message.key === "spacing.spacedHyphen");
    expect(spaced).toHaveLength(16);
    await selectRow(page, linkOfTarget(before, spaced[0].sentence));
    const accept = page.getByTestId("link-panel").locator(`[data-testid="finding-item"][data-flag-id="${spaced[0].id}"]`).getByTestId("accept-similar");
    expect(await accept.textContent()).toBe("Accept all 16 like this");
    await accept.click();
    await expect.poll(() => page.getByTestId("review-notice").textContent()).toContain("Accepted 16 suggestions");
    const after = await snapshotOf(page, id);
    expect(after.flags.filter((f) => spaced.some((s) => s.id === f.id)).map((f) => f.status)).toEqual(spaced.map(() => "accepted"));
    for (const f of spaced) expect(after.target[f.sentence].text).toContain(f.suggestion);
    await page.keyboard.press("u");
    await expect.poll(async () => (await snapshotOf(page, id)).flags.filter((f) => spaced.some((s) => s.id === f.id) && f.status === "open").length).toBe(16);
    expect((await snapshotOf(page, id)).target.map((x) => x.text)).toEqual(before.target.map((x) => x.text));

    await context.close();
  });
});

describe("keyboard", () => {
  it("selects words with Shift+arrows and annotates them without a mouse", async () => {
    const id = await importSeedPair(db, "Keyboard: annotate");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const snapshot = await snapshotOf(page, id);
    await selectRow(page, 2);
    const words = snapshot.target[snapshot.links[2].target[0]].text.split(/\s+/).filter(Boolean);
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(`${words[0]} ${words[1]}`);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(`${words[1]} ${words[2]}`);
    await page.keyboard.press("Shift+ArrowLeft");
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(words[1]);
    // the other sentence of the link (the source), from its first word
    await page.keyboard.press("Shift+ArrowDown");
    const sourceWords = snapshot.source[snapshot.links[2].source[0]].text.split(/\s+/).filter(Boolean);
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(sourceWords[0]);
    await page.keyboard.press("Shift+ArrowUp");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(words[1]);
    await page.keyboard.press("a");
    const form = page.getByTestId("annotation-form");
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel("Comment").fill("annotated from the keyboard");
    await form.getByLabel("Comment").press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => row(page, 2).getByTestId("annotation-mark").allTextContents()).toEqual([words[1]]);
    expect(await page.getByTestId("annotation-item").textContent()).toContain("annotated from the keyboard");
    await context.close();
  });

  it("moves sentences with keys that need no AltGr, Escape leaves the filter, Enter on a finding without a fix says so", async () => {
    const id = await importSeedPair(db, "Keyboard: layouts");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const snapshot = await snapshotOf(page, id);
    const sourceOf = (i: number) => row(page, i).locator('.sentence[data-side="source"] .sentence-text').allTextContents();
    const first = await sourceOf(0);
    await selectRow(page, 0);
    await page.keyboard.press("."); // source: last sentence to the next link (also ] )
    await expect.poll(() => sourceOf(1)).toContain(first[first.length - 1]);
    await selectRow(page, 1);
    await page.keyboard.press(","); // and back (also [ )
    await expect.poll(() => sourceOf(0)).toEqual(first);
    const targetOf = (i: number) => row(page, i).locator('.sentence[data-side="target"] .sentence-text').allTextContents();
    const target0 = await targetOf(0);
    await selectRow(page, 0);
    await page.keyboard.press(":"); // target: last sentence to the next link (also } )
    await expect.poll(() => targetOf(1)).toContain(target0[target0.length - 1]);
    await selectRow(page, 1);
    await page.keyboard.press(";"); // and back (also { )
    await expect.poll(() => targetOf(0)).toEqual(target0);

    await page.keyboard.press("f");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("filter");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toBe("row-1");
    await page.keyboard.press("j");
    await expect.poll(() => currentRow(page)).toBe(2);

    // A marked span whose findings all come without a suggestion (inconsistent terms, compounds …).
    const fixable = new Set(snapshot.flags.filter((f) => f.suggestion !== undefined).map((f) => String(f.id)));
    const spans = await page.getByTestId("finding-mark").evaluateAll((marks) => marks.map((m) => m.getAttribute("data-flag-ids")!));
    const plainSpan = spans.find((ids) => ids.split(" ").every((fid) => !fixable.has(fid)));
    expect(plainSpan, "the seed pair has findings without a suggestion").toBeDefined();
    const mark = page.locator(`[data-testid="finding-mark"][data-flag-ids="${plainSpan}"]`).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.focus();
    await mark.press("Enter");
    await expect.poll(() => page.getByTestId("review-notice").textContent()).toContain("has no suggestion");
    expect(await page.getByTestId("review-notice").getAttribute("data-kind")).toBe("info");
    await context.close();
  });

  it("lists the new keys in the shortcut overlay, in English and German", async () => {
    const id = await importSeedPair(db, "Keyboard: overlay");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    await page.keyboard.press("?");
    const overlay = page.getByTestId("shortcuts-overlay");
    await expect.poll(() => overlay.isVisible()).toBe(true);
    const english = (await overlay.textContent())!;
    for (const text of ["Search (and replace) in the whole document", "Select words: one more word", "Shift+→", "back to the list"]) expect(english).toContain(text);
    const keysOf = (label: string) => overlay.locator("tr", { hasText: label }).locator("kbd").allTextContents();
    expect(await keysOf("Source: last sentence to next link")).toEqual(["Alt+↓", ".", "]"]);
    expect(await keysOf("Search (and replace)")).toEqual(["/"]);
    await page.keyboard.press("Escape");
    await page.getByLabel("Language").selectOption("de");
    await expect.poll(() => page.getByTestId("ui-language").textContent()).toBe("de");
    await page.keyboard.press("?");
    const german = page.getByTestId("shortcuts-overlay");
    await expect.poll(() => german.textContent()).toContain("Im ganzen Dokument suchen");
    expect(await german.textContent()).toContain("Wörter markieren: ein Wort mehr");
    expect(await german.textContent()).toContain("zurück zur Liste");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Suchen", exact: true }).click();
    expect(await page.getByTestId("search-panel").textContent()).toContain("Groß/klein beachten");
    await context.close();
  });
});
