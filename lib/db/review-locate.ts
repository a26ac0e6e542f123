// Finding the link that holds a sentence without reading every link of a big document.
// Links keep their sentences as JSON arrays of segment ids, so the lookup is a JSON query,
// whose syntax differs between SQLite and PostgreSQL.
import type { Tx } from "./client";
import type { Side } from "../types";

function isPostgres(tx: Tx): boolean {
  return (tx as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

type Range = { from: number; to: number } | null;

async function holders(tx: Tx, documentId: number, segmentId: number, side: Side, range: Range): Promise<{ id: number }[]> {
  const from = range?.from ?? -1;
  const to = range?.to ?? 2 ** 31 - 1;
  const json = JSON.stringify([segmentId]);
  if (isPostgres(tx)) {
    return side === "source"
      ? tx.$queryRaw`SELECT "id" FROM "Link" WHERE "documentId" = ${documentId} AND "position" BETWEEN ${from} AND ${to} AND "sourceIds" @> ${json}::jsonb`
      : tx.$queryRaw`SELECT "id" FROM "Link" WHERE "documentId" = ${documentId} AND "position" BETWEEN ${from} AND ${to} AND "targetIds" @> ${json}::jsonb`;
  }
  return side === "source"
    ? tx.$queryRaw`SELECT "id" FROM "Link" WHERE "documentId" = ${documentId} AND "position" BETWEEN ${from} AND ${to} AND EXISTS (SELECT 1 FROM json_each("Link"."sourceIds") WHERE json_each.value = ${segmentId})`
    : tx.$queryRaw`SELECT "id" FROM "Link" WHERE "documentId" = ${documentId} AND "position" BETWEEN ${from} AND ${to} AND EXISTS (SELECT 1 FROM json_each("Link"."targetIds") WHERE json_each.value = ${segmentId})`;
}

/** How far from a sentence's own position its link is looked for first (mostly 1-1 texts keep them close). */
const NEAR = 64;

/**
 * The link row holding segment `segmentId` (on `side`), or null. `position` (the sentence's)
 * lets the lookup try the links at about the same position first before scanning them all.
 */
export async function linkHolding(tx: Tx, documentId: number, segmentId: number, side: Side, position?: number) {
  let rows = position !== undefined ? await holders(tx, documentId, segmentId, side, { from: position - NEAR, to: position + NEAR }) : [];
  if (!rows.length) rows = await holders(tx, documentId, segmentId, side, null);
  if (!rows.length) return null;
  return tx.link.findUnique({ where: { id: Number(rows[0].id) } });
}

/** The id of the link just before position `position`, or null for the first. */
export async function linkIdBefore(tx: Tx, documentId: number, position: number): Promise<number | null> {
  if (position === 0) return null;
  return (await tx.link.findFirst({ where: { documentId, position: position - 1 }, select: { id: true } }))?.id ?? null;
}
