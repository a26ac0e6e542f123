// `bitext export` as users run it: a separate process on a real database file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bitextInProcess } from "./cli-in-process";
import { createDb } from "../../../lib/db/client";
import { createDocument } from "../../../lib/db/documents";
import { migrateDatabase } from "../../../lib/db/migrate";
import { parseDocumentJson } from "../../../lib/formats/json";
import { content, seedPairSnapshot } from "./snapshots";
import { UNZIP, XMLLINT, validateTmx, validateXliff } from "./xmllint";
import { runBitext } from "../../helpers/cli";

let dir: string;
let env: NodeJS.ProcessEnv;
let documentId: number;

const bitext = (args: string[], environment: NodeJS.ProcessEnv) => runBitext(args, { env: environment });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-export-cli-"));
  env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
  process.env.DATABASE_URL = env.DATABASE_URL;
  await migrateDatabase(env.DATABASE_URL!);
  const db = createDb(env.DATABASE_URL!);
  documentId = await createDocument(db, seedPairSnapshot());
  await db.$disconnect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bitext export --document", () => {
  it.skipIf(!XMLLINT.present)(`writes valid TMX and XLIFF to stdout${XMLLINT.note}`, () => {
    const tmx = bitext(["export", "--document", String(documentId), "--format", "tmx"], env);
    expect(tmx.stderr).toBe("");
    expect(tmx.code).toBe(0);
    expect(validateTmx(tmx.stdout).code).toBe(0);
    const xliff = bitext(["export", "--document", String(documentId), "--format", "xliff", "--confirmed-only"], env);
    expect(xliff.code).toBe(0);
    expect(validateXliff(xliff.stdout).code).toBe(0);
    expect(xliff.stdout.match(/<unit /g)).toHaveLength(seedPairSnapshot().links.filter((l) => l.status === "confirmed").length);
  });

  it.skipIf(!UNZIP.present)(`writes Moses as two line-parallel files, or as one zip${UNZIP.note}`, () => {
    const prefix = path.join(dir, "corpus");
    const r = bitext(["export", "--document", String(documentId), "--format", "moses", "--out", prefix], env);
    expect(r.code).toBe(0);
    const en = readFileSync(`${prefix}.en`, "utf8").split("\n");
    const de = readFileSync(`${prefix}.de`, "utf8").split("\n");
    expect(en.length).toBe(de.length);
    expect(en.length).toBeGreaterThan(5);
    const zip = path.join(dir, "corpus.zip");
    expect(bitext(["export", "--document", String(documentId), "--format", "moses", "--out", zip], env).code).toBe(0);
    expect(spawnSync("unzip", ["-t", zip], { encoding: "utf8" }).status).toBe(0);
  });

  it("moves a document through JSON: export, import --json, export again", () => {
    const file = path.join(dir, "doc.json");
    expect(bitext(["export", "--document", String(documentId), "--format", "json", "--out", file], env).code).toBe(0);
    const imported = bitext(["import", "--json", file], env);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    const newId = imported.stdout.trim();
    expect(newId).not.toBe(String(documentId));
    const again = bitext(["export", "--document", newId, "--format", "json"], env);
    expect(again.code).toBe(0);
    expect(content(parseDocumentJson(again.stdout))).toEqual(content(parseDocumentJson(readFileSync(file, "utf8"))));
  });

  it("says what is wrong with the call or the input", async () => {
    const cases: [string[], number, RegExp][] = [
      [["export", "--document", String(documentId)], 2, /--format is missing/],
      [["export", "--document", String(documentId), "--format", "docx"], 2, /unknown format "docx"/],
      [["export", "--document", "abc", "--format", "tmx"], 2, /--document needs a document id/],
      [["export", "--document", "999", "--format", "tmx"], 1, /There is no document 999/],
      [["export", "--document", String(documentId), "--format", "moses"], 2, /moses writes two files/],
      [["export", "--document", String(documentId), "--format", "tmx", "--min-confidence", "3"], 2, /--min-confidence needs a number from 0 to 1/],
      [["export", "--format", "tmx"], 2, /give --document ID, or two files/],
      [["export", "nope.txt", "nope2.txt", "--src-lang", "en", "--tgt-lang", "de", "--format", "tsv"], 1, /nope\.txt: no such file/],
    ];
    for (const [args, code, message] of cases) {
      const r = await bitextInProcess(args);
      expect(r.code, args.join(" ")).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    }
  });
});

describe("bitext export SRC TGT", () => {
  it.skipIf(!XMLLINT.present)(`segments, aligns and exports the seed pair in one go${XMLLINT.note}`, () => {
    const r = bitext(["export", "fixtures/seeds/000_2f5c058692c94630.txt", "fixtures/seeds/001_1a15638dc6a05010.txt", "--src-lang", "en", "--tgt-lang", "de", "--format", "tmx", "--unpaired", "empty"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(validateTmx(r.stdout).code).toBe(0);
    expect(r.stdout).toContain("<tuv xml:lang=\"de\">");
    expect(r.stdout).toContain("Führungsstrang");
  });
});
