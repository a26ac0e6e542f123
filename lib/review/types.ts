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
  | { op: "decideFlag"; flagId: number; decision: "accepted" | "dismissed" | "open"; from?: "accepted" | "dismissed" | "open" }
  | { op: "addAnnotation"; segmentId: number; start: number; end: number; category: MqmCategory; severity: Severity; comment: string }
  | { op: "updateAnnotation"; annotationId: number; category?: MqmCategory; severity?: Severity; comment?: string }
  | { op: "deleteAnnotation"; annotationId: number };

