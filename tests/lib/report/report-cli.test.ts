// `bitext report` as users run it: a separate process on a real database file.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bitextInProcess } from "../formats/cli-in-process";
import { createDb } from "../../../lib/db/client";
import { createDocument } from "../../../lib/db/documents";
import { migrateDatabase } from "../../../lib/db/migrate";
import { buildQualityReport, CSV_COLUMNS } from "../../../lib/report";
import { hardSnapshot, seedPairSnapshot } from "../formats/snapshots";
import { parseCsv } from "./csv-parse";
import { runBitext } from "../../helpers/cli";

let dir: string;
let env: NodeJS.ProcessEnv;
let ids: number[];

const bitext = (args: string[]) => runBitext(args, { env });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-report-cli-"));
  env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
  process.env.DATABASE_URL = env.DATABASE_URL;
  await migrateDatabase(env.DATABASE_URL!);
  const db = createDb(env.DATABASE_URL!);
  const storable = hardSnapshot();
  for (const s of [...storable.source, ...storable.target]) s.text = s.originalText = s.text.replace(/\u0000|\uD800|\uFFFF/g, "");
  ids = [await createDocument(db, seedPairSnapshot()), await createDocument(db, storable)];
  await db.$disconnect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bitext report", () => {
  it("gives the stored document's report as JSON with the score the library computes", () => {
    const r = bitext(["report", "--document", String(ids[0]), "--format", "json", "--threshold", "80"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const expected = buildQualityReport(seedPairSnapshot(), { threshold: 80 });
    expect(report.score).toEqual(expected.score);
    expect(report.score.pass).toBe(true);
    expect(report.issues).toHaveLength(expected.issues.length);
  });

  it("writes the HTML page in German to a file, and the findings as CSV", () => {
    const out = path.join(dir, "report.html");
    expect(bitext(["report", "--document", String(ids[0]), "--lang", "de", "--out", out]).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("Qualitätsbericht: Seed pair");
    expect(html).toContain('data-result="fail"');
    const csv = bitext(["report", "--document", String(ids[0]), "--format", "csv"]);
    const rows = parseCsv(csv.stdout.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + seedPairSnapshot().flags.length + seedPairSnapshot().annotations.length);
  });

  it("counts only reviewer-confirmed issues with --open-findings no", async () => {
    const all = JSON.parse((await bitextInProcess(["report", "--document", String(ids[0]), "--format", "json"])).stdout);
    const confirmed = JSON.parse((await bitextInProcess(["report", "--document", String(ids[0]), "--format", "json", "--open-findings", "no"])).stdout);
    expect(confirmed.score.counted).toBe(all.score.counted - seedPairSnapshot().flags.filter((f) => f.status === "open").length);
  });

  it("reports the whole project with --all", async () => {
    const r = bitext(["report", "--all", "--format", "json"]);
    expect(r.code).toBe(0);
    const project = JSON.parse(r.stdout);
    expect(project.kind).toBe("project");
    expect(project.documents.map((d: { id: number }) => d.id)).toEqual(ids);
    const html = await bitextInProcess(["report", "--all"]);
    expect(html.stdout).toContain("Project quality report");
  });

  it("says what is wrong with the call", async () => {
    const cases: [string[], number, RegExp][] = [
      [["report", "--document", String(ids[0]), "--format", "pdf"], 2, /unknown format "pdf"/],
      [["report", "--document", String(ids[0]), "--lang", "fr"], 2, /--lang is one of en, de/],
      [["report", "--document", String(ids[0]), "--threshold", "lots"], 2, /--threshold needs penalty points/],
      [["report", "--document", "4242"], 1, /There is no document 4242/],
      [["report", "--all", "--document", "1"], 2, /--all takes no --document/],
    ];
    for (const [args, code, message] of cases) {
      const r = await bitextInProcess(args);
      expect(r.code, args.join(" ")).toBe(code);
      expect(r.stderr).toMatch(message);
    }
  });

  it("reports on two files analysed in memory", () => {
    const r = bitext(["report", "fixtures/seeds/000_2f5c058692c94630.txt", "fixtures/seeds/001_1a15638dc6a05010.txt", "--src-lang", "en", "--tgt-lang", "de", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.alignment.links).toBeGreaterThan(0);
    expect(report.words.source).toBeGreaterThan(300);
  });
});
