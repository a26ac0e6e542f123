// The snapshot as the page sends it to the browser. Sentences and links go as short tuples
// (the RSC payload repeats every key of every row, escaped, inside the HTML), side and
// position are implied by the array, text that was never corrected is sent once, and
// timestamps equal to the import time are left out. For a 5,000-link document that roughly
// halves what the browser has to download and parse before the page is interactive.
import type { DocumentSnapshot, LinkRecord, SegmentRecord } from "@/lib/document";
import type { Side } from "@/lib/types";

/** [id, paragraph, start, end, version, text, originalText (0 = same as text), updatedAt (0 = import time)] */
type WireSegment = [number, number, number | null, number | null, number, string, string | 0, string | 0];
/** [id, first source, source count, first target, target count, confidence, confirmed 1/0, version] */
type WireLink = [number, number, number, number, number, number, 0 | 1, number];

export type WireSnapshot = Omit<DocumentSnapshot, "source" | "target" | "links" | "revisions"> & {
  source: WireSegment[];
  target: WireSegment[];
  links: WireLink[];
};

export function toWire(snapshot: DocumentSnapshot): WireSnapshot {
  const created = snapshot.document.createdAt;
  const segment = (s: SegmentRecord): WireSegment => [
    s.id, s.paragraph, s.start, s.end, s.version, s.text, s.originalText === s.text ? 0 : s.originalText, s.updatedAt === created ? 0 : s.updatedAt,
  ];
  const link = (l: LinkRecord): WireLink => [
    l.id, l.source[0] ?? -1, l.source.length, l.target[0] ?? -1, l.target.length, l.confidence, l.status === "confirmed" ? 1 : 0, l.version,
  ];
  const { revisions: _revisions, source, target, links, ...rest } = snapshot;
  return { ...rest, source: source.map(segment), target: target.map(segment), links: links.map(link) };
}

const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

export function fromWire(wire: WireSnapshot): DocumentSnapshot {
  const created = wire.document.createdAt;
  const segments = (side: Side) => wire[side].map(([id, paragraph, start, end, version, text, original, updatedAt], position): SegmentRecord => ({
    id, side, position, paragraph, start, end, version, text, originalText: original === 0 ? text : original, updatedAt: updatedAt === 0 ? created : updatedAt,
  }));
  const links = wire.links.map(([id, s0, sn, t0, tn, confidence, confirmed, version], position): LinkRecord => ({
    id, position, source: range(s0, sn), target: range(t0, tn), confidence, status: confirmed ? "confirmed" : "automatic", version,
  }));
  return { ...wire, source: segments("source"), target: segments("target"), links, revisions: [] };
}
