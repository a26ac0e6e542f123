// A stored document as plain data: what lib/db loads, what exports and reports read,
// and (serialised) the lossless JSON exchange format. Segment and link ids are the
// database ids; sentence indices in `Link`s are positions on each side.
import type { Finding, Lang, Link, MqmCategory, Severity, Side } from "./types";

export interface SegmentRecord {
  id: number;
  side: Side;
  /** 0-based index on its side; equals the index in `DocumentSnapshot.source|target`. */
  position: number;
  paragraph: number;
  start: number | null;
  end: number | null;
  /** As imported (or as created by a split/join). */
  originalText: string;
  /** As corrected by reviewers. */
  text: string;
  version: number;
  updatedAt: string;
}

export type LinkStatus = "automatic" | "confirmed";

export interface LinkRecord extends Link {
  id: number;
  position: number;
  status: LinkStatus;
  version: number;
}

/**
 * "fixed" is never a reviewer's decision: a finding becomes fixed when a reviewer corrected the
 * text by hand so that the detector no longer finds it (lib/db/flags.ts). Its row stays, so the
 * report still knows the error was in the text as delivered; it is open again if the error comes back.
 */
export type FlagStatus = "open" | "accepted" | "dismissed" | "fixed";
export const FLAG_STATUSES: FlagStatus[] = ["open", "accepted", "dismissed", "fixed"];

export interface FlagRecord extends Finding {
  id: number;
  linkId: number | null;
  /**
   * The text the finding is about, as it read when it was found. Kept with the finding (and its
   * decision): once a suggestion is accepted the sentence reads otherwise, and cutting `span` out
   * of the corrected text would quote the wrong words.
   */
  excerpt: string;
  status: FlagStatus;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface AnnotationRecord {
  id: number;
  side: Side;
  /** Sentence index on `side`. */
  sentence: number;
  span: [number, number];
  category: MqmCategory;
  severity: Severity;
  comment: string;
  author: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RevisionRecord {
  id: number;
  author: string | null;
  createdAt: string;
  entity: "document" | "link" | "segment" | "flag" | "annotation";
  entityId: number | null;
  operation: string;
  before: unknown;
  after: unknown;
  undone: boolean;
}

export interface DocumentMeta {
  id: number;
  title: string;
  sourceLang: Lang;
  /** null for a single-language document. */
  targetLang: Lang | null;
  sourceName: string | null;
  targetName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentSnapshot {
  document: DocumentMeta;
  source: SegmentRecord[];
  target: SegmentRecord[];
  links: LinkRecord[];
  flags: FlagRecord[];
  annotations: AnnotationRecord[];
  revisions: RevisionRecord[];
}
