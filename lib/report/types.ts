// A quality report as plain data: what the web page, the HTML/CSV/JSON downloads and the
// CLI all render. Built from a DocumentSnapshot by buildQualityReport.
import type { FlagStatus, LinkStatus } from "../document";
import type { Lang, MqmCategory, Severity, Side } from "../types";

export const SEVERITIES: Severity[] = ["critical", "major", "minor", "neutral"];

export const MQM_CATEGORIES: MqmCategory[] = [
  "Accuracy/Mistranslation", "Accuracy/Omission", "Accuracy/Addition", "Accuracy/Untranslated", "Terminology/Inconsistent",
  "Fluency/Spelling", "Fluency/Grammar", "Fluency/Punctuation", "Fluency/Spacing", "Locale/Number format", "Design/Markup",
  "Style/Awkward", "Other",
];

export interface ReportOptions {
  /** Pass/fail limit in penalty points per 1,000 source words (default 10). */
  threshold?: number;
  /** Links below this confidence count as low-confidence (default 0.5). */
  lowConfidence?: number;
  /** Whether findings nobody has decided on yet count toward the score (default true). */
  countOpenFindings?: boolean;
  /**
   * Open findings whose confidence (lib/artifacts/confidence.ts) is below this are left out of the report
   * (default DEFAULT_MIN_CONFIDENCE, chosen on rated machine translation); decided findings always stay.
   */
  minConfidence?: number;
  /** Login → display name: reports show people by name (decisions, annotations, activity). */
  displayNames?: Record<string, string>;
  /** Time written as the report's date (default now). */
  now?: Date;
}

/** A finding's status, or "annotated" for a reviewer's annotation. */
export type IssueStatus = FlagStatus | "annotated";

export interface ScoreSummary {
  /** Source words of the document (the evaluation word count). */
  words: number;
  /** Issues that count: annotations, accepted and fixed findings and (by default) open findings, one per span. */
  counted: number;
  /** Absolute penalty: sum of severity multipliers of the counted issues. */
  penalty: number;
  /** Penalty normalised to 1,000 source words. */
  penaltyPer1000: number;
  /** 100 × (1 − penalty / words): 100 is flawless, it can go below 0. */
  qualityScore: number;
  threshold: number;
  pass: boolean;
}

export interface CategoryCount {
  category: MqmCategory;
  severity: Severity;
  findings: number;
  annotations: number;
  /** Penalty points these counted issues contribute. */
  penalty: number;
}

export interface ReportIssue {
  kind: "finding" | "annotation";
  id: number;
  category: MqmCategory;
  severity: Severity;
  side: Side;
  sentence: number;
  span: [number, number];
  /** 0-based position of the link holding the sentence, null without one. */
  linkPosition: number | null;
  /** Findings: the text the finding flagged when it was found (for a fixed or accepted finding, the words that were replaced); annotations: the annotated words. */
  excerpt: string;
  /** Findings: detector, i18n message and suggestion. */
  detector: string | null;
  message: { key: string; params: Record<string, string | number> } | null;
  suggestion: string | null;
  /** Findings: the reviewer's decision, or "fixed" when the text was corrected by hand; annotations: "annotated". */
  status: IssueStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  /** Annotations: the reviewer's comment and who wrote it. */
  comment: string | null;
  author: string | null;
  /** Counts toward the score of the translation as delivered. */
  counted: boolean;
  /** Counted and still in the text: the error remains open after review. */
  remaining: boolean;
  /** Set when another issue on the same words carries the count (an annotation on a flagged span). */
  sameSpanAs: { kind: "finding" | "annotation"; id: number } | null;
  /** Findings: calibrated share of such findings that are right (null for annotations). */
  confidence: number | null;
  /** The sentence pair in context: the current text of the link's sentences on each side. */
  context: { source: string[]; target: string[]; /** Index of the issue's sentence in its side's list. */ at: number; linkStatus: LinkStatus | null; confidence: number | null };
}

export interface AlignmentSummary {
  links: number;
  sourceSentences: number;
  targetSentences: number;
  /** "1-1", "2-1", "1-0", … → number of links. */
  byType: Record<string, number>;
  confirmed: number;
  confirmedShare: number;
  lowConfidence: number;
  lowConfidenceThreshold: number;
  meanConfidence: number;
  /** 1-0 links: source sentences without a translation. */
  omissions: number;
  /** 0-1 links: target sentences without a source. */
  additions: number;
}

export interface ReviewerActivity {
  /** Login, or null for changes without an author (imports, scripts). */
  reviewer: string | null;
  changes: number;
  undone: number;
  /** Operation name → count. */
  operations: Record<string, number>;
  first: string;
  last: string;
}

export interface ActivityEntry {
  at: string;
  reviewer: string | null;
  operation: string;
  entity: string;
  entityId: number | null;
  undone: boolean;
}

export interface DistributionBin {
  /** Link positions (sentence positions without links) [from, to). */
  from: number;
  to: number;
  counts: Record<Severity, number>;
}

export interface QualityReport {
  kind: "document";
  generatedAt: string;
  document: { id: number; title: string; sourceLang: Lang; targetLang: Lang | null; sourceName: string | null; targetName: string | null; updatedAt: string };
  words: { source: number; target: number };
  /** The translation as delivered: every error found in it, whether since accepted, fixed by hand or annotated. */
  score: ScoreSummary;
  /** What remains open after review: the counted errors still in the text. */
  remaining: ScoreSummary;
  /** Only the category × severity cells that have issues, in MQM_CATEGORIES × SEVERITIES order. */
  counts: CategoryCount[];
  /** `hidden`: open findings below `minConfidence`, left out of issues, counts and score. */
  totals: { findings: Record<FlagStatus, number>; annotations: number; hidden: number };
  minConfidence: number;
  issues: ReportIssue[];
  /** Counted issues along the document, in up to 40 equal bins. */
  distribution: DistributionBin[];
  alignment: AlignmentSummary | null;
  corrections: { sourceSegments: number; targetSegments: number };
  activity: { reviewers: ReviewerActivity[]; entries: ActivityEntry[] };
  /** Login → display name of the people the report names (the data keeps logins; renderings show names). */
  people: Record<string, string>;
}

export interface ProjectDocumentRow {
  id: number;
  title: string;
  sourceLang: Lang;
  targetLang: Lang | null;
  words: number;
  score: ScoreSummary;
  remaining: ScoreSummary;
  issues: number;
  openFindings: number;
  confirmedShare: number | null;
}

export interface ProjectReport {
  kind: "project";
  generatedAt: string;
  threshold: number;
  documents: ProjectDocumentRow[];
  /** Over all documents: summed penalties over summed words. */
  score: ScoreSummary;
  remaining: ScoreSummary;
  counts: CategoryCount[];
  totals: { findings: Record<FlagStatus, number>; annotations: number; hidden: number };
  minConfidence: number;
  alignment: AlignmentSummary | null;
  activity: { reviewers: ReviewerActivity[] };
  people: Record<string, string>;
}
