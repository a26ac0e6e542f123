// `bitext user`: accounts from the command line, as an administrator runs it on the server.
// passwd and disable end the account's sessions in the database the web app reads.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { migrateDatabase } from "../../lib/db/migrate";
import { authenticate } from "../../lib/db/reviewers";
import { findSession, openSession } from "../../lib/db/sessions";
import { runBitext } from "../helpers/cli";

process.env.BITEXT_SECRET ??= "cli-user-test-secret";

let dir: string;
let env: NodeJS.ProcessEnv;
let db: Db;

const bitext = (args: string[], input?: string) => runBitext(args, { env, input });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-cli-user-"));
  env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}`, BITEXT_PASSWORD: "" };
  await migrateDatabase(env.DATABASE_URL!);
  db = createDb(env.DATABASE_URL!);
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("bitext user", () => {
  it("adds an account, changes its password and ends its sessions", async () => {
    const add = bitext(["user", "add", "rita", "--name", "Rita Reviewer"], "first password\n");
    expect(add.stderr).toBe("");
    expect(add.stdout).toMatch(/^created reviewer rita \(id \d+\)/);
    const rita = (await authenticate(db, "rita", "first password"))!;
    const browsers = [await openSession(db, rita.id), await openSession(db, rita.id)];

    const passwd = bitext(["user", "passwd", "rita"], "second password\n");
    expect(passwd.stderr).toBe("");
    expect(passwd.stdout.trim()).toBe("new password for rita; ended 2 sessions");
    for (const b of browsers) expect(await findSession(db, b.token)).toBeNull();
    expect(await authenticate(db, "rita", "first password")).toBeNull();
    expect(await authenticate(db, "rita", "second password")).not.toBeNull();
  });

  it("disables an account (its sessions end, it cannot log in) and enables it again", async () => {
    bitext(["user", "add", "sam"], "sam's password\n");
    const sam = (await authenticate(db, "sam", "sam's password"))!;
    const session = await openSession(db, sam.id);
    const disable = bitext(["user", "disable", "sam"]);
    expect(disable.stdout.trim()).toBe("disabled sam; ended 1 session");
    expect(await findSession(db, session.token)).toBeNull();
    expect(await authenticate(db, "sam", "sam's password")).toBeNull();
    expect(bitext(["user", "list"]).stdout).toMatch(/^sam\treviewer\tdisabled\tsam$/m);
    expect(bitext(["user", "enable", "sam"]).stdout.trim()).toBe("enabled sam");
    expect(await authenticate(db, "sam", "sam's password")).not.toBeNull();
    expect(bitext(["user", "list"]).stdout).toMatch(/^sam\treviewer\tactive\tsam$/m);
  });

  it("gives accounts a role when adding them, and changes it", async () => {
    const add = bitext(["user", "add", "vera", "--role", "viewer", "--name", "Vera Viewer"], "vera's password\n");
    expect(add.stdout).toMatch(/^created viewer vera \(id \d+\)/);
    expect((await db.reviewer.findUniqueOrThrow({ where: { login: "vera" } })).role).toBe("viewer");
    expect(bitext(["user", "role", "vera", "admin"]).stdout.trim()).toBe("vera is now an admin");
    expect(bitext(["user", "list"]).stdout).toMatch(/^vera\tadmin\tactive\tVera Viewer$/m);
    const bad = bitext(["user", "add", "olga", "--role", "owner"], "olga's password\n");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--role must be one of admin, reviewer, viewer, not "owner"/);
    const badRole = bitext(["user", "role", "vera", "root"]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/"root" is not a role: use admin, reviewer, viewer/);
  });

  it("says what is wrong: unknown account, short password, missing login, unknown action", () => {
    const unknown = bitext(["user", "disable", "nobody"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/There is no account "nobody"/);
    const short = bitext(["user", "passwd", "rita"], "short\n");
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 8 characters/);
    expect(bitext(["user", "passwd"]).code).toBe(2);
    const wrong = bitext(["user", "delete", "rita"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/bitext user passwd/);
  });
});
