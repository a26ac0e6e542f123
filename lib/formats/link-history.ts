// Who made a link and who changed it last, and when, read from the document's revision history:
// what TMX writes as creationid/creationdate and changeid/changedate. Pure, over a snapshot.
import type { DocumentSnapshot, LinkRecord, RevisionRecord } from "../document";

export interface Stamp { at: string; by: string | null }
export interface LinkHistory { created: Stamp; changed: Stamp | null }

type Change = { linkIds?: unknown; links?: { rows?: { id?: number }[] }; source?: { rows?: { id?: number }[] }; target?: { rows?: { id?: number }[] } } | null;

const asChange = (value: unknown): Change => (value && typeof value === "object" ? (value as Change) : null);
const rowIds = (rows: { id?: number }[] | undefined) => (rows ?? []).flatMap((r) => (typeof r.id === "number" ? [r.id] : []));
const linkIdsOf = (c: Change) => [...(Array.isArray(c?.linkIds) ? (c!.linkIds as unknown[]).filter((x): x is number => typeof x === "number") : []), ...rowIds(c?.links?.rows)];

/** Every link's history; links no revision names were made by the import. */
export function linkHistories(snapshot: DocumentSnapshot): Map<number, LinkHistory> {
  const linkOfSegment = new Map<number, number>();
  const linkAt = { source: new Map<number, LinkRecord>(), target: new Map<number, LinkRecord>() };
  for (const l of snapshot.links) {
    for (const i of l.source) { linkAt.source.set(i, l); if (snapshot.source[i]) linkOfSegment.set(snapshot.source[i].id, l.id); }
    for (const i of l.target) { linkAt.target.set(i, l); if (snapshot.target[i]) linkOfSegment.set(snapshot.target[i].id, l.id); }
  }
  const flagLink = new Map(snapshot.flags.map((f) => [f.id, f.linkId]));
  const annotationLink = new Map(snapshot.annotations.map((a) => [a.id, linkAt[a.side].get(a.sentence)?.id ?? null]));
  /** The links a revision touched, as far as its stored change says. */
  const touched = (r: RevisionRecord): Set<number> => {
    const ids = new Set<number>();
    for (const c of [asChange(r.before), asChange(r.after)]) {
      for (const id of linkIdsOf(c)) ids.add(id);
      for (const id of [...rowIds(c?.source?.rows), ...rowIds(c?.target?.rows)]) { const l = linkOfSegment.get(id); if (l !== undefined) ids.add(l); }
    }
    if (r.entityId !== null) {
      const l = r.entity === "link" ? r.entityId : r.entity === "segment" ? linkOfSegment.get(r.entityId)
        : r.entity === "flag" ? flagLink.get(r.entityId) : r.entity === "annotation" ? annotationLink.get(r.entityId) : undefined;
      if (l !== undefined && l !== null) ids.add(l);
    }
    return ids;
  };
  const revisions = [...snapshot.revisions].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  const imported = revisions.find((r) => r.operation === "import");
  const importStamp: Stamp = { at: imported?.createdAt ?? snapshot.document.createdAt, by: imported?.author ?? null };
  const out = new Map<number, LinkHistory>(snapshot.links.map((l) => [l.id, { created: importStamp, changed: null }]));
  for (const r of revisions) {
    if (r.undone || r.entity === "document") continue;
    for (const id of touched(r)) {
      const h = out.get(id);
      if (!h) continue;
      // A structural change that wrote this link without having it before made it.
      const madeHere = !h.changed && !rowIds(asChange(r.before)?.links?.rows).includes(id) && rowIds(asChange(r.after)?.links?.rows).includes(id);
      if (madeHere) h.created = { at: r.createdAt, by: r.author };
      else h.changed = { at: r.createdAt, by: r.author };
    }
  }
  return out;
}
