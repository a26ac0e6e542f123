// What a review operation changed, in the shape the review page applies to its snapshot.
// Operations return only what changed so that a 10,000-link document stays cheap; rows
// that only moved (because a link or sentence was inserted or removed before them) are
// described by a `Shift` instead of being sent again. Pure: usable in the browser.
import type { AnnotationRecord, DocumentSnapshot, FlagRecord, LinkRecord, SegmentRecord } from "../document";
import type { Side } from "../types";

/** Rows not upserted whose position (old numbering) is >= at move by delta. */
export interface Shift { at: number; delta: number }

export interface ReviewPatch {
  document: { id: number; version: number; updatedAt: string };
  revisionId: number | null;
  shifts: { links?: Shift; source?: Shift; target?: Shift };
  links: { upsert: LinkRecord[]; remove: number[] };
  segments: { upsert: SegmentRecord[]; remove: number[] };
  flags: { upsert: FlagRecord[]; remove: number[] };
  annotations: { upsert: AnnotationRecord[]; remove: number[] };
  /**
   * Ids of the links the change is about, the one it names first (at most ABOUT_LIMIT): the
   * review page makes the first that still exists its current link after an operation, undo or redo.
   */
  about: number[];
}

export const ABOUT_LIMIT = 16;

/** The `about` list of a change: the named link (if a link was named), then the links it touched. */
export function aboutLinks(named: number | null, ...touched: (number[] | undefined)[]): number[] {
  const ids = new Set<number>();
  if (named !== null) ids.add(named);
  for (const list of touched) for (const id of list ?? []) { if (ids.size >= ABOUT_LIMIT) break; ids.add(id); }
  return [...ids];
}

/** Where a change happened in the snapshot it produced: a link, or (no link) a sentence. */
export type ChangedPlace = { linkId: number } | { side: Side; position: number };

export function changedPlace(after: DocumentSnapshot, patch: ReviewPatch): ChangedPlace | null {
  const links = new Set(after.links.map((l) => l.id));
  const named = patch.about.find((id) => links.has(id));
  if (named !== undefined) return { linkId: named };
  const segment = patch.segments.upsert[0];
  if (segment) return { side: segment.side, position: segment.position };
  const annotation = patch.annotations.upsert[0];
  if (annotation) return { side: annotation.side, position: annotation.sentence };
  const link = patch.links.upsert[0];
  if (link) return { linkId: link.id };
  const flag = patch.flags.upsert.find((f) => f.sentence >= 0);
  return flag ? { side: flag.side, position: flag.sentence } : null;
}

export interface UndoState {
  undo: { revisionId: number; operation: string } | null;
  redo: { revisionId: number; operation: string } | null;
}

export function emptyPatch(document: ReviewPatch["document"], revisionId: number | null = null): ReviewPatch {
  return {
    document, revisionId, shifts: {},
    links: { upsert: [], remove: [] }, segments: { upsert: [], remove: [] },
    flags: { upsert: [], remove: [] }, annotations: { upsert: [], remove: [] }, about: [],
  };
}

function moved(position: number, shift: Shift | undefined): number {
  return shift && position >= shift.at ? position + shift.delta : position;
}

function merge<T extends { id: number }>(rows: T[], remove: number[], upsert: T[], move: (row: T) => T, order: (a: T, b: T) => number): T[] {
  const gone = new Set([...remove, ...upsert.map((r) => r.id)]);
  return [...rows.filter((r) => !gone.has(r.id)).map(move), ...upsert].sort(order);
}

/**
 * The snapshot after the change: removes, shifts the rest, upserts, re-sorts. When the patch's
 * document version is not the snapshot's + 1, another reviewer changed something in between that
 * this patch does not carry: the snapshot keeps its old version, so the next `?since=` poll (or a
 * document-wide operation, refused as stale) brings the whole view up to date.
 */
export function applyPatch(snapshot: DocumentSnapshot, patch: ReviewPatch): DocumentSnapshot {
  const { shifts } = patch;
  const sentence = (side: Side, index: number) => moved(index, shifts[side]);
  const bySideUpsert = (side: Side) => patch.segments.upsert.filter((s) => s.side === side);
  const segments = (side: Side) => merge<SegmentRecord>(
    snapshot[side], patch.segments.remove, bySideUpsert(side),
    (s) => ({ ...s, position: sentence(side, s.position) }), (a, b) => a.position - b.position,
  );
  const links = merge<LinkRecord>(
    snapshot.links, patch.links.remove, patch.links.upsert,
    (l) => ({ ...l, position: moved(l.position, shifts.links), source: l.source.map((i) => sentence("source", i)), target: l.target.map((i) => sentence("target", i)) }),
    (a, b) => a.position - b.position,
  );
  const flags = merge<FlagRecord>(
    snapshot.flags, patch.flags.remove, patch.flags.upsert,
    (f) => (f.sentence >= 0 ? { ...f, sentence: sentence(f.side, f.sentence) } : f), (a, b) => a.id - b.id,
  );
  const annotations = merge<AnnotationRecord>(
    snapshot.annotations, patch.annotations.remove, patch.annotations.upsert,
    (a) => ({ ...a, sentence: sentence(a.side, a.sentence) }), (a, b) => a.id - b.id,
  );
  return {
    ...snapshot,
    document: patch.document.version === snapshot.document.version + 1
      ? { ...snapshot.document, version: patch.document.version, updatedAt: patch.document.updatedAt }
      : snapshot.document,
    source: segments("source"), target: segments("target"), links, flags, annotations,
  };
}
