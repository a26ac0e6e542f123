// Issue #14's lock-up: large imports and edits overlapping while another connection keeps
// the database busy. The first case reproduces it with the stock adapter setup the app used
// before (@prisma/adapter-libsql over @libsql/client, rollback journal, busy_timeout 0);
// the others run the same kind of load through lib/db/client and show it gone.
import { readdirSync, readlinkSync } from "node:fs";
import { createClient, type Client } from "@libsql/client";
import Database from "libsql";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkLinks } from "../../../lib/align";
import { createDb, type Db } from "../../../lib/db/client";
import { createDocument, loadSnapshot } from "../../../lib/db/documents";
import { isDatabaseBusy } from "../../../lib/db/errors";
import { migrationsDir, readMigrations } from "../../../lib/db/migrate";
import { PrismaClient as StockSqliteClient } from "../../../lib/db/generated/sqlite/client";
import { applyOperation } from "../../../lib/db/review";
import { createTestDatabase, tableCounts, type TestDatabase } from "../../helpers/database";
import { repeatedSeed } from "../../helpers/big-document";
import { reviewer, seedDocument } from "../review/seed-document";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Open file descriptors of this process on the database file (not its -wal/-shm). */
function handlesOn(file: string): number {
  let n = 0;
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === file) n++;
    } catch { /* closed meanwhile */ }
  }
  return n;
}

/** Another process's writer, as SQLite sees it: a connection that takes the write lock and holds it a while. */
async function holdWriteLock(other: Database.Database, ms: number): Promise<void> {
  for (;;) {
    try {
      other.exec("BEGIN IMMEDIATE"); // exec: a refused BEGIN is finalised, unlike a prepared statement in libsql
      break;
    } catch (err) {
      if (!/locked|busy/i.test(String(err))) throw err;
      await sleep(2);
    }
  }
  other.exec("UPDATE Reviewer SET displayName = displayName WHERE id = -1");
  await sleep(ms);
  other.exec("COMMIT");
}

/** True when a brand-new connection can read and take the write lock at once (busy_timeout 0): nothing was left locked. */
async function databaseIsFree(url: string): Promise<boolean> {
  const probe = createClient({ url });
  try {
    await probe.execute("SELECT count(*) FROM Document");
    await probe.execute("BEGIN IMMEDIATE");
    await probe.execute("ROLLBACK");
    return true;
  } catch {
    return false;
  } finally {
    probe.close();
  }
}

describe("the lock-up of issue #14", () => {
  let t: TestDatabase;
  const others: Client[] = [];
  const file = () => t.url.replace(/^file:/, "");
  beforeAll(async () => { t = await createTestDatabase("sqlite"); });
  afterEach(() => { for (const c of others.splice(0)) c.close(); });
  afterAll(async () => { await t?.drop(); });

  it("is reproduced with the stock adapter: one COMMIT refused as busy leaves a lock no one can clear", async () => {
    const stockUrl = t.url.replace(/test\.db$/, "stock.db");
    // The schema, in the rollback journal the app ran with (lib/db/migrate now switches to WAL).
    const setup = createClient({ url: stockUrl });
    for (const m of readMigrations(migrationsDir(stockUrl))) await setup.executeMultiple(m.sql);
    expect((await setup.execute("PRAGMA journal_mode")).rows[0].journal_mode).toBe("delete");
    setup.close();
    const stock = new StockSqliteClient({ adapter: new PrismaLibSQL({ url: stockUrl }) });
    const reader = createClient({ url: stockUrl });
    others.push(reader);
    try {
      // A reader (a page load, the CLI's `list`) holds SHARED while an import commits.
      await reader.execute("BEGIN");
      await reader.execute("SELECT count(*) FROM Document");
      const commit = stock.$transaction(async (tx) => {
        const doc = await tx.document.create({ data: { title: "import", sourceLang: "en" } });
        await tx.segment.create({ data: { documentId: doc.id, side: "source", position: 0, paragraph: 0, originalText: "A.", text: "A." } });
      });
      await expect(commit).rejects.toThrow(/timed out|SQLITE_BUSY|locked/i);
      await reader.execute("COMMIT");
      // The reader is gone, yet the database stays wedged for everyone: the failed COMMIT's
      // connection still holds its PENDING lock and hot journal, and nothing will roll it back.
      await expect(stock.document.count()).rejects.toThrow(/timed out|SQLITE_BUSY|locked/i);
      expect(await databaseIsFree(stockUrl)).toBe(false);
    } finally {
      await stock.$disconnect().catch(() => undefined);
    }
  });

  it("is gone with lib/db/client: the same busy reader no longer breaks the commit or leaves a lock", async () => {
    const reader = createClient({ url: t.url });
    others.push(reader);
    await reader.execute("BEGIN");
    await reader.execute("SELECT count(*) FROM Document");
    const id = await seedDocument(t.db);
    await reader.execute("COMMIT");
    expect((await loadSnapshot(t.db, id)).links.length).toBeGreaterThan(0);
    expect(await databaseIsFree(t.url)).toBe(true);
  });

  it("a large import and sixteen reviewers' edits overlap while another writer keeps the database busy: every write succeeds and nothing is left locked", async () => {
    const alex = await reviewer(t.db, "Alex Load");
    const docId = await seedDocument(t.db);
    const other = new Database(file());
    // Counted with the other writer open: SQLite defers closing a file descriptor while another
    // connection of the process holds a lock on the file, so its close would blur the count.
    const handlesBefore = handlesOn(file());
    let stop = false;
    let induced = 0;
    // The CLI or a second server, as SQLite sees it: holds the write lock for 20–120 ms, over and over.
    const inducer = (async () => {
      while (!stop) {
        await holdWriteLock(other, 20 + (induced % 6) * 20);
        induced++;
        await sleep(5);
      }
    })();
    const big = repeatedSeed(120);
    const importing = createDocument(t.db, big);
    const failures: unknown[] = [];
    let edits = 0;
    const start = await loadSnapshot(t.db, docId);
    const segments = [...start.source, ...start.target].slice(0, 16);
    const reviewers = segments.map(async (segment, k) => {
      let version = segment.version;
      for (let round = 0; round < 6; round++) {
        try {
          const { patch } = await applyOperation(t.db, { documentId: docId, reviewerId: alex.id, operation: { op: "editText", segmentId: segment.id, text: `${segment.text} (${k}.${round})` }, expectedVersion: version });
          version = patch.segments.upsert.find((s) => s.id === segment.id)!.version;
          edits++;
        } catch (err) {
          failures.push(err);
        }
        // Reads go on too: the page reloading.
        await t.db.document.findUnique({ where: { id: docId } });
      }
    });
    const [imported] = await Promise.all([importing, ...reviewers]);
    stop = true;
    await inducer;
    // One connection for the whole process: the stock client opened one per transaction and never closed them.
    expect(handlesOn(file())).toBeLessThanOrEqual(handlesBefore);
    other.close();
    expect(failures).toEqual([]);
    expect(edits).toBe(96);
    expect(induced).toBeGreaterThan(5);
    const stored = await loadSnapshot(t.db, imported);
    expect(stored.links).toHaveLength(big.links.length);
    expect(checkLinks(stored.links, stored.source.length, stored.target.length)).toEqual([]);
    const edited = await loadSnapshot(t.db, docId);
    const texts = new Map([...edited.source, ...edited.target].map((s) => [s.id, s.text]));
    expect(segments.map((s) => texts.get(s.id))).toEqual(segments.map((s, k) => `${s.text} (${k}.5)`));
    expect(await databaseIsFree(t.url)).toBe(true);
  });

  it("a writer that holds the lock past the busy timeout makes an edit fail with a clear busy error, and the next one works", async () => {
    const previous = process.env.BITEXT_DB_BUSY_TIMEOUT_MS;
    process.env.BITEXT_DB_BUSY_TIMEOUT_MS = "300";
    let impatient: Db | undefined;
    try {
      impatient = createDb(t.url);
      const alex = await reviewer(impatient, "Alex Busy");
      const docId = await seedDocument(impatient);
      const segment = (await loadSnapshot(impatient, docId)).target[0];
      const other = new Database(file());
      const holding = holdWriteLock(other, 1500);
      await sleep(50);
      const before = await tableCounts(impatient); // WAL: reads go on while another process writes
      const edit = (text: string, expectedVersion: number) => applyOperation(impatient!, { documentId: docId, reviewerId: alex.id, operation: { op: "editText", segmentId: segment.id, text }, expectedVersion });
      const err = await edit("Busy.", segment.version).catch((e: unknown) => e);
      expect(isDatabaseBusy(err)).toBe(true);
      await holding;
      other.close();
      expect(await tableCounts(impatient)).toEqual(before);
      await edit("Free again.", segment.version);
      expect((await loadSnapshot(impatient, docId)).target[0].text).toBe("Free again.");
      expect(await databaseIsFree(t.url)).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.BITEXT_DB_BUSY_TIMEOUT_MS;
      else process.env.BITEXT_DB_BUSY_TIMEOUT_MS = previous;
      await impatient?.$disconnect();
    }
  });
});
