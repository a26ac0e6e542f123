// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import type { Db } from "../../lib/db/client";
import { importDocument } from "../../lib/import";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export function baseURL(): string {
  return inject("baseURL");
}

/** A fresh context (its own cookies), logged in through the login form; `cookie` is the session cookie's value. */
export async function loginAs(browser: Browser, login: string, password: string): Promise<{ context: BrowserContext; page: Page; cookie: string }> {
  const context = await browser.newContext({ baseURL: baseURL(), locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Login").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  const cookie = (await context.cookies()).find((c) => c.name === "bitext_session")!.value;
  return { context, page, cookie };
}

/** A fresh context (its own cookies), logged in as the given test reviewer. */
export async function loggedInContext(browser: Browser, which = 0): Promise<{ context: BrowserContext; page: Page }> {
  const reviewer = inject("reviewers")[which];
  return loginAs(browser, reviewer.login, reviewer.password);
}

/** Imports the seed pair 000/001 straight into the server's database; returns its id. */
export async function importSeedPair(db: Db, title: string): Promise<number> {
  const { id } = await importDocument(db, {
    title,
    source: { label: "000.txt", lang: "en", bytes: new Uint8Array(readFileSync("fixtures/seeds/000_2f5c058692c94630.txt")) },
    target: { label: "001.txt", lang: "de", bytes: new Uint8Array(readFileSync("fixtures/seeds/001_1a15638dc6a05010.txt")) },
    acceptWarnings: true,
  });
  return id;
}

/** Opens a document's review page and waits until it is hydrated (keys work from then on). */
export async function openReview(page: Page, id: number): Promise<void> {
  await page.goto(`/documents/${id}`);
  await page.waitForSelector('[data-testid="review"][data-ready="true"]');
}
