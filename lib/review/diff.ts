// Word-level diff of a corrected sentence against its earlier text, for the history panel
// and the inline view of corrections. Pure: safe to import from client components.
import { diffWords } from "diff";

export interface WordDiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export function wordDiff(before: string, after: string): WordDiffPart[] {
  return diffWords(before, after).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}
