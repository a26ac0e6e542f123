// Random review steps for the property tests: what a step is, and the request it makes on a view.
import fc from "fast-check";
import type { DocumentSnapshot } from "../../../lib/document";
import type { ReviewOperation } from "../../../lib/review/types";

export const step = fc.record({
  kind: fc.constantFrom("mergeWithNext", "mergeWithPrevious", "splitLink", "shift", "insertGap", "confirm", "unconfirm", "confirmThrough", "realignFrom",
    "splitSentence", "joinWithNext", "editText", "addAnnotation", "deleteAnnotation", "undo", "undo", "redo", "undoThenRedo", "undoThenRedo"),
  pick: fc.nat(1000),
  side: fc.constantFrom("source" as const, "target" as const),
  which: fc.constantFrom("first" as const, "last" as const),
  fraction: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
});
export type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

export function operationFor(s: DocumentSnapshot, x: Step): { operation: ReviewOperation; expectedVersion: number } | null {
  // splitLink only applies to n-m links: pick among those when there are any.
  const splittable = s.links.filter((l) => l.source.length > 1 || l.target.length > 1);
  const candidates = x.kind === "splitLink" && splittable.length ? splittable : s.links;
  const link = candidates[x.pick % candidates.length];
  const segment = s[x.side][x.pick % s[x.side].length];
  switch (x.kind) {
    case "mergeWithNext": case "mergeWithPrevious": case "splitLink": case "confirm": case "unconfirm":
      return { operation: { op: x.kind, linkId: link.id }, expectedVersion: link.version };
    case "shift": return { operation: { op: "shift", linkId: link.id, side: x.side, which: x.which }, expectedVersion: link.version };
    case "insertGap": return { operation: { op: "insertGap", linkId: link.id, side: x.side }, expectedVersion: link.version };
    case "confirmThrough": case "realignFrom": return { operation: { op: x.kind, linkId: link.id }, expectedVersion: s.document.version };
    case "splitSentence": return { operation: { op: "splitSentence", segmentId: segment.id, at: Math.max(1, Math.floor(segment.text.length * x.fraction)) }, expectedVersion: segment.version };
    case "joinWithNext": return { operation: { op: "joinWithNext", segmentId: segment.id }, expectedVersion: segment.version };
    case "editText": return { operation: { op: "editText", segmentId: segment.id, text: `${segment.text} [${x.pick}]` }, expectedVersion: segment.version };
    case "addAnnotation": {
      const end = Math.max(1, Math.floor(segment.text.length * x.fraction));
      return { operation: { op: "addAnnotation", segmentId: segment.id, start: end - 1, end, category: "Other", severity: "minor", comment: String(x.pick) }, expectedVersion: segment.version };
    }
    case "deleteAnnotation": {
      const a = s.annotations[x.pick % Math.max(1, s.annotations.length)];
      return a ? { operation: { op: "deleteAnnotation", annotationId: a.id }, expectedVersion: a.version } : null;
    }
    default: return null;
  }
}
