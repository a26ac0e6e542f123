// A brand or acronym written with other capitals than in the source or elsewhere in the same
// document ("Openai" beside "OpenAI", "portai" beside "PortAI"). Only spellings with capitals
// inside the word count as the reference: "Open"/"open" at a sentence start is not a name.
import type { Finding, Sentence, Side } from "../types";
import { makeFinding, linkedPairs } from "./finding";
import { words } from "./tokens";
import type { AlignedDocument, Detector } from "./types";

const ID = "name-casing";

/** A spelling worth copying: capitals inside the word right after a lower-case letter ("OpenAI",
 *  "PortAI", "iPhone"). All-capital words (headlines, "TOM") and hyphenated title case ("Drawing-Room")
 *  are not references. */
function brandSpelling(w: string): boolean {
  return /\p{Ll}\p{Lu}/u.test(w);
}

/** Differs in more than the first letter's case, and is not the same word shouted in capitals. */
function miscased(found: string, reference: string): boolean {
  if (found === reference || found.toLowerCase() !== reference.toLowerCase()) return false;
  if (found.slice(1) === reference.slice(1)) return false;
  if (found === found.toUpperCase() && found.length > 3) return false;
  return brandSpelling(reference);
}

/** Strip a possessive or genitive s so "OpenAI's" and "Openais" compare with "OpenAI". */
function base(token: string): string {
  return token.replace(/['’]s$/, "");
}

function flag(side: Side, sentence: number, start: number, found: string, reference: string, key: string): Finding {
  return makeFinding({
    detector: ID, category: "Fluency/Spelling", severity: "minor", side, sentence,
    span: [start, start + found.length], key, params: { found, expected: reference }, suggestion: reference,
  });
}

/** Spellings used in the document, by lowercase form; the reference is the commonest one with inner capitals. */
function referenceSpellings(sentences: Sentence[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    for (const w of words(s.text)) {
      const b = base(w.text);
      if (!brandSpelling(b)) continue;
      const forms = counts.get(b.toLowerCase()) ?? new Map<string, number>();
      forms.set(b, (forms.get(b) ?? 0) + 1);
      counts.set(b.toLowerCase(), forms);
    }
  }
  const out = new Map<string, string>();
  for (const [key, forms] of counts) out.set(key, [...forms].sort((a, b) => b[1] - a[1])[0]![0]);
  return out;
}

export function documentCasingFindings(sentences: Sentence[], side: Side, preset?: Map<string, string>): Finding[] {
  const reference = preset ?? referenceSpellings(sentences);
  const out: Finding[] = [];
  sentences.forEach((s, i) => {
    for (const w of words(s.text)) {
      const ref = reference.get(base(w.text).toLowerCase());
      if (ref && miscased(base(w.text), ref)) out.push(flag(side, i, w.start, base(w.text), ref, "casing.document"));
    }
  });
  return out;
}

function pairFindings(doc: AlignedDocument): Finding[] {
  const out: Finding[] = [];
  for (const pair of linkedPairs(doc)) {
    const sourceForms = new Map<string, string>();
    for (const w of words(pair.sourceText)) if (brandSpelling(base(w.text))) sourceForms.set(base(w.text).toLowerCase(), base(w.text));
    for (const t of pair.target) {
      for (const w of words(doc.target[t]!.text)) {
        let found = base(w.text);
        let ref = sourceForms.get(found.toLowerCase());
        // German genitive of a name: "Openais" for "OpenAI's".
        if (!ref && found.endsWith("s")) [found, ref] = [found.slice(0, -1), sourceForms.get(found.slice(0, -1).toLowerCase())];
        if (ref && miscased(found, ref)) out.push(flag("target", t, w.start, found, ref, "casing.source"));
      }
    }
  }
  return out;
}

/** Pair findings first: where the source and the document disagree, the source's spelling wins. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.side}/${f.sentence}/${f.span[0]}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const nameCasingDetector: Detector = {
  id: ID,
  description: "A brand or acronym written with other capitals than in the source or elsewhere in the document ('Openai' vs 'OpenAI').",
  checkAligned: (doc) => {
    const sourceRef = referenceSpellings(doc.source);
    return dedupe([
      ...pairFindings(doc),
      ...documentCasingFindings(doc.source, "source"),
      // The source's spelling of a brand is the reference for the translation too.
      ...documentCasingFindings(doc.target, "target", new Map([...referenceSpellings(doc.target), ...sourceRef])),
    ]);
  },
  checkMonolingual: (doc) => documentCasingFindings(doc.sentences, "source"),
};
