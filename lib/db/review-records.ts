// Database rows → the plain records of lib/document.ts, for the patches review operations
// return. Mirrors loadSnapshot's mapping, for a handful of rows at a time.
import type { Tx } from "./client";
import { findManyIn } from "./chunked";
import { findingConfidence } from "../artifacts/confidence";
import type { AnnotationRecord, FlagRecord, LinkRecord, SegmentRecord } from "../document";
import type { MqmCategory, Severity, Side } from "../types";

type SegmentRowDb = Awaited<ReturnType<Tx["segment"]["findFirstOrThrow"]>>;
type LinkRowDb = Awaited<ReturnType<Tx["link"]["findFirstOrThrow"]>>;
type FlagRowDb = Awaited<ReturnType<Tx["flag"]["findFirstOrThrow"]>>;
type AnnotationRowDb = Awaited<ReturnType<Tx["annotation"]["findFirstOrThrow"]>>;

export function segmentRecord(s: SegmentRowDb): SegmentRecord {
  return {
    id: s.id, side: s.side as Side, position: s.position, paragraph: s.paragraph, start: s.start, end: s.end,
    originalText: s.originalText, text: s.text, version: s.version, updatedAt: s.updatedAt.toISOString(),
  };
}

/** Segment id → { side, position } for the ids given (one query). */
export async function segmentPlaces(tx: Tx, ids: Iterable<number>): Promise<Map<number, { side: Side; position: number }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await findManyIn(unique, (part) => tx.segment.findMany({ where: { id: { in: part } }, select: { id: true, side: true, position: true } }));
  return new Map(rows.map((r) => [r.id, { side: r.side as Side, position: r.position }]));
}

export async function linkRecords(tx: Tx, rows: LinkRowDb[]): Promise<LinkRecord[]> {
  const places = await segmentPlaces(tx, rows.flatMap((l) => [...(l.sourceIds as number[]), ...(l.targetIds as number[])]));
  return rows.map((l) => ({
    id: l.id, position: l.position, status: l.status as LinkRecord["status"], version: l.version, confidence: l.confidence,
    source: (l.sourceIds as number[]).map((id) => places.get(id)!.position), target: (l.targetIds as number[]).map((id) => places.get(id)!.position),
  }));
}

async function logins(tx: Tx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await findManyIn(wanted, (part) => tx.reviewer.findMany({ where: { id: { in: part } }, select: { id: true, login: true } }));
  return new Map(rows.map((r) => [r.id, r.login]));
}

/** `known`: places of the rows' segments the caller has at hand (the others are read). */
export async function flagRecords(tx: Tx, rows: FlagRowDb[], known?: Map<number, { side: Side; position: number }>): Promise<FlagRecord[]> {
  const wanted = rows.flatMap((f) => (f.segmentId !== null && !known?.has(f.segmentId) ? [f.segmentId] : []));
  const read = await segmentPlaces(tx, wanted);
  const places = known ? new Map([...known, ...read]) : read;
  const login = await logins(tx, rows.map((f) => f.decidedBy));
  return rows.map((f) => ({
    id: f.id, linkId: f.linkId, excerpt: f.excerpt, detector: f.detector, category: f.category as MqmCategory, severity: f.severity as Severity,
    side: f.side as Side, sentence: f.segmentId !== null ? places.get(f.segmentId)?.position ?? -1 : -1, span: [f.start, f.end],
    message: { key: f.messageKey, params: f.params as Record<string, string | number> },
    ...(f.suggestion !== null ? { suggestion: f.suggestion } : {}), ...(f.evidence !== null ? { evidence: f.evidence as Record<string, unknown> } : {}),
    // Recomputed on every read, so a stored finding is judged by the calibration the workbench ships now.
    confidence: findingConfidence({ detector: f.detector, message: { key: f.messageKey, params: {} }, evidence: (f.evidence ?? undefined) as Record<string, unknown> | undefined }),
    status: f.status as FlagRecord["status"], decidedBy: f.decidedBy !== null ? login.get(f.decidedBy) ?? null : null, decidedAt: f.decidedAt?.toISOString() ?? null,
  }));
}

export async function annotationRecords(tx: Tx, rows: AnnotationRowDb[]): Promise<AnnotationRecord[]> {
  const places = await segmentPlaces(tx, rows.map((a) => a.segmentId));
  const login = await logins(tx, rows.map((a) => a.authorId));
  return rows.map((a) => ({
    id: a.id, side: places.get(a.segmentId)!.side, sentence: places.get(a.segmentId)!.position, span: [a.start, a.end],
    category: a.category as MqmCategory, severity: a.severity as Severity, comment: a.comment,
    author: a.authorId !== null ? login.get(a.authorId) ?? null : null, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), version: a.version,
  }));
}
