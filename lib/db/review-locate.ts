// Finding the link that holds a sentence without reading every link of a big document.
// Links keep their sentences as JSON arrays of segment ids, so the lookup is a JSON query,
// whose syntax differs between SQLite and PostgreSQL.
import type { Tx } from "./client";
import type { Side } from "../types";

function isPostgres(tx: Tx): boolean {
  return (tx as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

/** The link row holding segment `segmentId` (on `side`), or null. */
export async function linkHolding(tx: Tx, documentId: number, segmentId: number, side: Side) {
  const rows = isPostgres(tx)
    ? side === "source"
      ? await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Link" WHERE "documentId" = ${documentId} AND "sourceIds" @> ${JSON.stringify([segmentId])}::jsonb`
      : await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Link" WHERE "documentId" = ${documentId} AND "targetIds" @> ${JSON.stringify([segmentId])}::jsonb`
    : side === "source"
      ? await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Link" WHERE "documentId" = ${documentId} AND EXISTS (SELECT 1 FROM json_each("Link"."sourceIds") WHERE json_each.value = ${segmentId})`
      : await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Link" WHERE "documentId" = ${documentId} AND EXISTS (SELECT 1 FROM json_each("Link"."targetIds") WHERE json_each.value = ${segmentId})`;
  if (!rows.length) return null;
  return tx.link.findUnique({ where: { id: Number(rows[0].id) } });
}

/** The id of the link just before position `position`, or null for the first. */
export async function linkIdBefore(tx: Tx, documentId: number, position: number): Promise<number | null> {
  if (position === 0) return null;
  return (await tx.link.findFirst({ where: { documentId, position: position - 1 }, select: { id: true } }))?.id ?? null;
}
