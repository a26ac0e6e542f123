// The alignment operations as pure functions over the link list (positions, not row ids).
// Each returns a new list and leaves its input alone. Links the reviewer reshaped get
// confidence 1 but stay (or become) unconfirmed: reshaping is not confirming — the neighbour
// that only received a sentence has not been looked at — so confirmation stays the
// reviewer's own act (`confirm`), and only confirmed links are protected from re-alignment.
import type { LinkStatus } from "../document";
import type { Side } from "../types";
import { InvalidOperationError } from "./errors";

export interface LinkState {
  /** The stored row, or undefined for a link an operation created. */
  id?: number;
  source: number[];
  target: number[];
  confidence: number;
  status: LinkStatus;
}

export type LinkOperation =
  | { op: "mergeWithNext"; link: number }
  | { op: "mergeWithPrevious"; link: number }
  | { op: "splitLink"; link: number }
  | { op: "shift"; link: number; side: Side; which: "first" | "last" }
  | { op: "insertGap"; link: number; side: Side }
  | { op: "confirm"; link: number }
  | { op: "unconfirm"; link: number }
  | { op: "confirmThrough"; link: number };

const reshaped = (source: number[], target: number[], id?: number): LinkState => ({ id, source, target, confidence: 1, status: "automatic" });

function describe(link: LinkState): string {
  return `${link.source.length}-${link.target.length}`;
}

/** Applies one operation to the link at position `op.link`. Throws InvalidOperationError when it cannot apply. */
export function applyLinkOperation(links: LinkState[], op: LinkOperation): LinkState[] {
  const i = op.link;
  const link = links[i];
  if (!link) throw new InvalidOperationError(`There is no link at position ${i + 1}.`, "notFound");
  const out = links.slice();
  switch (op.op) {
    case "mergeWithNext":
    case "mergeWithPrevious": {
      const j = op.op === "mergeWithNext" ? i + 1 : i - 1;
      if (!links[j]) throw new InvalidOperationError(op.op === "mergeWithNext" ? "This is the last link: there is no next link to merge it with." : "This is the first link: there is no previous link to merge it with.");
      const [first, second] = j > i ? [link, links[j]] : [links[j], link];
      out.splice(Math.min(i, j), 2, reshaped([...first.source, ...second.source], [...first.target, ...second.target], link.id));
      return out;
    }
    case "splitLink": {
      if (link.source.length <= 1 && link.target.length <= 1) throw new InvalidOperationError(`A ${describe(link)} link cannot be split: it has at most one sentence on each side.`);
      out.splice(i, 1, reshaped(link.source.slice(0, 1), link.target.slice(0, 1), link.id), reshaped(link.source.slice(1), link.target.slice(1)));
      return out;
    }
    case "shift": {
      const sentences = link[op.side];
      if (sentences.length === 0) throw new InvalidOperationError(`This link has no ${op.side} sentence to move.`);
      const j = op.which === "first" ? i - 1 : i + 1;
      const neighbour = links[j];
      if (!neighbour) throw new InvalidOperationError(op.which === "first" ? "This is the first link: its first sentence has no previous link to move to." : "This is the last link: its last sentence has no next link to move to.");
      const moved = op.which === "first" ? sentences[0] : sentences[sentences.length - 1];
      const rest = op.which === "first" ? sentences.slice(1) : sentences.slice(0, -1);
      const into = op.which === "first" ? [...neighbour[op.side], moved] : [moved, ...neighbour[op.side]];
      const changed = { ...link, [op.side]: rest, confidence: 1, status: "automatic" as const };
      const receiving = { ...neighbour, [op.side]: into, confidence: 1, status: "automatic" as const };
      out[i] = changed;
      out[j] = receiving;
      if (changed.source.length === 0 && changed.target.length === 0) out.splice(i, 1);
      return out;
    }
    case "insertGap": {
      if (link.source.length === 0 || link.target.length === 0) throw new InvalidOperationError(`This ${describe(link)} link already has an empty side.`);
      // The named side's sentences get the new link; the source-only link comes first.
      const sourceOnly = reshaped(link.source, [], op.side === "source" ? undefined : link.id);
      const targetOnly = reshaped([], link.target, op.side === "target" ? undefined : link.id);
      out.splice(i, 1, sourceOnly, targetOnly);
      return out;
    }
    case "confirm":
      out[i] = { ...link, status: "confirmed" };
      return out;
    case "unconfirm":
      out[i] = { ...link, status: "automatic" };
      return out;
    case "confirmThrough":
      for (let k = 0; k <= i; k++) if (out[k].status !== "confirmed") out[k] = { ...out[k], status: "confirmed" };
      return out;
  }
}

/** Aligns sentence texts given fixed links (lib/align's realign has this shape). */
export type Realigner = (source: string[], target: string[], fixed: { source: number[]; target: number[]; confidence: number }[]) => { source: number[]; target: number[]; confidence: number }[];

/**
 * Re-aligns the links from position `from` to the end. Confirmed links in that range stay
 * as they are; everything else is handed to `realign` over just the sentences of the range.
 * Links that come out unchanged keep their ids.
 */
export function realignFrom(links: LinkState[], from: number, sourceTexts: string[], targetTexts: string[], realign: Realigner): LinkState[] {
  if (!links[from]) throw new InvalidOperationError(`There is no link at position ${from + 1}.`, "notFound");
  const tail = links.slice(from);
  const firstSource = Math.min(...tail.flatMap((l) => l.source), sourceTexts.length);
  const firstTarget = Math.min(...tail.flatMap((l) => l.target), targetTexts.length);
  const local = (l: { source: number[]; target: number[] }) => ({ source: l.source.map((s) => s - firstSource), target: l.target.map((t) => t - firstTarget) });
  const fixed = tail.filter((l) => l.status === "confirmed").map((l) => ({ ...local(l), confidence: l.confidence }));
  const aligned = realign(sourceTexts.slice(firstSource), targetTexts.slice(firstTarget), fixed);
  const key = (l: { source: number[]; target: number[] }) => `${l.source.join(",")}|${l.target.join(",")}`;
  const old = new Map(tail.map((l) => [key(l), l]));
  const confirmedKeys = new Set(tail.filter((l) => l.status === "confirmed").map(key));
  const result = aligned.map((l): LinkState => {
    const global = { source: l.source.map((s) => s + firstSource), target: l.target.map((t) => t + firstTarget) };
    const previous = old.get(key(global));
    if (previous && (confirmedKeys.has(key(global)) || Math.abs(previous.confidence - l.confidence) < 1e-9)) return previous;
    return { id: previous?.id, ...global, confidence: l.confidence, status: previous?.status === "confirmed" ? "confirmed" : "automatic" };
  });
  return [...links.slice(0, from), ...result];
}
