// What a bulk change does, computed from the document's state as plain data: which sentence
// texts change and which findings get which decision. lib/db/review-bulk.ts reads the state,
// calls these, and writes the result as one revision (one undo step). Pure.
import type { Side } from "../types";
import { InvalidOperationError } from "./errors";
import { compileQuery, runQuery } from "./search";
import type { SearchQuery } from "./types";

export interface SentenceText { id: number; side: Side; text: string }
/** A sentence whose text changes in place (its position and link stay). */
export interface TextEdit { id: number; side: Side; before: string; after: string }
export interface FlagState { id: number; segmentId: number | null; detector: string; messageKey: string; start: number; end: number; excerpt: string; suggestion: string | null; status: string }
export interface Decision { id: number; status: "accepted" | "dismissed" | "open"; decidedBy: number | null; decidedAt: string | null }
export interface BulkChange { edits: TextEdit[]; decisions: { before: Decision[]; after: Decision[] }; skipped: number }

const decisionOf = (f: FlagState & { decidedBy?: number | null; decidedAt?: string | null }): Decision => ({ id: f.id, status: f.status as Decision["status"], decidedBy: f.decidedBy ?? null, decidedAt: f.decidedAt ?? null });

/**
 * Replace changes only the text under review: the target of a translation (the source is what was
 * translated), or the one text of a single-language document (stored as its source side).
 */
export type EditableSide = Side;

/** Every match of `query` in the sentences of the editable side replaced. */
export function replaceAllChange(sentences: SentenceText[], query: SearchQuery, replacement: string, editable: EditableSide = "target"): BulkChange {
  const target = sentences.filter((s) => s.side === editable);
  const compiled = compileQuery({ ...query, side: editable });
  const { replaced } = runQuery(compiled, target.map((s) => s.text), { replacement, regex: query.regex, limit: 0 });
  const edits = target.flatMap((s, i) => (replaced[i] !== null && replaced[i] !== s.text ? [{ id: s.id, side: s.side, before: s.text, after: replaced[i]! }] : []));
  if (!edits.length) throw new InvalidOperationError(`Nothing to replace: the ${editable === "target" ? "target " : ""}text has no match (any more).`, "nothingToChange");
  return { edits: checkedEdits(edits), decisions: { before: [], after: [] }, skipped: 0 };
}

/** The one match at start–end of a sentence replaced; refused when the text there no longer matches. */
export function replaceOneChange(sentence: SentenceText, start: number, end: number, query: SearchQuery, replacement: string, editable: EditableSide = "target"): BulkChange {
  if (sentence.side !== editable) throw new InvalidOperationError("Only the target text can be replaced in; the source is what was translated.");
  const { replaced, total } = runQuery(compileQuery({ ...query, side: editable }), [sentence.text], { replacement, regex: query.regex, only: [start, end] });
  if (!total || replaced[0] === null) throw new InvalidOperationError("The sentence no longer has this match (changed since the search?): search again.");
  if (replaced[0] === sentence.text) throw new InvalidOperationError("The replacement is the same as the text found.", "nothingToChange");
  return { edits: checkedEdits([{ id: sentence.id, side: sentence.side, before: sentence.text, after: replaced[0] }]), decisions: { before: [], after: [] }, skipped: 0 };
}

function checkedEdits(edits: TextEdit[]): TextEdit[] {
  const emptied = edits.find((e) => !e.after.trim());
  if (emptied) throw new InvalidOperationError("This replacement would leave a sentence empty: to remove a sentence, join it with its neighbour instead.");
  return edits;
}

/** Open findings of the same kind as `exemplar`: the same detector saying the same thing (message). */
export function similarFlags(flags: FlagState[], exemplar: FlagState): FlagState[] {
  return flags.filter((f) => f.status === "open" && f.suggestion !== null && f.detector === exemplar.detector && f.messageKey === exemplar.messageKey);
}

/**
 * Accepts every finding given: each suggestion replaces its span, right to left within a
 * sentence so earlier offsets stay valid. A finding whose words are no longer at its place, or
 * whose span overlaps one already applied, is left open (counted in `skipped`).
 */
export function acceptAllChange(flags: FlagState[], sentences: Map<number, SentenceText>, reviewerId: number, at: string): BulkChange {
  const bySentence = new Map<number, FlagState[]>();
  for (const f of flags) if (f.segmentId !== null && f.suggestion !== null && f.status === "open") bySentence.set(f.segmentId, [...(bySentence.get(f.segmentId) ?? []), f]);
  const edits: TextEdit[] = [];
  const accepted: FlagState[] = [];
  let skipped = flags.length;
  for (const [segmentId, list] of bySentence) {
    const sentence = sentences.get(segmentId);
    if (!sentence) continue;
    let text = sentence.text;
    let limit = Infinity;
    for (const f of [...list].sort((a, b) => b.start - a.start || b.end - a.end)) {
      if (f.end > limit || text.slice(f.start, f.end) !== f.excerpt) continue;
      text = text.slice(0, f.start) + f.suggestion + text.slice(f.end);
      limit = f.start;
      accepted.push(f);
      skipped--;
    }
    if (text !== sentence.text) edits.push({ id: sentence.id, side: sentence.side, before: sentence.text, after: text });
  }
  if (!accepted.length) throw new InvalidOperationError("No finding of this kind can be accepted any more: their words have changed.", "nothingToChange");
  return {
    edits: checkedEdits(edits),
    decisions: { before: accepted.map(decisionOf), after: accepted.map((f) => ({ id: f.id, status: "accepted", decidedBy: reviewerId, decidedAt: at })) },
    skipped,
  };
}

/** Dismisses every open finding of `detector`. */
export function dismissAllChange(flags: (FlagState & { decidedBy?: number | null; decidedAt?: string | null })[], detector: string, reviewerId: number, at: string): BulkChange {
  const open = flags.filter((f) => f.detector === detector && f.status === "open");
  if (!open.length) throw new InvalidOperationError("There is no open finding of this kind to dismiss.", "nothingToChange");
  return { edits: [], decisions: { before: open.map(decisionOf), after: open.map((f) => ({ id: f.id, status: "dismissed", decidedBy: reviewerId, decidedAt: at })) }, skipped: 0 };
}
