// "The same finding" across re-runs: what was flagged and why, not where. Sentence indices move
// when reviewers split or join sentences, so they are left out; the flagged text, the message key
// and its parameters (minus numbers that only locate it) and the suggestion stay.
import type { Finding } from "../types";

/** Parameters that point at positions ("the earlier sentence 4") change when sentences move. */
const POSITIONAL_PARAMS = new Set(["earlier", "sentence", "similarity", "ratio"]);

export function findingKey(f: Finding, sentenceText: string): string {
  const flagged = sentenceText.slice(f.span[0], f.span[1]).replace(/\s+/g, " ").trim();
  const params = Object.keys(f.message.params)
    .filter((k) => !POSITIONAL_PARAMS.has(k))
    .sort()
    .map((k) => `${k}=${f.message.params[k]}`)
    .join("&");
  return [f.detector, f.side, f.category, f.message.key, flagged, params, f.suggestion ?? ""].join("\u241f");
}
