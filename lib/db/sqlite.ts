// SQLite run as a server database: one connection per process, WAL, a busy timeout, and
// transactions that can never be left open behind an error.
//
// Why not the stock PrismaLibSQL adapter over @libsql/client 0.8.1 (libsql 0.3.19), which
// the app used before issue #14:
// - its client's `transaction()` hands the connection to the transaction and opens a new
//   one for the next statement; nothing ever closes the old one, so every transaction
//   leaks a database handle;
// - when a COMMIT fails (SQLITE_BUSY: with the default rollback journal and busy_timeout 0,
//   one reader in another connection or process is enough), Prisma marks the transaction
//   "committed" without rolling it back, so the orphaned connection keeps its PENDING lock
//   and hot journal for the life of the process and every later statement answers
//   SQLITE_BUSY (P1008 "Operation has timed out"): the lock-up;
// - libsql never resets a prepared statement that failed with SQLITE_BUSY: it stays "in
//   progress" until garbage-collected, and every COMMIT on that connection fails meanwhile
//   with "cannot commit transaction - SQL statements in progress" (SQLITE_BUSY again).
//
// Here BEGIN IMMEDIATE, COMMIT and ROLLBACK run through `exec` (finalised even when they
// fail); a write outside a transaction gets one of its own, so no prepared statement ever
// meets SQLITE_BUSY; a failed COMMIT is rolled back; a statement for a closed transaction
// is refused rather than run outside it; and the one connection is never handed away (the
// adapter's mutex keeps everything else out while a transaction is open). Waiting for
// another process's write lock happens here, asynchronously with back-off, not in SQLite's
// busy handler: libsql is synchronous and its handler would stall the event loop.
import Database from "libsql";
import { LibsqlError, type Client, type Config, type InStatement, type ResultSet } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

/** How long a write waits for another process's write lock before giving up (ms). */
export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.BITEXT_DB_BUSY_TIMEOUT_MS);
  return Number.isFinite(value) && value >= 0 ? value : 30_000;
}

/** SQLite's own busy handler: kept short, it blocks the event loop while it waits. */
const NATIVE_BUSY_MS = 25;

/**
 * Applied to every connection. WAL lets readers (the web app's pages) go on while another
 * process writes; synchronous=NORMAL is durable against a crashed process (only a power
 * loss can lose the last commits) and saves an fsync per edit.
 */
export const CONNECTION_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA foreign_keys = ON",
  `PRAGMA busy_timeout = ${NATIVE_BUSY_MS}`,
];

export function isSqliteBusy(err: unknown): boolean {
  const e = err as { code?: unknown; rawCode?: unknown; cause?: { rawCode?: unknown } } | null;
  if (!e || typeof e !== "object") return false;
  const raw = typeof e.rawCode === "number" ? e.rawCode : typeof e.cause?.rawCode === "number" ? e.cause.rawCode : undefined;
  if (raw !== undefined) return (raw & 0xff) === 5 || (raw & 0xff) === 6;
  return e.code === "SQLITE_BUSY" || e.code === "SQLITE_LOCKED";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` again while it fails with SQLITE_BUSY, with back-off, up to the busy timeout. */
async function whileBusy<T>(work: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isSqliteBusy(err) || Date.now() >= deadline) throw err;
      await sleep(Math.min(5 * 2 ** Math.min(attempt, 6), 200, Math.max(1, deadline - Date.now())));
    }
  }
}

function closedTransaction(): LibsqlError {
  return new LibsqlError("This transaction has already ended (committed, rolled back or timed out); the statement was not run.", "TRANSACTION_CLOSED");
}

type Value = null | string | number | bigint | ArrayBuffer;

function toSql(value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError("Only finite numbers can be passed to the database.");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError("undefined cannot be passed as an argument to the database.");
  return value;
}

function fromSql(value: unknown): Value {
  if (typeof value === "bigint") {
    if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("The database returned an integer that JavaScript numbers cannot hold exactly.");
    return Number(value);
  }
  if (Buffer.isBuffer(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer;
  return value as Value;
}

function libsqlError(err: unknown): unknown {
  if (err instanceof Database.SqliteError) {
    const e = err as Error & { code: string; rawCode?: number };
    return new LibsqlError(e.message, e.code, e.rawCode, e);
  }
  return err;
}

/** A transaction on the process's one connection. */
class OneConnectionTransaction {
  #client: OneConnectionClient;
  #closed = false;
  constructor(client: OneConnectionClient) {
    this.#client = client;
  }
  get closed(): boolean {
    return this.#closed;
  }
  async execute(stmt: InStatement | string, args?: unknown[]): Promise<ResultSet> {
    if (this.#closed) throw closedTransaction();
    // Inside BEGIN IMMEDIATE this connection holds the write lock: no statement can meet SQLITE_BUSY.
    return this.#client.run(stmt, args);
  }
  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const out: ResultSet[] = [];
    for (const s of stmts) out.push(await this.execute(s));
    return out;
  }
  async executeMultiple(): Promise<void> {
    throw new LibsqlError("executeMultiple is not supported inside a transaction here.", "NOT_SUPPORTED");
  }
  async commit(): Promise<void> {
    if (this.#closed) throw closedTransaction();
    try {
      // In WAL mode a COMMIT refused as busy is still open and may simply be tried again.
      await whileBusy(async () => this.#client.exec("COMMIT"), this.#client.busyTimeout);
    } catch (err) {
      this.#client.rollbackIfOpen();
      throw err;
    } finally {
      this.#closed = true;
      this.#client.ended(this);
    }
  }
  async rollback(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#client.rollbackIfOpen();
    } finally {
      this.#client.ended(this);
    }
  }
  close(): void {
    void this.rollback();
  }
}

/**
 * The subset of @libsql/client's Client that the Prisma adapter uses (execute, transaction,
 * executeMultiple, close), on one libsql connection.
 */
export class OneConnectionClient {
  readonly busyTimeout: number;
  readonly protocol = "file";
  #db: Database.Database;
  #open: OneConnectionTransaction | null = null;
  #ready: Promise<void>;
  closed = false;

  constructor(config: Config, busyTimeout = busyTimeoutMs()) {
    const path = config.url.replace(/^file:(\/\/(localhost)?(?=\/))?/, "");
    this.#db = new Database(path);
    this.busyTimeout = busyTimeout;
    this.#ready = whileBusy(async () => {
      try {
        for (const pragma of CONNECTION_PRAGMAS) this.run(pragma);
      } catch (err) {
        // Switching to WAL needs a moment without other writers. A prepared statement refused
        // as busy stays "in progress" in libsql: start again on a fresh connection.
        if (isSqliteBusy(err)) {
          this.#db.close();
          this.#db = new Database(path);
        }
        throw err;
      }
    }, busyTimeout);
    this.#ready.catch(() => undefined);
  }

  /** @internal */
  exec(sql: string): void {
    try {
      this.#db.exec(sql);
    } catch (err) {
      throw libsqlError(err);
    }
  }

  /** @internal One prepared statement, results as @libsql/client gives them (integers as numbers). */
  run(stmt: InStatement | string, args?: unknown[]): ResultSet {
    const sql = typeof stmt === "string" ? stmt : stmt.sql;
    const raw = typeof stmt === "string" ? args ?? [] : stmt.args ?? [];
    const bound = Array.isArray(raw) ? raw.map(toSql) : Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/^[@$:]/, ""), toSql(v)]));
    try {
      const prepared = this.#db.prepare(sql);
      prepared.safeIntegers(true);
      let returnsData = true;
      try {
        prepared.raw(true);
      } catch {
        returnsData = false;
      }
      if (returnsData) {
        const columns = prepared.columns();
        const rows = (prepared.all(bound) as unknown[][]).map((row) => row.map(fromSql));
        return result(columns.map((c) => c.name), columns.map((c) => c.type ?? ""), rows, 0, undefined);
      }
      const info = prepared.run(bound);
      return result([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (err) {
      throw libsqlError(err);
    }
  }

  /** Writes waiting for the lock here, a statement at a time; reads never wait in WAL mode. */
  #isWrite(sql: string): boolean {
    return !/^\s*(SELECT|WITH|PRAGMA|EXPLAIN)\b/i.test(sql) || /\bRETURNING\b/i.test(sql);
  }

  async execute(stmt: InStatement | string, args?: unknown[]): Promise<ResultSet> {
    await this.#ready;
    if (this.closed) throw new LibsqlError("The client is closed", "CLIENT_CLOSED");
    if (this.#open) throw new LibsqlError("A statement was sent outside the open transaction on the shared connection; it was not run.", "TRANSACTION_OPEN");
    const sql = typeof stmt === "string" ? stmt : stmt.sql;
    if (!this.#isWrite(sql)) return this.run(stmt, args);
    // A write of its own gets a transaction of its own, so that it is never the prepared statement that meets SQLITE_BUSY.
    await this.#begin();
    try {
      const out = this.run(stmt, args);
      this.exec("COMMIT");
      return out;
    } finally {
      this.rollbackIfOpen();
    }
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const tx = await this.transaction();
    try {
      const out = await tx.batch(stmts);
      await tx.commit();
      return out;
    } finally {
      await tx.rollback();
    }
  }

  async executeMultiple(sql: string): Promise<void> {
    await this.#ready;
    if (this.#open) throw new LibsqlError("A script was sent while a transaction is open; it was not run.", "TRANSACTION_OPEN");
    try {
      await whileBusy(async () => this.exec(sql), this.busyTimeout);
    } finally {
      this.rollbackIfOpen();
    }
  }

  async #begin(): Promise<void> {
    await whileBusy(async () => {
      // Never expected, but a transaction left open by anything must not wedge the process.
      if (this.#db.inTransaction) this.rollbackIfOpen();
      this.exec("BEGIN IMMEDIATE");
    }, this.busyTimeout);
  }

  /** Always a write transaction: BEGIN IMMEDIATE takes the write lock up front (waiting for it here), so no statement inside meets SQLITE_BUSY. */
  async transaction(): Promise<OneConnectionTransaction> {
    await this.#ready;
    if (this.#open) throw new LibsqlError("A transaction is already open on the shared connection.", "TRANSACTION_OPEN");
    await this.#begin();
    this.#open = new OneConnectionTransaction(this);
    return this.#open;
  }

  /** @internal */
  ended(tx: OneConnectionTransaction): void {
    if (this.#open === tx) this.#open = null;
  }

  /** @internal */
  rollbackIfOpen(): void {
    if (this.#db.inTransaction) this.exec("ROLLBACK");
  }

  async sync(): Promise<void> {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.rollbackIfOpen();
    } finally {
      this.#db.close();
    }
  }
}

function result(columns: string[], columnTypes: string[], rows: Value[][], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  const objects = rows.map((row) => {
    const out: Record<string, Value> & { length: number } = Object.assign([...row] as unknown as Record<string, Value>, { length: row.length });
    columns.forEach((name, i) => { if (!(name in out)) Object.defineProperty(out, name, { value: row[i], enumerable: false }); });
    return out;
  });
  return { columns, columnTypes, rows: objects as unknown as ResultSet["rows"], rowsAffected, lastInsertRowid, toJSON: () => ({ columns, columnTypes, rows, rowsAffected, lastInsertRowid: lastInsertRowid?.toString() ?? null }) };
}

/** The Prisma adapter factory for SQLite files: the stock adapter over one connection per process. */
export class ServerSqliteAdapter extends PrismaLibSQL {
  createClient(config: Config): Client {
    return new OneConnectionClient(config) as unknown as Client;
  }
}
