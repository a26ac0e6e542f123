// Narrative with dialogue: quotation marks in one sentence of twenty-five or more. The OPUS novels have
// them in 5–70% of their sentences, the rated TED talks in at most 2%. Checks that assume one
// voice addressing one reader (address forms) or a technical text's need for fixed terms (one
// rendering per term) do not apply to fiction, where characters address each other in different
// ways and translators vary their words on purpose.
import type { Sentence } from "../types";

export const QUOTATION = /["„“”»«‚‘’]|,,|''/u;
const DIALOGUE_SHARE = 0.04;

export function isNarrativeWithDialogue(sentences: Sentence[]): boolean {
  const quoted = sentences.filter((s) => QUOTATION.test(s.text)).length;
  return quoted >= Math.max(2, DIALOGUE_SHARE * sentences.length);
}
