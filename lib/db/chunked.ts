// Prisma binds every element of an `in: [...]` list as a parameter, and SQLite refuses a statement
// with more than its limit (P2029 "query parameter limit exceeded"): re-aligning or confirming a book
// names thousands of rows. Every id list that grows with the document goes through here, in slices
// that stay far below the limit on SQLite and PostgreSQL alike.
export const MAX_IDS_PER_QUERY = 500;

export function chunks<T>(items: T[], size = MAX_IDS_PER_QUERY): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The rows of every slice of `ids`, in slice order (sort afterwards where order matters). */
export async function findManyIn<T>(ids: readonly number[], query: (part: number[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (unique.length <= MAX_IDS_PER_QUERY) return unique.length ? query(unique) : [];
  const out: T[] = [];
  for (const part of chunks(unique)) out.push(...(await query(part)));
  return out;
}

/** The first row any slice finds, or null. */
export async function findFirstIn<T>(ids: readonly number[], query: (part: number[]) => Promise<T | null>): Promise<T | null> {
  for (const part of chunks([...new Set(ids)])) {
    const found = await query(part);
    if (found) return found;
  }
  return null;
}

/** Deletes slice by slice; returns how many rows went. */
export async function deleteManyIn(ids: readonly number[], remove: (part: number[]) => Promise<{ count: number }>): Promise<number> {
  let count = 0;
  for (const part of chunks([...new Set(ids)])) count += (await remove(part)).count;
  return count;
}
