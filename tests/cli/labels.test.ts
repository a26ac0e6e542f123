// `bitext list` prints titles as labels: a bidi override or a terminal escape in a title
// shows as a code instead of reordering or recolouring the terminal (issue #15).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../lib/db/migrate";
import { runBitext } from "../helpers/cli";

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-cli-labels-"));
  env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
  await migrateDatabase(env.DATABASE_URL!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bitext list", () => {
  it("shows control and bidi characters in titles as visible codes", () => {
    const title = "Q3 \u202Etxt.exe \u001B[2J\u001B[31mred";
    const imported = runBitext(["import", "fixtures/seeds/003_0f4aa659cf5b8893.txt", "--lang", "en", "--title", title], { env });
    expect(imported.code).toBe(0);
    const list = runBitext(["list"], { env });
    expect(list.stdout).not.toMatch(/[\u001B\u202E]/);
    expect(list.stdout).toContain("Q3 <U+202E>txt.exe <U+001B>[2J<U+001B>[31mred");
  });
});
