// Errors of the database layer that callers map to HTTP or to a CLI message.
import { isSqliteBusy } from "./sqlite";

export const DATABASE_BUSY_MESSAGE =
  "The database is busy: another process (an import or the command line) has held its write lock for too long. Nothing was changed; try again in a moment.";

/** SQLITE_BUSY after the busy timeout, as the driver or Prisma (P1008, "Operation has timed out") reports it. */
export function isDatabaseBusy(err: unknown): boolean {
  if (isSqliteBusy(err)) return true;
  const e = err as { code?: unknown; cause?: unknown; meta?: { kind?: unknown } } | null;
  if (!e || typeof e !== "object") return false;
  if (e.code === "P1008" || e.meta?.kind === "SocketTimeout") return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseBusy(e.cause);
}
