// The CLI as users run it: a separate process, a real database file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../lib/db/migrate";
import { runBitext } from "../helpers/cli";

let dir: string;
let env: NodeJS.ProcessEnv;

const bitext = (args: string[], input?: string) => runBitext(args, { env, input });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-cli-"));
  env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
  await migrateDatabase(env.DATABASE_URL!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bitext import / list / user", () => {
  it("imports the seed pair and lists it", () => {
    const r = bitext(["import", "fixtures/seeds/000_2f5c058692c94630.txt", "fixtures/seeds/001_1a15638dc6a05010.txt", "--src-lang", "en", "--tgt-lang", "de", "--title", "Seed pair"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+$/);
    const list = bitext(["list"]);
    expect(list.stdout).toMatch(/\ten-de\t15\/15\t15\t\d+\tSeed pair/);
  });

  it("imports a single-language text", () => {
    const r = bitext(["import", "fixtures/seeds/003_0f4aa659cf5b8893.txt", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(bitext(["list"]).stdout).toMatch(/\ten\t\d+\t-\t\d+\t003_0f4aa659cf5b8893/);
  });

  it("says what is wrong with bad input and exits 1 without storing anything", () => {
    const empty = path.join(dir, "empty.txt");
    writeFileSync(empty, "\n\n");
    const before = bitext(["list"]).stdout;
    const r = bitext(["import", "fixtures/seeds/000_2f5c058692c94630.txt", empty, "--src-lang", "en", "--tgt-lang", "de"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt is empty/);
    const missing = bitext(["import", "nope.txt", "--lang", "en"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.txt: no such file/);
    expect(bitext(["list"]).stdout).toBe(before);
  });

  it("refuses identical sides unless --force", () => {
    const args = ["import", "fixtures/seeds/001_1a15638dc6a05010.txt", "fixtures/seeds/001_1a15638dc6a05010.txt", "--src-lang", "de", "--tgt-lang", "de"];
    const r = bitext(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Both sides are the same text[\s\S]*Add --force/);
    expect(bitext([...args, "--force"]).code).toBe(0);
  });

  it("explains a usage mistake with exit code 2", () => {
    const r = bitext(["import", "fixtures/seeds/000_2f5c058692c94630.txt", "--lang", "english"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang needs a language code/);
  });

  it("adds a reviewer with a password from standard input", () => {
    const r = bitext(["user", "add", "rita", "--name", "Rita Reviewer", "--password-stdin"], "correct horse\n");
    expect(r.stdout).toMatch(/created reviewer rita/);
    const short = bitext(["user", "add", "sam", "--password-stdin"], "short\n");
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 8 characters/);
  });
});
