// `bitext import` writing a book-sized document while "the server" (this process, through
// lib/db/client like the web app) edits another document in the same SQLite file; Ctrl+C and
// kill -9 of the CLI half-way. Real processes, a real database file.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { clearAbandonedImports, listDocuments, loadSnapshot } from "../../lib/db/documents";
import { migrateDatabase } from "../../lib/db/migrate";
import { applyOperation } from "../../lib/db/review";
import { exportJson } from "../../lib/formats/json";
import { checkLinks } from "../../lib/align";
import { repeatedSeed } from "../helpers/big-document";
import { reviewer, seedDocument } from "../lib/review/seed-document";

let dir: string;
let env: NodeJS.ProcessEnv;
let db: Db;
let big: string;
const TIMES = 400;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startCli(args: string[]) {
  const child = spawn(process.execPath, ["bin/bitext.js", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => { stdout += d; });
  child.stderr.on("data", (d) => { stderr += d; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** Waits until the CLI has written its first batch (a document in the "importing" state). */
async function importingDocument(): Promise<number> {
  for (let i = 0; i < 6000; i++) {
    const found = await db.document.findFirst({ where: { state: "importing" }, select: { id: true } });
    if (found) return found.id;
    await sleep(10);
  }
  throw new Error("the CLI never started storing");
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-cli-concurrent-"));
  env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "shared.db")}` };
  await migrateDatabase(env.DATABASE_URL!);
  db = createDb(env.DATABASE_URL);
  big = path.join(dir, "book.json");
  writeFileSync(big, exportJson(repeatedSeed(TIMES)));
});
afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("bitext import next to a running server", () => {
  it("writes a book while the server edits: neither side gets an error, and the book appears only when complete", async () => {
    const alex = await reviewer(db, "Alex Parallel");
    const docId = await seedDocument(db);
    const before = (await listDocuments(db)).length;
    const cli = startCli(["import", "--json", big]);
    let running = true;
    void cli.exited.then(() => { running = false; });
    const failures: unknown[] = [];
    let edits = 0;
    let sawImporting = false;
    let listedWhileImporting = false;
    const segment = (await loadSnapshot(db, docId)).target[0];
    let version = segment.version;
    while (running) {
      // libsql answers synchronously: without a turn of the event loop the CLI's exit would never be seen.
      await sleep(5);
      try {
        const { patch } = await applyOperation(db, { documentId: docId, reviewerId: alex.id, operation: { op: "editText", segmentId: segment.id, text: `Edit ${edits}.` }, expectedVersion: version });
        version = patch.segments.upsert.find((s) => s.id === segment.id)!.version;
        edits++;
      } catch (err) {
        failures.push(err);
      }
      const importing = await db.document.findMany({ where: { state: "importing" }, select: { id: true } });
      if (importing.length) {
        sawImporting = true;
        const listed = new Set((await listDocuments(db)).map((d) => d.id));
        if (importing.some((d) => listed.has(d.id))) listedWhileImporting = true;
      }
    }
    const result = await cli.exited;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(failures).toEqual([]);
    expect(edits).toBeGreaterThan(3);
    expect(sawImporting).toBe(true);
    expect(listedWhileImporting).toBe(false);
    const id = Number(result.stdout.trim());
    const book = await loadSnapshot(db, id);
    expect(book.links).toHaveLength(15 * TIMES);
    expect(checkLinks(book.links, book.source.length, book.target.length)).toEqual([]);
    expect((await listDocuments(db)).length).toBe(before + 1);
    expect((await loadSnapshot(db, docId)).target[0].text).toBe(`Edit ${edits - 1}.`);
  }, 300_000);

  it("stops at Ctrl+C while storing, removes what it wrote and exits 130", async () => {
    const documents = await db.document.count();
    const cli = startCli(["import", "--json", big]);
    const half = await importingDocument();
    cli.child.kill("SIGINT");
    const result = await cli.exited;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/cancelled; nothing of it was kept/);
    expect(await db.document.findUnique({ where: { id: half } })).toBeNull();
    expect(await db.segment.count({ where: { documentId: half } })).toBe(0);
    expect(await db.document.count()).toBe(documents);
  }, 300_000);

  it("leaves no visible half document when killed with -9, and the next import or server start removes it", async () => {
    const listed = (await listDocuments(db)).map((d) => d.id);
    const cli = startCli(["import", "--json", big]);
    const half = await importingDocument();
    cli.child.kill("SIGKILL");
    const result = await cli.exited;
    expect(result.signal).toBe("SIGKILL");
    // Still there, half-written, but nobody sees it, and the database is not locked.
    expect(await db.document.findUnique({ where: { id: half }, select: { state: true } })).toEqual({ state: "importing" });
    expect((await listDocuments(db)).map((d) => d.id)).toEqual(listed);
    await expect(loadSnapshot(db, half)).rejects.toThrow(/There is no document/);
    expect(await clearAbandonedImports(db)).toEqual([half]);
    expect(await db.segment.count({ where: { documentId: half } })).toBe(0);
    expect((await listDocuments(db)).map((d) => d.id)).toEqual(listed);
  }, 300_000);
});
