// The one interface every detector implements. A detector reads sentences (and, for a pair,
// the alignment) and returns findings; it never changes its input.
import type { Finding, Lang, Link, Sentence } from "../types";

export interface AlignedDocument {
  sourceLang: Lang;
  targetLang: Lang;
  source: Sentence[];
  target: Sentence[];
  links: Link[];
}

/** A single-language text; its findings use side "source". */
export interface MonolingualDocument {
  lang: Lang;
  sentences: Sentence[];
}

export interface Detector {
  /** Stable id, e.g. "suspect-compound"; also Finding.detector. */
  id: string;
  /** One line in English for help texts and the README. */
  description: string;
  checkAligned?(doc: AlignedDocument): Finding[];
  checkMonolingual?(doc: MonolingualDocument): Finding[];
}
