// Word diff for showing corrections. Unlike diffWords (lib/review/diff.ts), this one counts
// whitespace: many corrections here are spacing fixes ("KI -Modellen" → "KI-Modellen") that
// a whitespace-blind diff reports as no change at all.
import { diffWordsWithSpace } from "diff";
import type { WordDiffPart } from "@/lib/review/diff";

export function visibleWordDiff(before: string, after: string): WordDiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}
