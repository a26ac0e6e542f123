// Operations on one document run one at a time in this process: SQLite allows a single
// writer, and queuing here is kinder than letting a transaction fail on a busy database.
// Across processes (PostgreSQL) the document row's version bump, the first write of every
// operation, serialises them.
const queues = new Map<number, Promise<unknown>>();

export function serialised<T>(documentId: number, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(documentId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  queues.set(documentId, next);
  void next.catch(() => undefined).finally(() => { if (queues.get(documentId) === next) queues.delete(documentId); });
  return next;
}
