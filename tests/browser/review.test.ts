// The review page in Chromium against the real server and database: alignment operations by
// keyboard and mouse, text corrections, findings, annotations, persistence across reloads,
// undo/redo, a second reviewer's conflict, HTML in sentences, the map and the German UI.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb, type Db } from "../../lib/db/client";
import { createDocument } from "../../lib/db/documents";
import type { DocumentSnapshot, LinkRecord, SegmentRecord } from "../../lib/document";
import { importDocument } from "../../lib/import";
import { importSeedPair as importSeedPairInto, launchBrowser, loggedInContext, openReview } from "./browser";


let db: Db;
let browser: Browser;

const importSeedPair = (title: string) => importSeedPairInto(db, title);


const rows = (page: Page) => page.getByTestId("link-row");
const row = (page: Page, i: number) => page.locator(`[data-testid="link-row"][data-row-index="${i}"]`);
const rowText = async (page: Page, i: number) => (await row(page, i).textContent()) ?? "";
/** Makes row i the current one the way a mouse user does (click on its number). */
const selectRow = async (page: Page, i: number) => {
  await row(page, i).locator(".row-number").click();
  await expect.poll(() => row(page, i).getAttribute("aria-current")).toBe("true");
};
const sourceTexts = (page: Page, i: number) => row(page, i).locator('.sentence[data-side="source"] .sentence-text').allTextContents();

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe("review page", () => {
  it("a re-align that changes nothing is a quiet notice, not a refusal", async () => {
    const id = await importSeedPair("Review: harmless no-op");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const responses: number[] = [];
    page.on("response", (r) => { if (r.url().includes("/operations")) responses.push(r.status()); });
    await selectRow(page, 0);
    // The seed pair is aligned one to one already: re-aligning from the first link changes nothing.
    await page.keyboard.press("r");
    const notice = page.getByTestId("review-notice");
    await expect.poll(() => notice.getAttribute("data-kind")).toBe("info");
    expect(await notice.textContent()).toContain("Nothing to change");
    expect(responses).toEqual([200]);
    await context.close();
  });

  it("merges, splits, shifts, inserts a gap and confirms by keyboard; all of it survives a reload; undo and redo too", async () => {
    const id = await importSeedPair("Review: alignment operations");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const n = await rows(page).count();
    expect(n).toBeGreaterThan(5);

    // merge row 0 with the next: one row fewer, row 0 now holds row 1's sentences
    const secondSource = (await sourceTexts(page, 1))[0];
    await selectRow(page, 0);
    await page.keyboard.press("m");
    await expect.poll(() => rows(page).count()).toBe(n - 1);
    expect(await sourceTexts(page, 0)).toContain(secondSource);
    // Merging is not confirming: the merged link stays unconfirmed until the reviewer confirms it.
    expect(await row(page, 0).getAttribute("data-status")).toBe("automatic");

    // split it again: back to n rows, row 1 starts with that sentence again
    await page.keyboard.press("s");
    await expect.poll(() => rows(page).count()).toBe(n);
    expect((await sourceTexts(page, 1))[0]).toBe(secondSource);

    // shift: the last source sentence of row 0 moves to row 1
    const firstSource = await sourceTexts(page, 0);
    await selectRow(page, 0);
    await page.keyboard.press("]");
    await expect.poll(() => sourceTexts(page, 1)).toContain(firstSource[firstSource.length - 1]);
    expect(await sourceTexts(page, 0)).not.toContain(firstSource[firstSource.length - 1]);
    // Neither the link that gave the sentence nor the neighbour that only received it is confirmed by the shift.
    expect([await row(page, 0).getAttribute("data-status"), await row(page, 1).getAttribute("data-status")]).toEqual(["automatic", "automatic"]);
    // and back with the mouse (Source: first sentence to previous link) on row 1
    await selectRow(page, 1);
    await page.getByTestId("link-panel").locator('[data-command="shiftSourceUp"]').click();
    await expect.poll(() => sourceTexts(page, 0)).toEqual(firstSource);

    // insert a gap on row 2: its source and target get links of their own
    const gapSource = (await sourceTexts(page, 2)).join(" ");
    await selectRow(page, 2);
    await page.keyboard.press("g");
    await expect.poll(() => rows(page).count()).toBe(n + 1);
    expect(await rowText(page, 2)).toContain("possible omission");
    expect(await rowText(page, 3)).toContain("possible addition");
    expect((await sourceTexts(page, 2)).join(" ")).toBe(gapSource);

    // confirm row 5
    await selectRow(page, 5);
    await page.keyboard.press("c");
    await expect.poll(() => row(page, 5).getAttribute("data-status")).toBe("confirmed");

    await page.reload();
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    expect(await rows(page).count()).toBe(n + 1);
    expect(await row(page, 5).getAttribute("data-status")).toBe("confirmed");
    expect(await rowText(page, 2)).toContain("possible omission");
    expect(await sourceTexts(page, 0)).toEqual(firstSource);

    // undo the confirmation (the reviewer's latest change), also after a reload; then redo
    await expect.poll(() => page.getByRole("button", { name: "Undo", exact: true }).isEnabled()).toBe(true);
    await page.keyboard.press("u");
    await expect.poll(() => row(page, 5).getAttribute("data-status")).toBe("automatic");
    await page.reload();
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    expect(await row(page, 5).getAttribute("data-status")).toBe("automatic");
    await expect.poll(() => page.getByRole("button", { name: "Redo", exact: true }).isEnabled()).toBe(true);
    await page.keyboard.press("U");
    await expect.poll(() => row(page, 5).getAttribute("data-status")).toBe("confirmed");
    await page.reload();
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    expect(await row(page, 5).getAttribute("data-status")).toBe("confirmed");

    // the link's own history (h), then the document's, each with the author
    await selectRow(page, 5);
    await page.keyboard.press("h");
    const linkHistory = page.getByTestId("link-panel").getByTestId("history-list");
    await expect.poll(() => linkHistory.textContent()).toContain("Confirmed link");
    expect(await linkHistory.textContent()).toContain("Rita Reviewer");
    // the document history lists what happened, with the author
    await page.getByRole("button", { name: "Document history" }).click();
    const history = page.getByTestId("document-history");
    await expect.poll(() => history.getByTestId("history-entry").count()).toBeGreaterThanOrEqual(6);
    expect(await history.textContent()).toContain("Rita Reviewer");
    expect(await history.textContent()).toContain("Merged with next link");
    await context.close();
  });

  it("corrects “Führungsstrang” in place, shows a word diff with author and time, and keeps it after a reload", async () => {
    const id = await importSeedPair("Review: correction");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const sentence = page.locator('.sentence[data-side="target"]', { hasText: "Führungsstrang" }).first();
    const segmentId = await sentence.getAttribute("data-segment-id");
    await sentence.locator(".sentence-text").click({ position: { x: 2, y: 2 } });
    await page.keyboard.press("e");
    const editor = page.locator(`.sentence[data-segment-id="${segmentId}"] textarea`);
    await expect.poll(() => editor.count()).toBe(1);
    const original = await editor.inputValue();
    expect(original).toContain("Führungsstrang Kontroverse");
    await editor.fill(original.replace("Führungsstrang Kontroverse", "Kontroverse um die Führung"));
    await editor.press("Enter");

    const corrected = page.locator(`.sentence[data-segment-id="${segmentId}"]`);
    await expect.poll(() => corrected.getByTestId("correction").count()).toBe(1);
    expect(await corrected.locator(".sentence-text").textContent()).toContain("Die Kontroverse um die Führung bei OpenAI");
    expect((await corrected.locator("del").allTextContents()).join(" ")).toContain("Führungsstrang");
    expect((await corrected.locator("ins").allTextContents()).join(" ")).toContain("Führung");
    expect(await corrected.getByTestId("correction").textContent()).toMatch(/corrected by Rita Reviewer, \d/);

    await page.reload();
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    const again = page.locator(`.sentence[data-segment-id="${segmentId}"]`);
    expect(await again.locator(".sentence-text").textContent()).toContain("Die Kontroverse um die Führung bei OpenAI");
    expect(await again.getByTestId("correction").textContent()).toContain("Rita Reviewer");
    expect((await again.locator("del").allTextContents()).join(" ")).toContain("Führungsstrang");
    await context.close();
  });

  it("shows findings on their spans with explanation and suggestion, and records a dismissal", async () => {
    const id = await importSeedPair("Review: findings");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const marks = page.getByTestId("finding-mark");
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    const before = await page.evaluate(() => [...document.querySelectorAll("[data-flag-ids]")].reduce((n, m) => n + m.getAttribute("data-flag-ids")!.split(" ").length, 0));

    // the filter narrows the list to links with open findings; n walks through them
    await page.getByTestId("filter").selectOption("flagged");
    const flaggedRows = await rows(page).count();
    expect(flaggedRows).toBeGreaterThan(0);
    expect(flaggedRows).toBeLessThan(await page.evaluate((doc) => fetch(`/api/documents/${doc}`).then((r) => r.json()).then((b) => b.snapshot.links.length), id));
    for (let i = 0; i < flaggedRows; i++) expect(await rows(page).nth(i).locator(".flag-count").count()).toBe(1);
    await page.locator("body").press("n");
    const firstFlagged = Number(await rows(page).first().getAttribute("data-row-index"));
    await expect.poll(async () => Number(await page.locator('[data-testid="link-row"][aria-current="true"]').getAttribute("data-row-index"))).toBeGreaterThanOrEqual(firstFlagged);
    await page.getByTestId("filter").selectOption("all");
    const mark = marks.first();
    const flagId = await mark.getAttribute("data-flag-id");
    await mark.focus();
    const hint = page.getByTestId("finding-hint");
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect((await hint.textContent())?.length).toBeGreaterThan(10);
    await mark.press("Delete");
    await expect.poll(() => page.locator(`[data-testid="finding-mark"][data-flag-ids~="${flagId}"]`).count()).toBe(0);
    expect(await page.evaluate(() => [...document.querySelectorAll("[data-flag-ids]")].reduce((n, m) => n + m.getAttribute("data-flag-ids")!.split(" ").length, 0))).toBeLessThan(before);
    await page.reload();
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    expect(await page.locator(`[data-testid="finding-mark"][data-flag-ids~="${flagId}"]`).count()).toBe(0);
    // the decision stays visible (and reversible) in the panel of its link
    const item = page.locator(`[data-testid="finding-item"][data-flag-id="${flagId}"]`);
    const rowIndex = await page.evaluate((fid) => {
      // the finding's link is whichever row lists it once selected; find it through the API
      return fetch(location.pathname.replace("/documents/", "/api/documents/")).then((r) => r.json()).then((b) => {
        const flag = b.snapshot.flags.find((f: { id: number }) => f.id === Number(fid));
        return b.snapshot.links.findIndex((l: { source: number[]; target: number[] }) => l[flag.side as "source" | "target"].includes(flag.sentence));
      });
    }, flagId);
    await selectRow(page, rowIndex);
    await expect.poll(() => item.textContent()).toContain("Dismissed");
    await context.close();
  });

  it("accepts a finding's suggestion as a text correction", async () => {
    const id = await importSeedPair("Review: accept a finding");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const { snapshot } = await page.evaluate((doc) => fetch(`/api/documents/${doc}`).then((r) => r.json()), id);
    const flag = (snapshot as DocumentSnapshot).flags.find((f) => f.status === "open" && f.suggestion !== undefined && f.sentence >= 0);
    expect(flag, "the seed pair has findings with a suggested fix").toBeDefined();
    const segment = (snapshot as DocumentSnapshot)[flag!.side][flag!.sentence];
    const expected = segment.text.slice(0, flag!.span[0]) + flag!.suggestion + segment.text.slice(flag!.span[1]);
    // several detectors may mark the same words; Enter takes the first suggestion on them
    const mark = page.locator(`[data-testid="finding-mark"][data-flag-ids~="${flag!.id}"]`).first();
    const onSpan = (await mark.getAttribute("data-flag-ids"))!.split(" ").map(Number);
    expect(onSpan.find((fid) => (snapshot as DocumentSnapshot).flags.find((f) => f.id === fid)?.suggestion !== undefined)).toBe(flag!.id);
    await mark.scrollIntoViewIfNeeded();
    await mark.focus();
    await expect.poll(() => page.getByTestId("finding-hint").textContent()).toContain(flag!.suggestion!);
    await mark.press("Enter");
    const sentence = page.locator(`.sentence[data-segment-id="${segment.id}"]`);
    await expect.poll(() => sentence.locator(".sentence-text").textContent()).toBe(expected);
    expect(await sentence.getByTestId("correction").textContent()).toContain("Rita Reviewer");
    await page.reload();
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    expect(await page.locator(`.sentence[data-segment-id="${segment.id}"] .sentence-text`).textContent()).toBe(expected);
    await context.close();
  });

  it("annotates a selected span with an MQM category, severity and comment; edits and deletes it", async () => {
    const id = await importSeedPair("Review: annotations");
    const { context, page } = await loggedInContext(browser);
    page.on("dialog", (d) => void d.accept());
    await openReview(page, id);
    await selectRow(page, 0);
    const word = "leadership";
    const selected = await page.evaluate((w) => {
      const el = document.querySelector('[data-row-index="0"] .sentence[data-side="source"] .sentence-text');
      if (!el) return false;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(w);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + w.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return true;
        }
      }
      return false;
    }, word);
    expect(selected).toBe(true);
    await page.keyboard.press("a");
    const form = page.getByTestId("annotation-form");
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel("Category").selectOption("Fluency/Grammar");
    await form.getByLabel("Severity").selectOption("major");
    await form.getByLabel("Comment").fill("Check this word against the glossary");
    await form.getByRole("button", { name: "Add annotation" }).click();
    const mark = row(page, 0).getByTestId("annotation-mark");
    await expect.poll(() => mark.allTextContents()).toEqual([word]);

    await page.reload();
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    expect(await row(page, 0).getByTestId("annotation-mark").allTextContents()).toEqual([word]);
    await selectRow(page, 0);
    const item = page.getByTestId("annotation-item");
    expect(await item.textContent()).toContain("Check this word against the glossary");
    expect(await item.textContent()).toContain("Fluency: grammar");
    expect(await item.textContent()).toContain("Rita Reviewer");

    await item.getByRole("button", { name: "Edit" }).click();
    await page.getByTestId("annotation-form").getByLabel("Comment").fill("Glossary says: Führung");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.getByTestId("annotation-item").textContent()).toContain("Glossary says: Führung");

    await page.getByTestId("annotation-item").getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => page.getByTestId("annotation-item").count()).toBe(0);
    expect(await row(page, 0).getByTestId("annotation-mark").count()).toBe(0);
    await context.close();
  });

  it("refuses an edit made on a stale view with a clear message and refreshes the view", async () => {
    const id = await importSeedPair("Review: conflict");
    const first = await loggedInContext(browser, 0);
    const second = await loggedInContext(browser, 1);
    await openReview(first.page, id);
    await openReview(second.page, id);

    await selectRow(first.page, 3);
    await first.page.keyboard.press("c");
    await expect.poll(() => row(first.page, 3).getAttribute("data-status")).toBe("confirmed");

    // the second reviewer still sees link 4 unconfirmed and merges it
    const count = await rows(second.page).count();
    expect(await row(second.page, 3).getAttribute("data-status")).toBe("automatic");
    await selectRow(second.page, 3);
    await second.page.keyboard.press("m");
    const notice = second.page.getByTestId("review-notice");
    await expect.poll(() => notice.getAttribute("data-kind")).toBe("conflict");
    expect(await notice.getAttribute("role")).toBe("alert");
    expect(await notice.textContent()).toContain("changed by Rita Reviewer");
    expect(await notice.textContent()).toContain("not saved");
    await expect.poll(() => row(second.page, 3).getAttribute("data-status")).toBe("confirmed");
    expect(await rows(second.page).count()).toBe(count);
    await first.context.close();
    await second.context.close();
  });

  it("splits a sentence at the caret, joins two sentences, confirms up to a link and re-aligns the rest", async () => {
    const id = await importSeedPair("Review: sentences and bulk operations");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const sourceCount = async () => (await page.evaluate((doc) => fetch(`/api/documents/${doc}`).then((r) => r.json()), id)).snapshot.source.length as number;
    const before = await sourceCount();

    // split the first source sentence after its first comma, from the editor (Alt+Enter)
    const first = row(page, 0).locator('.sentence[data-side="source"]').first();
    const text = (await first.locator(".sentence-text").textContent())!;
    const at = text.indexOf(",") + 1;
    expect(at).toBeGreaterThan(1);
    await first.click();
    await page.keyboard.press("E");
    const editor = row(page, 0).locator("textarea");
    await editor.evaluate((el: HTMLTextAreaElement, pos) => { el.focus(); el.setSelectionRange(pos, pos); }, at);
    await editor.press("Alt+Enter");
    await expect.poll(() => sourceTexts(page, 0)).toEqual([text.slice(0, at).trim(), text.slice(at).trim()]);
    expect(await sourceCount()).toBe(before + 1);

    // join them again with the panel button on the first of the two
    await selectRow(page, 0);
    await page.getByTestId("link-panel").locator(".sentence-actions li").first().getByRole("button", { name: "Join with next" }).click();
    await expect.poll(() => sourceCount()).toBe(before);
    expect((await sourceTexts(page, 0))[0].replace(/\s+/g, " ")).toBe(text.replace(/\s+/g, " "));

    // confirm everything up to link 4, by keyboard
    await selectRow(page, 3);
    await page.keyboard.press("C");
    for (const i of [0, 1, 2, 3]) await expect.poll(() => row(page, i).getAttribute("data-status")).toBe("confirmed");
    expect(await row(page, 4).getAttribute("data-status")).toBe("automatic");

    // re-align from link 2: the confirmed links stay as they are
    const confirmedTexts = await Promise.all([0, 1, 2, 3].map((i) => rowText(page, i)));
    await selectRow(page, 2);
    await page.keyboard.press("r");
    await expect.poll(() => page.getByTestId("review-notice").textContent()).toContain("re-aligned");
    for (const i of [0, 1, 2, 3]) {
      expect(await row(page, i).getAttribute("data-status")).toBe("confirmed");
      expect(await rowText(page, i)).toBe(confirmedTexts[i]);
    }
    await context.close();
  });

  it("shows a single-language text as one column of sentences and edits one", async () => {
    const { id } = await importDocument(db, {
      title: "Review: single language",
      source: { label: "002.txt", lang: "en", bytes: new Uint8Array(readFileSync("fixtures/seeds/002_c92fd515c658d046.txt")) },
      target: null,
      acceptWarnings: true,
    });
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    expect(await page.getByTestId("link-row").count()).toBe(0);
    expect(await page.getByTestId("alignment-map").count()).toBe(0);
    const sentences = page.getByTestId("sentence-row");
    expect(await sentences.count()).toBeGreaterThan(3);
    await sentences.nth(1).locator(".row-number").click();
    await page.keyboard.press("e");
    const editor = sentences.nth(1).locator("textarea");
    const original = await editor.inputValue();
    await editor.fill(`${original} Added by the reviewer.`);
    await editor.press("Enter");
    await expect.poll(() => sentences.nth(1).getByTestId("correction").count()).toBe(1);
    expect((await sentences.nth(1).locator("ins").allTextContents()).join(" ")).toContain("Added by the reviewer.");
    await context.close();
  });

  it("renders HTML and script in a sentence as text", async () => {
    const payload = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"> is a tag.';
    const { id } = await importDocument(db, {
      title: "Review: markup payload",
      source: { label: "payload-en.txt", lang: "en", bytes: new TextEncoder().encode(`${payload}\nA plain second sentence about the weather.\n`) },
      target: { label: "payload-de.txt", lang: "de", bytes: new TextEncoder().encode(`${payload}\nEin einfacher zweiter Satz über das Wetter.\n`) },
      presegmented: true,
      acceptWarnings: true,
    });
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    expect(await rowText(page, 0)).toContain("<script>window.__pwned = 1</script>");
    expect(await page.locator('[data-testid="link-row"] script, [data-testid="link-row"] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });

  it("lists the shortcuts on ?, and speaks German when switched", async () => {
    const id = await importSeedPair("Review: overlay and German");
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    await page.keyboard.press("?");
    const overlay = page.getByTestId("shortcuts-overlay");
    await expect.poll(() => overlay.isVisible()).toBe(true);
    expect(await overlay.textContent()).toContain("Merge with next");
    await page.keyboard.press("Escape");
    await expect.poll(() => overlay.count()).toBe(0);

    await page.getByLabel("Language").selectOption("de");
    await expect.poll(() => page.getByTestId("ui-language").textContent()).toBe("de");
    await page.keyboard.press("?");
    await expect.poll(() => page.getByTestId("shortcuts-overlay").textContent()).toContain("Mit nächster zusammenführen");
    await page.keyboard.press("Escape");
    expect(await page.getByTestId("review-summary").textContent()).toContain("bestätigt");
    expect(await page.getByRole("button", { name: "Rückgängig" }).count()).toBe(1);
    await context.close();
  });
});

/** A long generated document, stored directly (no aligner involved): windowing and the map. */
function longDocument(links: number): DocumentSnapshot {
  const now = new Date().toISOString();
  const seg = (side: "source" | "target", i: number): SegmentRecord => ({
    id: i + 1 + (side === "target" ? links : 0), side, position: i, paragraph: Math.floor(i / 5), start: null, end: null,
    originalText: side === "source" ? `Sentence number ${i + 1} of the long text.` : `Satz Nummer ${i + 1} des langen Textes.`,
    text: side === "source" ? `Sentence number ${i + 1} of the long text.` : `Satz Nummer ${i + 1} des langen Textes.`, version: 0, updatedAt: now,
  });
  const source = Array.from({ length: links }, (_, i) => seg("source", i));
  const target = Array.from({ length: links }, (_, i) => seg("target", i));
  const linkRecords: LinkRecord[] = source.map((_, i) => ({ id: i + 1, position: i, source: [i], target: [i], confidence: 0.9, status: "automatic", version: 0 }));
  return {
    document: { id: 0, title: `Review: ${links} links`, sourceLang: "en", targetLang: "de", sourceName: null, targetName: null, version: 0, createdAt: now, updatedAt: now },
    source, target, links: linkRecords, flags: [], annotations: [], revisions: [],
  };
}

describe("review page with a long document", () => {
  it("mounts only a window of rows, and the alignment map jumps to a link", async () => {
    const id = await createDocument(db, longDocument(3000));
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const mounted = await rows(page).count();
    expect(mounted).toBeGreaterThan(5);
    expect(mounted).toBeLessThan(200);
    expect(await page.getByTestId("review-summary").textContent()).toContain("3000 links");

    // the bottom-right corner of the map is the end of both texts (one pixel covers several links)
    const map = page.getByTestId("alignment-map");
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width - 1, box.y + box.height - 1);
    const current = page.locator('[data-testid="link-row"][aria-current="true"]');
    await expect.poll(async () => Number(await current.getAttribute("data-row-index"))).toBeGreaterThan(2950);
    const index = Number(await current.getAttribute("data-row-index"));
    expect(await current.textContent()).toContain(`Sentence number ${index + 1} of the long text.`);
    const inView = await page.evaluate((i) => {
      const list = document.querySelector(".review-list")!.getBoundingClientRect();
      const r = document.querySelector(`[data-row-index="${i}"]`)!.getBoundingClientRect();
      return r.top >= list.top - 1 && r.bottom <= list.bottom + 1;
    }, index);
    expect(inView).toBe(true);
    expect(await rows(page).count()).toBeLessThan(200);

    // keyboard navigation from there
    await page.keyboard.press("k");
    await expect.poll(() => row(page, index - 1).getAttribute("aria-current")).toBe("true");
    await context.close();
  });

  it("after undo and redo of an edit far down, the edited link is current, in view and focused, and the next key acts on it", async () => {
    const id = await createDocument(db, longDocument(3000));
    const { context, page } = await loggedInContext(browser);
    await openReview(page, id);
    const map = page.getByTestId("alignment-map");
    const box = (await map.boundingBox())!;
    const current = page.locator('[data-testid="link-row"][aria-current="true"]');
    const currentIndex = async () => Number(await current.getAttribute("data-row-index"));
    /** Whether row i is inside the list's viewport and holds the keyboard focus. */
    const seenAndFocused = (i: number) => page.evaluate((i) => {
      const list = document.querySelector(".review-list")!.getBoundingClientRect();
      const el = document.querySelector(`[data-testid="link-row"][data-row-index="${i}"]`);
      if (!el) return "not mounted";
      const r = el.getBoundingClientRect();
      const inView = r.top >= list.top - 1 && r.bottom <= list.bottom + 1;
      const focused = !!document.activeElement && el.contains(document.activeElement);
      return inView && focused ? "ok" : `inView=${inView} focused=${focused} active=${document.activeElement?.tagName}.${document.activeElement?.className}`;
    }, i);
    const jumpToTop = async () => {
      await page.mouse.click(box.x + 1, box.y + 1);
      await expect.poll(currentIndex).toBeLessThan(50);
    };

    // far down: the last rows of the map
    await page.mouse.click(box.x + box.width - 1, box.y + box.height - 10);
    await expect.poll(currentIndex).toBeGreaterThan(2800);
    const edited = await currentIndex();
    const original = `Satz Nummer ${edited + 1} des langen Textes.`;
    const corrected = `Satz Nummer ${edited + 1} des langen Textes, berichtigt.`;
    const targetText = () => row(page, edited).locator('.sentence[data-side="target"] .sentence-text').first().textContent();
    await page.keyboard.press("e");
    const editor = row(page, edited).locator("textarea");
    await expect.poll(() => editor.count()).toBe(1);
    await editor.fill(corrected);
    await editor.press("Enter");
    await expect.poll(targetText).toBe(corrected);

    // undo at once: the edited link stays current, in view, focused
    await page.keyboard.press("u");
    await expect.poll(targetText).toBe(original);
    await expect.poll(currentIndex).toBe(edited);
    await expect.poll(() => seenAndFocused(edited)).toBe("ok");

    // redo from far away (the top of the document): the selection goes to the change
    await jumpToTop();
    await page.keyboard.press("U");
    await expect.poll(currentIndex).toBe(edited);
    await expect.poll(targetText).toBe(corrected);
    await expect.poll(() => seenAndFocused(edited)).toBe("ok");

    // undo from far away too, with the Undo button (the click must not leave the focus on it)
    await jumpToTop();
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await expect.poll(currentIndex).toBe(edited);
    await expect.poll(targetText).toBe(original);
    await expect.poll(() => seenAndFocused(edited)).toBe("ok");

    // the next key changes the link the reviewer sees: confirm it
    await page.keyboard.press("c");
    await expect.poll(() => row(page, edited).getAttribute("data-status")).toBe("confirmed");
    expect(await page.locator('[data-testid="link-row"][data-status="confirmed"]').count()).toBe(1);
    await context.close();
  });
});
