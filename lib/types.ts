// The data every stage passes on. Types are the documentation: these shapes are used
// unchanged by lib/, the CLI, the database layer and the web app.

/** ISO 639-1 code, e.g. "en", "de". */
export type Lang = string;

export type Side = "source" | "target";

/** A sentence with its place in the text it was cut from: text === original.slice(start, end). */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** 0-based paragraph index within the document. */
  paragraph: number;
}

/**
 * One alignment link: 0-based sentence indices of each side (ascending, contiguous),
 * and a confidence in [0, 1]. A 1-0 link has `target: []`, a 0-1 link `source: []`.
 */
export interface Link {
  source: number[];
  target: number[];
  confidence: number;
}

export type Severity = "neutral" | "minor" | "major" | "critical";

/** MQM-style categories, "Dimension/Subcategory". */
export type MqmCategory =
  | "Accuracy/Mistranslation"
  | "Accuracy/Omission"
  | "Accuracy/Addition"
  | "Accuracy/Untranslated"
  | "Terminology/Inconsistent"
  | "Fluency/Spelling"
  | "Fluency/Grammar"
  | "Fluency/Punctuation"
  | "Fluency/Spacing"
  | "Locale/Number format"
  | "Design/Markup"
  | "Style/Awkward"
  | "Other";

/** A finding of an artifact detector. `span` is [start, end) in the sentence's text. */
export interface Finding {
  detector: string;
  category: MqmCategory;
  severity: Severity;
  side: Side;
  /** Sentence index on `side`. */
  sentence: number;
  span: [number, number];
  /** i18n key (locales/*.json "findings.<key>") and its parameters. */
  message: { key: string; params: Record<string, string | number> };
  /** Replacement text for `span`, where a fix is known. */
  suggestion?: string;
  evidence?: Record<string, unknown>;
  /**
   * The share of findings of this kind and score band that were right on professionally rated machine
   * translation (lib/artifacts/confidence.ts); findings below the user's threshold are hidden.
   */
  confidence: number;
}
