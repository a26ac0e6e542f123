// `bitext rename`, `bitext delete`, `bitext restore` and `bitext list --trash` as users run them:
// a process of their own against a real database file.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../lib/db/migrate";
import { runBitext } from "../helpers/cli";

let dir: string;
let env: NodeJS.ProcessEnv;
const bitext = (args: string[]) => runBitext(args, { env });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-trash-"));
  env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
  await migrateDatabase(env.DATABASE_URL!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bitext rename / delete / restore", () => {
  it("renames, trashes and restores a document, and says what went wrong", () => {
    const id = bitext(["import", "fixtures/seeds/003_0f4aa659cf5b8893.txt", "--lang", "en"]).stdout.trim();
    expect(id).toMatch(/^\d+$/);

    const renamed = bitext(["rename", id, "Kept", "for", "review"]);
    expect(renamed.code).toBe(0);
    expect(bitext(["list"]).stdout).toMatch(new RegExp(`^${id}\\ten\\t.*\\tKept for review$`, "m"));

    const deleted = bitext(["delete", id]);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain(`bitext restore ${id}`);
    expect(bitext(["list"]).stdout).not.toContain("Kept for review");
    expect(bitext(["list", "--trash"]).stdout).toMatch(new RegExp(`^${id}\\t\\d{4}-\\d\\d-\\d\\d\\t\\d{4}-\\d\\d-\\d\\d\\tKept for review$`, "m"));
    const gone = bitext(["export", "--document", id, "--format", "tsv"]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain("has been deleted");

    expect(bitext(["restore", id]).code).toBe(0);
    expect(bitext(["list"]).stdout).toContain("Kept for review");
    expect(bitext(["list", "--trash"]).stdout.trim()).toBe("");

    const missing = bitext(["delete", "424242"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("There is no document 424242");
    const usage = bitext(["rename", "abc", "x"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('"abc" is not a document id');
    const empty = bitext(["rename", id, " "]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("The title is empty");
  });
});
