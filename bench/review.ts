// How fast the review page is for a big document: time until the page of a 5,000-link
// document answers a keystroke in headless Chromium, and the round trip of edits on SQLite,
// both through the real production server (`next start`) as the browser tests use it.
//
//   npm run bench:review            (builds the app first)
//   BITEXT_SKIP_BUILD=1 npm run bench:review   (reuses .next)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { createDb } from "../lib/db/client";
import { createDocument } from "../lib/db/documents";
import { migrateDatabase } from "../lib/db/migrate";
import { createReviewer } from "../lib/db/reviewers";
import type { DocumentSnapshot, FlagRecord, LinkRecord, SegmentRecord } from "../lib/document";
import { machineLine, writeSection } from "./report-section";
import { random } from "./random";

const LINKS = 5000;
const SCROLL_LINKS = 10_000;
const SCROLL_FRAMES = 300;
const LOADS = 5;
const EDITS = 100;
const UI_EDITS = 30;
const REVIEWER = { login: "bench", displayName: "Bench Reviewer", password: "bench password" };
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";


const EN = ["the company", "its board", "the investors", "a new model", "the report", "researchers", "the chief executive", "the market", "regulators", "the team"];
const EN_VERBS = ["announced", "questioned", "described", "delayed", "expanded", "reviewed", "criticised", "supported"];
const EN_OBJECTS = ["a plan for the next year", "the cost of training", "the results of the study", "a change in strategy", "the risks of the technology", "its partnership with a cloud provider"];
const DE = ["das Unternehmen", "sein Vorstand", "die Investoren", "ein neues Modell", "der Bericht", "Forschende", "der Vorstandschef", "der Markt", "die Aufsichtsbehörden", "das Team"];
const DE_VERBS = ["kündigte an", "stellte infrage", "beschrieb", "verschob", "erweiterte", "prüfte", "kritisierte", "unterstützte"];
const DE_OBJECTS = ["einen Plan für das nächste Jahr", "die Kosten des Trainings", "die Ergebnisse der Studie", "einen Strategiewechsel", "die Risiken der Technik", "seine Partnerschaft mit einem Cloud-Anbieter"];

/** A 5,000-link English–German document: mostly 1-1, some 1-2 and 2-1, a few gaps and findings. */
function generatedDocument(LINKS: number): DocumentSnapshot {
  const rand = random(20251123 + LINKS);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const now = new Date().toISOString();
  const source: SegmentRecord[] = [];
  const target: SegmentRecord[] = [];
  const links: LinkRecord[] = [];
  const flags: FlagRecord[] = [];
  const sentence = (side: "source" | "target", i: number): SegmentRecord => {
    const n = Math.floor(rand() * 900) + 10;
    const text = side === "source"
      ? `In ${1990 + (i % 30)}, ${pick(EN)} ${pick(EN_VERBS)} ${pick(EN_OBJECTS)}, and ${n} people ${pick(EN_VERBS)} ${pick(EN_OBJECTS)}.`
      : `Im Jahr ${1990 + (i % 30)} ${pick(DE_VERBS)} ${pick(DE)} ${pick(DE_OBJECTS)}, und ${n} Menschen ${pick(DE_VERBS)} ${pick(DE_OBJECTS)}.`;
    const list = side === "source" ? source : target;
    const record: SegmentRecord = { id: list.length + 1 + (side === "target" ? 1_000_000 : 0), side, position: list.length, paragraph: Math.floor(list.length / 6), start: null, end: null, originalText: text, text, version: 0, updatedAt: now };
    list.push(record);
    return record;
  };
  for (let i = 0; i < LINKS; i++) {
    const r = rand();
    const shape = r < 0.85 ? [1, 1] : r < 0.92 ? [1, 2] : r < 0.97 ? [2, 1] : r < 0.985 ? [1, 0] : [0, 1];
    const s = Array.from({ length: shape[0] }, () => sentence("source", i).position);
    const t = Array.from({ length: shape[1] }, () => sentence("target", i).position);
    const confidence = shape[0] && shape[1] ? Math.round((0.35 + rand() * 0.65) * 100) / 100 : 0.2;
    links.push({ id: i + 1, position: i, source: s, target: t, confidence, status: "automatic", version: 0 });
    if (t.length && rand() < 0.05) {
      const seg = target[t[0]];
      flags.push({
        id: flags.length + 1, linkId: i + 1, detector: "numbers", category: "Accuracy/Mistranslation", severity: "major", side: "target",
        sentence: seg.position, span: [3, 7], excerpt: seg.text.slice(3, 7), message: { key: "numbers.differ", params: {} }, suggestion: "Jahr", confidence: 0.9, status: "open", decidedBy: null, decidedAt: null,
      });
    }
  }
  return {
    document: { id: 0, title: `Benchmark: ${LINKS} generated links`, sourceLang: "en", targetLang: "de", sourceName: null, targetName: null, version: 0, createdAt: now, updatedAt: now },
    source, target, links, flags, annotations: [], revisions: [],
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => { const { port } = server.address() as net.AddressInfo; server.close(() => resolve(port)); });
    server.on("error", reject);
  });
}

async function startServer(databaseUrl: string): Promise<{ baseURL: string; child: ChildProcess }> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, BITEXT_SECRET: "bench-secret", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => { output += d; });
  child.stderr?.on("data", (d) => { output += d; });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    try { if ((await fetch(`${baseURL}/api/health`)).ok) return { baseURL, child }; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer:\n${output}`);
}

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const ms = (x: number) => `${Math.round(x)} ms`;

/** Navigation start → the page has hydrated and moved the current row on a `j` keystroke. */
async function timeToInteractive(page: Page, url: string): Promise<{ total: number; html: number; ready: number; bytes: number }> {
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector('[data-testid="review"][data-ready="true"]', { timeout: 60_000 });
  const ready = Date.now() - t0;
  await page.keyboard.press("j");
  await page.waitForSelector('[data-row-index="1"][aria-current="true"]', { timeout: 30_000 });
  const total = Date.now() - t0;
  const { html, bytes } = await page.evaluate(() => { const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming; return { html: n.responseEnd - n.startTime, bytes: n.decodedBodySize }; });
  return { total, html, ready, bytes };
}

async function main() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.BITEXT_SKIP_BUILD !== "1") {
    console.log("building the app (set BITEXT_SKIP_BUILD=1 to reuse .next)…");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-bench-review-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  await createReviewer(db, REVIEWER);
  const snapshot = generatedDocument(LINKS);
  const documentId = await createDocument(db, snapshot);
  const scrollDocumentId = await createDocument(db, generatedDocument(SCROLL_LINKS));
  await db.$disconnect();
  console.log(`document ${documentId}: ${snapshot.links.length} links, ${snapshot.source.length} + ${snapshot.target.length} sentences, ${snapshot.flags.length} findings`);

  const { baseURL, child } = await startServer(databaseUrl);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  try {
    const context = await browser.newContext({ baseURL, locale: "en-GB", viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Login").fill(REVIEWER.login);
    await page.getByLabel("Password").fill(REVIEWER.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((u) => u.pathname === "/");

    const loadAtStart = os.loadavg()[0];
    const url = `/documents/${documentId}`;
    await timeToInteractive(page, url); // warm-up: first render of the route compiles nothing in production, but fills caches
    const loads: { total: number; html: number; ready: number; bytes: number }[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await timeToInteractive(page, url));
    const rowsMounted = await page.locator('[data-testid="link-row"]').count();
    console.log("loads", loads);

    // API round trip of a text correction, measured in the page (cookie session, real fetch).
    const edits: number[] = await page.evaluate(async ({ id, n }) => {
      const snap = (await (await fetch(`/api/documents/${id}`)).json()).snapshot as { target: { id: number; version: number; text: string }[] };
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const seg = snap.target[i * 7];
        const t0 = performance.now();
        const res = await fetch(`/api/documents/${id}/operations`, {
          method: "POST", headers: { "content-type": "application/json" },
          body: JSON.stringify({ operation: { op: "editText", segmentId: seg.id, text: `${seg.text} (checked)` }, expectedVersion: seg.version }),
        });
        await res.json();
        times.push(performance.now() - t0);
        if (!res.ok) throw new Error(`edit ${i} failed with ${res.status}`);
      }
      return times;
    }, { id: documentId, n: EDITS });

    // The same from the keyboard: `c` on a link until the row shows it confirmed.
    await page.goto(url);
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    await page.locator('[data-row-index="0"]').click();
    const ui: number[] = [];
    for (let i = 0; i < UI_EDITS; i++) {
      const t0 = Date.now();
      await page.keyboard.press("c");
      await page.waitForSelector(`[data-row-index="${i}"][data-status="confirmed"]`, { timeout: 30_000 });
      ui.push(Date.now() - t0);
      await page.keyboard.press("j");
      await page.waitForSelector(`[data-row-index="${i + 1}"][aria-current="true"]`);
    }

    // Scrolling a 10,000-link document: the list is scrolled by 250 px every animation frame
    // (about 15,000 px/s) and the frame intervals are recorded.
    await page.goto(`/documents/${scrollDocumentId}`);
    await page.waitForSelector('[data-testid="review"][data-ready="true"]');
    const scroll = await page.evaluate(async (frames) => {
      const list = document.querySelector<HTMLElement>(".review-list")!;
      const deltas: number[] = [];
      let mountedMax = 0;
      let last = performance.now();
      for (let i = 0; i < frames; i++) {
        list.scrollTop += 250;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
        mountedMax = Math.max(mountedMax, list.querySelectorAll('[data-testid="link-row"]').length);
      }
      const blank = list.querySelectorAll('[data-testid="link-row"]').length === 0;
      return { deltas, mountedMax, scrolled: list.scrollTop, blank };
    }, SCROLL_FRAMES);
    console.log("scroll", { mountedMax: scroll.mountedMax, scrolled: scroll.scrolled, p50: quantile(scroll.deltas, 0.5), p95: quantile(scroll.deltas, 0.95) });

    const tti = loads.map((l) => l.total);
    const md = [
      "## Review page (`npm run bench:review`)",
      "",
      `Machine: ${machineLine()}, load average ${loadAtStart.toFixed(1)} when the measurements began (the machine is shared; frame intervals especially suffer under load). A generated English–German document of ${LINKS} links (${snapshot.source.length} + ${snapshot.target.length} sentences, ${snapshot.flags.length} findings) in a fresh SQLite database, served by \`next start\` (production build), driven by headless Chromium (${CHROMIUM}), viewport 1400×900.`,
      "",
      "| Measure | p50 | p95 / max | Target |",
      "| --- | ---: | ---: | --- |",
      `| Page interactive (navigation → hydrated → \`j\` moved the current row), ${LOADS} loads after one warm-up | ${ms(quantile(tti, 0.5))} | max ${ms(Math.max(...tti))} | < 1500 ms |`,
      `| … of which HTML received (server render of the 5,000-link snapshot, ${(loads[0].bytes / 2 ** 20).toFixed(1)} MiB of HTML with the data) | ${ms(quantile(loads.map((l) => l.html), 0.5))} | max ${ms(Math.max(...loads.map((l) => l.html)))} | |`,
      `| … of which hydrated (data-ready) | ${ms(quantile(loads.map((l) => l.ready), 0.5))} | max ${ms(Math.max(...loads.map((l) => l.ready)))} | |`,
      `| Edit round trip: POST editText → patch, from the page, ${EDITS} edits | ${ms(quantile(edits, 0.5))} | ${ms(quantile(edits, 0.95))} | p95 < 100 ms |`,
      `| Keyboard round trip: \`c\` → row shows confirmed, ${UI_EDITS} links | ${ms(quantile(ui, 0.5))} | ${ms(quantile(ui, 0.95))} | |`,
      `| Scrolling a ${SCROLL_LINKS.toLocaleString("en")}-link document, 250 px per frame for ${SCROLL_FRAMES} frames: frame interval | ${ms(quantile(scroll.deltas, 0.5))} | ${ms(quantile(scroll.deltas, 0.95))} (${scroll.deltas.filter((d) => d > 50).length} frames > 50 ms) | 60 fps ≈ 17 ms |`,
      "",
      `Rows mounted by the windowed list after a load: ${rowsMounted} of ${LINKS}; at most ${scroll.mountedMax} of ${SCROLL_LINKS} while scrolling.`,
    ].join("\n");
    writeSection("review", md);
    console.log(md);
    await context.close();
  } finally {
    await browser.close();
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
