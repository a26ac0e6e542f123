// What a reviewer can do to a document. Every operation is applied by
// lib/db/review.ts in one transaction, written to the revision log, and can be undone.
import type { MqmCategory, Severity, Side } from "../types";

export type ReviewOperation =
  /** Merge a link with the next / previous one (their sentences become one n-m link). */
  | { op: "mergeWithNext"; linkId: number }
  | { op: "mergeWithPrevious"; linkId: number }
  /** Split an n-m link: its first sentence of each side stays, the rest becomes a new link after it. */
  | { op: "splitLink"; linkId: number }
  /** Move the first sentence of `side` to the previous link, or the last to the next link. */
  | { op: "shift"; linkId: number; side: Side; which: "first" | "last" }
  /** Give the link's `side` sentences a link of their own with an empty partner (1-0 / 0-1). */
  | { op: "insertGap"; linkId: number; side: Side }
  | { op: "confirm"; linkId: number }
  | { op: "unconfirm"; linkId: number }
  /** Confirm every link from the start of the document up to and including this one. */
  | { op: "confirmThrough"; linkId: number }
  /** Re-align every unconfirmed link from this one to the end; confirmed links stay fixed. */
  | { op: "realignFrom"; linkId: number }
  /** Split a sentence at a character offset of its current text (two sentences, same link). */
  | { op: "splitSentence"; segmentId: number; at: number }
  /** Join a sentence with the next one of the same side (they end up in one link). */
  | { op: "joinWithNext"; segmentId: number }
  /** Correct the text of a sentence. */
  | { op: "editText"; segmentId: number; text: string }
  /** Accept (apply the suggestion as a text correction), dismiss or reopen a finding. */
  /** `from`: the status the client saw; when given, a different current status is a conflict. */
  | { op: "decideFlag"; flagId: number; decision: "accepted" | "dismissed" | "open"; from?: "accepted" | "dismissed" | "open" | "fixed" }
  | { op: "addAnnotation"; segmentId: number; start: number; end: number; category: MqmCategory; severity: Severity; comment: string }
  | { op: "updateAnnotation"; annotationId: number; category?: MqmCategory; severity?: Severity; comment?: string }
  | { op: "deleteAnnotation"; annotationId: number };

/** Where a search looks: the source text, the target text or both. */
export type SearchSide = Side | "both";

/** A search over a whole document (GET /api/documents/[id]/search). */
export interface SearchQuery {
  text: string;
  side: SearchSide;
  caseSensitive: boolean;
  wholeWord: boolean;
  /** `text` is a JavaScript regular expression (run with a time limit, see lib/review/search.ts). */
  regex: boolean;
}

/** One match, with a little text either side of it for the result list. */
export interface SearchHit { segmentId: number; side: Side; position: number; start: number; end: number; before: string; match: string; after: string }

export interface SearchResult { hits: SearchHit[]; total: number; truncated: boolean }

/**
 * Changes to many sentences or findings at once (POST /api/documents/[id]/bulk). Each is one
 * revision and one undo step. `expectedVersion` is the document's version, except for
 * `replace`, which names one sentence and sends that sentence's version.
 */
export type BulkOperation =
  /** Replace one match (found by `query` at start–end of the target sentence) by `replacement`. */
  | { op: "replace"; segmentId: number; start: number; end: number; query: SearchQuery; replacement: string }
  /** Replace every match of `query` in the target text. */
  | { op: "replaceAll"; query: SearchQuery; replacement: string }
  /** Accept every open finding of the same kind (detector and message) as `flagId` that has a suggestion. */
  | { op: "acceptSimilar"; flagId: number }
  /** Dismiss every open finding of one detector. */
  | { op: "dismissDetector"; detector: string };

export interface BulkRequest { operation: BulkOperation; expectedVersion: number }
