// SQLite run as a server database: one connection per process, WAL, a busy timeout, and
// transactions that can never be left open behind an error.
//
// Why not the stock PrismaLibSQL adapter over @libsql/client 0.8.1: its client's
// `transaction()` hands the connection it holds to the transaction and opens a new one
// for the next statement, and nothing ever closes the old one; every transaction leaks
// a database handle. When a COMMIT fails (SQLITE_BUSY: with the default rollback journal
// and busy_timeout 0, a reader in another connection or process is enough), Prisma marks
// the transaction "committed" without rolling it back, so the orphaned connection keeps
// its RESERVED/PENDING lock and its hot journal for the life of the process: every later
// statement answers SQLITE_BUSY (P1008 "Operation has timed out"), the lock-up of issue #14.
//
// Here the connection is never handed off: BEGIN, the statements and COMMIT/ROLLBACK all
// run on the one connection (the adapter's mutex already keeps everything else out while a
// transaction is open); a failed COMMIT is retried while the database is busy and rolled
// back if it still fails; a statement for a closed transaction is refused rather than run
// outside it. Waiting for another process's write lock happens here, asynchronously and
// with back-off, instead of in SQLite's busy handler (libsql is synchronous: its handler
// would stall the event loop for the whole wait).
import { createClient, LibsqlError, type Client, type Config, type InStatement, type ResultSet } from "@libsql/client";
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
    return this.#client.raw.execute(typeof stmt === "string" ? { sql: stmt, args: (args ?? []) as never } : stmt);
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
      // In WAL mode a COMMIT that meets SQLITE_BUSY is still open and may simply be retried.
      await whileBusy(() => this.#client.raw.execute("COMMIT"), this.#client.busyTimeout);
    } catch (err) {
      await this.#client.rollbackIfOpen();
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
      await this.#client.rollbackIfOpen();
    } finally {
      this.#client.ended(this);
    }
  }
  close(): void {
    void this.rollback();
  }
}

/**
 * The subset of @libsql/client's Client that the Prisma adapter uses, on one connection
 * (the wrapped client's own, which it only hands away in `transaction()`, never called here).
 */
export class OneConnectionClient {
  readonly raw: Client;
  readonly busyTimeout: number;
  readonly protocol = "file";
  #open: OneConnectionTransaction | null = null;
  #ready: Promise<void>;

  constructor(config: Config, busyTimeout = busyTimeoutMs()) {
    this.raw = createClient(config);
    this.busyTimeout = busyTimeout;
    this.#ready = (async () => {
      for (const pragma of CONNECTION_PRAGMAS) {
        // journal_mode=WAL needs a moment without other writers; the rest never wait.
        await whileBusy(() => this.raw.execute(pragma), busyTimeout);
      }
    })();
    this.#ready.catch(() => undefined);
  }

  get closed(): boolean {
    return this.raw.closed;
  }

  async execute(stmt: InStatement | string, args?: unknown[]): Promise<ResultSet> {
    await this.#ready;
    if (this.#open) throw new LibsqlError("A statement was sent outside the open transaction on the shared connection; it was not run.", "TRANSACTION_OPEN");
    const statement = typeof stmt === "string" ? { sql: stmt, args: (args ?? []) as never } : stmt;
    // Outside a transaction a statement is atomic: one refused as busy did nothing and can run again.
    return whileBusy(() => this.raw.execute(statement), this.busyTimeout);
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
    await whileBusy(() => this.raw.executeMultiple(sql), this.busyTimeout);
  }

  /** Always a write transaction: BEGIN IMMEDIATE takes the write lock up front (waiting for it here), so no statement inside can meet SQLITE_BUSY half-way. */
  async transaction(): Promise<OneConnectionTransaction> {
    await this.#ready;
    if (this.#open) throw new LibsqlError("A transaction is already open on the shared connection.", "TRANSACTION_OPEN");
    await whileBusy(async () => {
      try {
        await this.raw.execute("BEGIN IMMEDIATE");
      } catch (err) {
        // Should never happen, but a transaction left open by anything must not wedge the process.
        if (err instanceof LibsqlError && /within a transaction/.test(err.message)) {
          await this.rollbackIfOpen();
          await this.raw.execute("BEGIN IMMEDIATE");
        } else throw err;
      }
    }, this.busyTimeout);
    this.#open = new OneConnectionTransaction(this);
    return this.#open;
  }

  /** @internal */
  ended(tx: OneConnectionTransaction): void {
    if (this.#open === tx) this.#open = null;
  }

  /** @internal ROLLBACK, where "no transaction is active" is success. */
  async rollbackIfOpen(): Promise<void> {
    try {
      await this.raw.execute("ROLLBACK");
    } catch (err) {
      if (!(err instanceof LibsqlError && /no transaction is active/.test(err.message))) throw err;
    }
  }

  async sync(): Promise<void> {}

  close(): void {
    this.raw.close();
  }
}

/** The Prisma adapter factory for SQLite files: the stock adapter over one connection per process. */
export class ServerSqliteAdapter extends PrismaLibSQL {
  createClient(config: Config): Client {
    return new OneConnectionClient(config) as unknown as Client;
  }
}
