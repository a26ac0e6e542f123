// The runtime figures of issue #12: install time, first and second `npm start`, import-to-review time
// of a seed-size pair pasted into the form (in Chromium, against the production server), and the test
// time of each vitest project. Each part can run on its own; the section keeps the figures of parts
// not rerun (they are stored in it as JSON) and says when each was measured and at what load.
//
//   npx tsx bench/runtime.ts import            import-to-review (needs a build: `node scripts/build-web.mjs`)
//   npx tsx bench/runtime.ts start             first start (no .next) and second start of `npm start`
//   npx tsx bench/runtime.ts install           `npm ci` in a fresh clone of HEAD (registry access)
//   npx tsx bench/runtime.ts tests [project…]  `npx vitest run --project P` for unit, integration, browser
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { createDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { createReviewer } from "../lib/db/reviewers";
import { freePort, startServer } from "./server";
import { machineLine, writeSection } from "./report-section";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SOURCE = "fixtures/seeds/000_2f5c058692c94630.txt";
const TARGET = "fixtures/seeds/001_1a15638dc6a05010.txt";
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SETTLE_MS = 5000;

interface Figure { value: string; detail?: string; measured: string }
type Figures = Record<string, Figure>;

const load = () => os.loadavg()[0].toFixed(1);
const stamp = () => `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, load ${load()}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function previous(): Figures {
  if (!existsSync("docs/benchmarks.md")) return {};
  const m = /<!-- runtime-data (.*?) -->/.exec(readFileSync("docs/benchmarks.md", "utf8"));
  return m ? (JSON.parse(m[1]) as Figures) : {};
}

/** Seed pair pasted into the import form; from the click on Import until the review page shows its 15 links. */
async function importToReview(): Promise<Figures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-runtime-"));
  const databaseUrl = `file:${path.join(dir, "runtime.db")}`;
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  await createReviewer(db, { login: "bench", displayName: "Bench Reviewer", password: "bench password 1" });
  await db.$disconnect();
  const server = await startServer({ DATABASE_URL: databaseUrl, BITEXT_SECRET: "bench-runtime-secret" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  const en = readFileSync(SOURCE, "utf8");
  const de = readFileSync(TARGET, "utf8");
  const totals: number[] = [];
  const waiting: number[] = [];
  try {
    const context = await browser.newContext({ baseURL: server.baseURL, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Login").fill("bench");
    await page.getByLabel("Password").fill("bench password 1");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    // Run 0 starts as soon as the server answers and the login is done (the analysis worker is still
    // warming up); the others after a pause like a reviewer's time to paste the texts.
    for (let run = 0; run <= RUNS; run++) {
      if (run === 1) await new Promise((r) => setTimeout(r, SETTLE_MS));
      await page.goto("/import");
      await page.getByLabel("Title").fill(`Pasted seed pair ${run}`);
      await page.getByTestId("source-text").fill(en);
      await page.getByTestId("target-text").fill(de);
      // Watches the progress line: how long it said "Waiting".
      await page.evaluate(() => {
        const w = window as unknown as { bitextWaiting: number[] };
        w.bitextWaiting = [];
        new MutationObserver(() => {
          const status = document.querySelector('[role="status"]')?.textContent ?? "";
          if (/Waiting/.test(status)) w.bitextWaiting.push(performance.now());
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const clicked = await page.evaluate(() => performance.now());
      const started = Date.now();
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await page.waitForURL(/\/documents\/\d+$/, { timeout: 60_000 });
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="link-row"]').length >= 15, undefined, { timeout: 60_000 });
      totals.push(Date.now() - started);
      const marks = await page.evaluate(() => (window as unknown as { bitextWaiting?: number[] }).bitextWaiting ?? []).catch(() => [] as number[]);
      waiting.push(marks.length ? Math.max(...marks) - clicked : 0);
    }
  } finally {
    await browser.close();
    server.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
  const when = stamp();
  const [cold, ...warm] = totals;
  return {
    importToReview: {
      value: `median ${seconds(median(warm))}, slowest ${seconds(Math.max(...warm))}`,
      detail: `${RUNS} imports, each after the import page was opened (${warm.map((t) => (t / 1000).toFixed(2)).join(", ")} s); "Waiting" shown for at most ${seconds(Math.max(...waiting.slice(1)))}. One more right after the server start, while the analysis worker still warmed up: ${seconds(cold)}`,
      measured: when,
    },
  };
}

/** Time until `npm start` answers /api/health; kills it afterwards. */
async function timeStart(): Promise<number> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn("npm", ["start"], { env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore", detached: true });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return Date.now() - started; } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function starts(): Promise<Figures> {
  rmSync(".next", { recursive: true, force: true });
  rmSync("dist/worker", { recursive: true, force: true });
  const first = await timeStart();
  const firstWhen = stamp();
  const second = await timeStart();
  return {
    firstStart: { value: seconds(first), detail: "no .next or dist/worker: migrate, seed, bundle the analysis, `next build`, serve", measured: firstWhen },
    secondStart: { value: seconds(second), detail: "nothing changed: migrate (up to date), seed (present), serve", measured: stamp() },
  };
}

function install(): Figures {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-install-"));
  try {
    execFileSync("git", ["clone", "--quiet", "--no-hardlinks", ".", dir]);
    const started = Date.now();
    const run = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (run.status !== 0) throw new Error(`npm ci failed:\n${run.stdout}\n${run.stderr}`);
    const warned = /allowScripts|install scripts/i.test(run.stderr);
    return { install: { value: seconds(Date.now() - started), detail: `\`npm ci\` in a fresh clone (npm's cache warm), including postinstall${warned ? "; npm printed an install-scripts warning" : ", no install-scripts warning"}`, measured: stamp() } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function tests(projects: string[]): Figures {
  const out: Figures = {};
  for (const project of projects) {
    const started = Date.now();
    // /usr/bin/time adds up the CPU time of vitest and its workers: on a shared machine the wall time
    // says more about the others' load than about the tests.
    const run = spawnSync("/usr/bin/time", ["-f", "cpu %U %S", "npx", "vitest", "run", "--project", project], { encoding: "utf8", env: { ...process.env } });
    const took = Date.now() - started;
    const summary = /Tests\s+(.*)/.exec(run.stdout.replace(/\x1b\[[0-9;]*m/g, ""))?.[1]?.trim() ?? `exit ${run.status}`;
    const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
    const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN;
    out[`test:${project}`] = { value: `${seconds(took)} wall, ${cpuSeconds.toFixed(0)} s CPU`, detail: `${run.status === 0 ? "passed" : "FAILED"}: ${summary}; ${os.cpus().length} cores, so at least ${(cpuSeconds / os.cpus().length).toFixed(0)} s wall on an idle machine`, measured: stamp() };
  }
  return out;
}

const LABELS: [string, string, string][] = [
  ["install", "Install", "npx tsx bench/runtime.ts install"],
  ["firstStart", "First start", "npx tsx bench/runtime.ts start"],
  ["secondStart", "Second start", "npx tsx bench/runtime.ts start"],
  ["importToReview", "Import to review (seed pair pasted, target < 1.5 s)", "npx tsx bench/runtime.ts import"],
  ["test:unit", "Tests: unit project (target < 60 s)", "npx tsx bench/runtime.ts tests unit"],
  ["test:integration", "Tests: integration project", "npx tsx bench/runtime.ts tests integration"],
  ["test:browser", "Tests: browser project", "npx tsx bench/runtime.ts tests browser"],
];

function section(figures: Figures): string {
  const rows = LABELS.filter(([key]) => figures[key]).map(([key, label, command]) => {
    const f = figures[key];
    return `| ${label} | ${f.value} | ${f.detail ?? ""} | \`${command}\` | ${f.measured} |`;
  });
  return [
    "## Runtime: install, start, import, tests (`bench/runtime.ts`)",
    "",
    `${machineLine()}. The machine is shared with other work: each row names its load average (1 min) when it was measured.`,
    "Import to review: a production server (`next start`) on a fresh SQLite database; Chromium logs in, pastes the seed pair",
    "(fixtures/seeds 000/001, 15 sentences a side) into the import form and clicks Import; the time runs until the review page shows its 15 links.",
    "",
    "| measure | figure | detail | command | measured |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    `<!-- runtime-data ${JSON.stringify(figures)} -->`,
  ].join("\n");
}

const [part, ...rest] = process.argv.slice(2);
let figures: Figures;
if (part === "import") figures = await importToReview();
else if (part === "start") figures = await starts();
else if (part === "install") figures = install();
else if (part === "tests") figures = tests(rest.length ? rest : ["unit", "integration", "browser"]);
else throw new Error("usage: npx tsx bench/runtime.ts import|start|install|tests [unit integration browser]");
for (const [key, f] of Object.entries(figures)) console.log(`${key}: ${f.value} (${f.detail ?? ""}; ${f.measured})`);
writeSection("runtime", section({ ...previous(), ...figures }));
