// From a document snapshot to the plain-data quality report, and from many reports to the
// project report.
import { FLAG_STATUSES, type DocumentSnapshot, type FlagRecord, type FlagStatus, type LinkRecord, type RevisionRecord } from "../document";
import { DEFAULT_MIN_CONFIDENCE } from "../artifacts/confidence";
import type { Severity } from "../types";
import { linkType } from "../formats/units";
import { DEFAULT_THRESHOLD, SEVERITY_MULTIPLIERS, round2, score, validateThreshold } from "./score";
import {
  MQM_CATEGORIES, SEVERITIES, type ActivityEntry, type AlignmentSummary, type CategoryCount, type DistributionBin,
  type ProjectReport, type QualityReport, type ReportIssue, type ReportOptions, type ReviewerActivity,
} from "./types";
import { countWords } from "./words";
import { displayLabel } from "../text-hygiene";

const MAX_BINS = 40;

function zeroSeverities(): Record<Severity, number> {
  return { critical: 0, major: 0, minor: 0, neutral: 0 };
}

function excerptOf(text: string | undefined, span: [number, number]): string {
  return text !== undefined && span[0] < span[1] && span[1] <= text.length ? text.slice(span[0], span[1]) : "";
}

function linkIndex(links: LinkRecord[]) {
  const of = { source: new Map<number, LinkRecord>(), target: new Map<number, LinkRecord>() };
  for (const l of links) {
    for (const i of l.source) of.source.set(i, l);
    for (const i of l.target) of.target.set(i, l);
  }
  return of;
}

/**
 * Open findings below the threshold are doubtful: reviewers never see them unless they lower it.
 * A doubtful finding that a correction happened to fix stays left out too: nobody confirmed it,
 * and the figures of the translation as delivered do not change with an edit.
 */
function isHidden(f: FlagRecord, minConfidence: number): boolean {
  return (f.status === "open" || f.status === "fixed") && f.confidence < minConfidence;
}

/** Whether an accepted finding's words are still in the text (accepted as an error, but not corrected). */
function stillThere(f: FlagRecord, text: string | undefined): boolean {
  if (text === undefined) return false;
  if (f.excerpt !== undefined) return f.excerpt !== "" && text.slice(f.span[0], f.span[1]) === f.excerpt;
  return f.suggestion === undefined;
}

const overlaps = (a: ReportIssue, b: ReportIssue) => a.side === b.side && a.sentence === b.sentence && a.span[0] < b.span[1] && b.span[0] < a.span[1];
const sameSpan = (a: ReportIssue, b: ReportIssue) => a.side === b.side && a.sentence === b.sentence && a.span[0] === b.span[0] && a.span[1] === b.span[1];

/**
 * One count per span: an annotation on words the tool flagged carries the count (a reviewer's
 * category and severity over the detector's), and findings of several detectors on exactly the
 * same words count once, by the most severe.
 */
function oneCountPerSpan(issues: ReportIssue[]): void {
  const bySentence = new Map<string, ReportIssue[]>();
  for (const i of issues) {
    if (!i.counted) continue;
    const key = `${i.side}|${i.sentence}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), i]);
  }
  for (const group of bySentence.values()) {
    const annotations = group.filter((i) => i.kind === "annotation");
    const findings = group.filter((i) => i.kind === "finding").sort((a, b) => SEVERITY_MULTIPLIERS[b.severity] - SEVERITY_MULTIPLIERS[a.severity] || a.id - b.id);
    for (const f of findings) {
      const carrier = annotations.find((a) => overlaps(a, f)) ?? findings.find((g) => g !== f && g.counted && sameSpan(g, f) && findings.indexOf(g) < findings.indexOf(f));
      if (!carrier) continue;
      f.counted = false;
      f.remaining = false;
      f.sameSpanAs = { kind: carrier.kind, id: carrier.id };
    }
  }
}

function issuesOf(snapshot: DocumentSnapshot, countOpen: boolean, minConfidence: number): ReportIssue[] {
  const linkOf = linkIndex(snapshot.links);
  const context = (side: "source" | "target", sentence: number): ReportIssue["context"] => {
    const link = linkOf[side].get(sentence);
    if (!link) return { source: side === "source" ? [snapshot.source[sentence]?.text ?? ""] : [], target: side === "target" ? [snapshot.target[sentence]?.text ?? ""] : [], at: 0, linkStatus: null, confidence: null };
    return {
      source: link.source.map((i) => snapshot.source[i]?.text ?? ""), target: link.target.map((i) => snapshot.target[i]?.text ?? ""),
      at: link[side].indexOf(sentence), linkStatus: link.status, confidence: link.confidence,
    };
  };
  const findings: ReportIssue[] = snapshot.flags.filter((f) => !isHidden(f, minConfidence)).map((f) => {
    const text = snapshot[f.side][f.sentence]?.text;
    // The text the finding was about: after a fix the span no longer fits the corrected sentence.
    const excerpt = f.excerpt ?? excerptOf(text, f.span);
    const counted = f.status === "accepted" || f.status === "fixed" || (f.status === "open" && countOpen);
    const remaining = counted && (f.status === "open" || (f.status === "accepted" && stillThere(f, text)));
    return {
      kind: "finding", id: f.id, category: f.category, severity: f.severity, side: f.side, sentence: f.sentence, span: f.span,
      linkPosition: linkOf[f.side].get(f.sentence)?.position ?? null, excerpt,
      detector: f.detector, message: f.message, suggestion: f.suggestion ?? null, status: f.status, decidedBy: f.decidedBy, decidedAt: f.decidedAt,
      comment: null, author: null, counted, remaining, sameSpanAs: null, confidence: f.confidence, context: context(f.side, f.sentence),
    };
  });
  const annotations: ReportIssue[] = snapshot.annotations.map((a) => {
    const segment = snapshot[a.side][a.sentence];
    // The sentence was corrected after the annotation was made: the reviewer fixed what they marked.
    const corrected = !!segment && segment.text !== segment.originalText && segment.updatedAt > a.updatedAt;
    const excerpt = excerptOf(segment?.text, a.span);
    return {
      kind: "annotation", id: a.id, category: a.category, severity: a.severity, side: a.side, sentence: a.sentence, span: a.span,
      linkPosition: linkOf[a.side].get(a.sentence)?.position ?? null, excerpt,
      detector: null, message: null, suggestion: null, status: "annotated", decidedBy: a.author, decidedAt: a.updatedAt,
      comment: a.comment, author: a.author, counted: true, remaining: !corrected, sameSpanAs: null, confidence: null, context: context(a.side, a.sentence),
    };
  });
  const issues = [...findings, ...annotations];
  oneCountPerSpan(issues);
  // In reading order: by link (or sentence), source before target, then span.
  const place = (i: ReportIssue) => i.linkPosition ?? i.sentence;
  return issues.sort((a, b) => place(a) - place(b) || a.side.localeCompare(b.side) || a.span[0] - b.span[0] || a.kind.localeCompare(b.kind) || a.id - b.id);
}

function countTable(issues: Pick<ReportIssue, "kind" | "category" | "severity" | "counted">[]): CategoryCount[] {
  const cells = new Map<string, CategoryCount>();
  for (const i of issues) {
    if (!i.counted) continue;
    const key = `${i.category}|${i.severity}`;
    const cell = cells.get(key) ?? { category: i.category, severity: i.severity, findings: 0, annotations: 0, penalty: 0 };
    if (i.kind === "finding") cell.findings++;
    else cell.annotations++;
    cell.penalty += SEVERITY_MULTIPLIERS[i.severity];
    cells.set(key, cell);
  }
  return MQM_CATEGORIES.flatMap((c) => SEVERITIES.map((s) => cells.get(`${c}|${s}`)).filter((x): x is CategoryCount => !!x));
}

export function alignmentSummary(snapshot: DocumentSnapshot, lowConfidence: number): AlignmentSummary | null {
  if (snapshot.document.targetLang === null) return null;
  const { links } = snapshot;
  const byType: Record<string, number> = {};
  for (const l of links) byType[linkType(l)] = (byType[linkType(l)] ?? 0) + 1;
  const confirmed = links.filter((l) => l.status === "confirmed").length;
  return {
    links: links.length, sourceSentences: snapshot.source.length, targetSentences: snapshot.target.length, byType, confirmed,
    confirmedShare: links.length ? round2(confirmed / links.length) : 0,
    lowConfidence: links.filter((l) => l.confidence < lowConfidence).length, lowConfidenceThreshold: lowConfidence,
    meanConfidence: links.length ? round2(links.reduce((s, l) => s + l.confidence, 0) / links.length) : 0,
    omissions: links.filter((l) => l.source.length > 0 && l.target.length === 0).length,
    additions: links.filter((l) => l.source.length === 0 && l.target.length > 0).length,
  };
}

export function reviewerActivity(revisions: RevisionRecord[]): ReviewerActivity[] {
  const by = new Map<string | null, ReviewerActivity>();
  for (const r of revisions) {
    const a = by.get(r.author) ?? { reviewer: r.author, changes: 0, undone: 0, operations: {}, first: r.createdAt, last: r.createdAt };
    a.changes++;
    if (r.undone) a.undone++;
    a.operations[r.operation] = (a.operations[r.operation] ?? 0) + 1;
    if (r.createdAt < a.first) a.first = r.createdAt;
    if (r.createdAt > a.last) a.last = r.createdAt;
    by.set(r.author, a);
  }
  // Named reviewers by amount of work; changes without an author (imports) last.
  return [...by.values()].sort((a, b) => Number(a.reviewer === null) - Number(b.reviewer === null) || b.changes - a.changes || String(a.reviewer).localeCompare(String(b.reviewer)));
}

function distribution(issues: ReportIssue[], length: number): DistributionBin[] {
  if (length === 0) return [];
  const bins = Math.min(MAX_BINS, length);
  const size = length / bins;
  const out: DistributionBin[] = Array.from({ length: bins }, (_, b) => ({ from: Math.round(b * size), to: Math.round((b + 1) * size), counts: zeroSeverities() }));
  for (const i of issues) {
    if (!i.counted) continue;
    const place = i.linkPosition ?? i.sentence;
    if (place < 0) continue;
    out[Math.min(bins - 1, Math.floor(place / size))].counts[i.severity]++;
  }
  return out;
}

export function buildQualityReport(snapshot: DocumentSnapshot, options: ReportOptions = {}): QualityReport {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  validateThreshold(threshold);
  const lowConfidence = options.lowConfidence ?? 0.5;
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const issues = issuesOf(snapshot, options.countOpenFindings ?? true, minConfidence);
  const counts = countTable(issues);
  const words = { source: snapshot.source.reduce((n, s) => n + countWords(s.text), 0), target: snapshot.target.reduce((n, s) => n + countWords(s.text), 0) };
  const counted = issues.filter((i) => i.counted);
  const remaining = issues.filter((i) => i.remaining);
  const findings = zeroStatuses();
  for (const f of snapshot.flags) findings[f.status]++;
  const entries: ActivityEntry[] = [...snapshot.revisions]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
    .map((r) => ({ at: r.createdAt, reviewer: r.author, operation: r.operation, entity: r.entity, entityId: r.entityId, undone: r.undone }));
  const { document: d } = snapshot;
  return {
    kind: "document",
    generatedAt: (options.now ?? new Date()).toISOString(),
    // Titles and file names are shown as labels in every rendering: control and bidi characters as visible codes.
    document: { id: d.id, title: displayLabel(d.title), sourceLang: d.sourceLang, targetLang: d.targetLang, sourceName: d.sourceName && displayLabel(d.sourceName), targetName: d.targetName && displayLabel(d.targetName), updatedAt: d.updatedAt },
    words,
    score: score(penaltyOf(counted), counted.length, words.source, threshold),
    remaining: score(penaltyOf(remaining), remaining.length, words.source, threshold),
    counts,
    totals: { findings, annotations: snapshot.annotations.length, hidden: snapshot.flags.filter((f) => isHidden(f, minConfidence)).length },
    minConfidence,
    issues,
    distribution: distribution(issues, snapshot.links.length || snapshot.source.length),
    alignment: alignmentSummary(snapshot, lowConfidence),
    corrections: {
      sourceSegments: snapshot.source.filter((s) => s.text !== s.originalText).length,
      targetSegments: snapshot.target.filter((s) => s.text !== s.originalText).length,
    },
    activity: { reviewers: reviewerActivity(snapshot.revisions), entries },
    people: peopleOf(options.displayNames, [...snapshot.flags.map((f) => f.decidedBy), ...snapshot.annotations.map((a) => a.author), ...snapshot.revisions.map((r) => r.author)]),
  };
}

function penaltyOf(issues: ReportIssue[]): number {
  return issues.reduce((p, i) => p + SEVERITY_MULTIPLIERS[i.severity], 0);
}

function zeroStatuses(): Record<FlagStatus, number> {
  return Object.fromEntries(FLAG_STATUSES.map((s) => [s, 0])) as Record<FlagStatus, number>;
}

/** The display names of the logins a report names (only those, so a report tells nothing of other accounts). */
function peopleOf(names: Record<string, string> | undefined, logins: (string | null)[]): Record<string, string> {
  const people: Record<string, string> = {};
  if (!names) return people;
  for (const login of logins) if (login !== null && names[login] !== undefined) people[login] = displayLabel(names[login]);
  return people;
}

function mergeCounts(lists: CategoryCount[][]): CategoryCount[] {
  const cells = new Map<string, CategoryCount>();
  for (const c of lists.flat()) {
    const key = `${c.category}|${c.severity}`;
    const cell = cells.get(key) ?? { category: c.category, severity: c.severity, findings: 0, annotations: 0, penalty: 0 };
    cell.findings += c.findings;
    cell.annotations += c.annotations;
    cell.penalty += c.penalty;
    cells.set(key, cell);
  }
  return MQM_CATEGORIES.flatMap((c) => SEVERITIES.map((s) => cells.get(`${c}|${s}`)).filter((x): x is CategoryCount => !!x));
}

/** The project-wide report: every document's score, and the totals over all of them. */
export function buildProjectReport(snapshots: DocumentSnapshot[], options: ReportOptions = {}): ProjectReport {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  validateThreshold(threshold);
  const lowConfidence = options.lowConfidence ?? 0.5;
  const reports = snapshots.map((s) => buildQualityReport(s, options));
  const findings = zeroStatuses();
  for (const r of reports) for (const k of Object.keys(findings) as FlagStatus[]) findings[k] += r.totals.findings[k];
  const bilingual = snapshots.filter((s) => s.document.targetLang !== null);
  const alignments = bilingual.map((s) => alignmentSummary(s, lowConfidence)!);
  let alignment: AlignmentSummary | null = null;
  if (alignments.length) {
    const sum = (f: (a: AlignmentSummary) => number) => alignments.reduce((n, a) => n + f(a), 0);
    const links = sum((a) => a.links);
    const byType: Record<string, number> = {};
    for (const a of alignments) for (const [k, v] of Object.entries(a.byType)) byType[k] = (byType[k] ?? 0) + v;
    const confidenceSum = bilingual.reduce((n, s) => n + s.links.reduce((m, l) => m + l.confidence, 0), 0);
    alignment = {
      links, sourceSentences: sum((a) => a.sourceSentences), targetSentences: sum((a) => a.targetSentences), byType,
      confirmed: sum((a) => a.confirmed), confirmedShare: links ? round2(sum((a) => a.confirmed) / links) : 0,
      lowConfidence: sum((a) => a.lowConfidence), lowConfidenceThreshold: lowConfidence,
      meanConfidence: links ? round2(confidenceSum / links) : 0, omissions: sum((a) => a.omissions), additions: sum((a) => a.additions),
    };
  }
  const penalty = reports.reduce((n, r) => n + r.score.penalty, 0);
  return {
    kind: "project",
    generatedAt: (options.now ?? new Date()).toISOString(),
    threshold,
    documents: reports.map((r) => ({
      id: r.document.id, title: r.document.title, sourceLang: r.document.sourceLang, targetLang: r.document.targetLang,
      words: r.words.source, score: r.score, remaining: r.remaining, issues: r.issues.filter((i) => i.counted).length, openFindings: r.totals.findings.open,
      confirmedShare: r.alignment ? r.alignment.confirmedShare : null,
    })),
    score: score(penalty, reports.reduce((n, r) => n + r.score.counted, 0), reports.reduce((n, r) => n + r.words.source, 0), threshold),
    remaining: score(reports.reduce((n, r) => n + r.remaining.penalty, 0), reports.reduce((n, r) => n + r.remaining.counted, 0), reports.reduce((n, r) => n + r.words.source, 0), threshold),
    counts: mergeCounts(reports.map((r) => r.counts)),
    totals: { findings, annotations: reports.reduce((n, r) => n + r.totals.annotations, 0), hidden: reports.reduce((n, r) => n + r.totals.hidden, 0) },
    minConfidence: options.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    alignment,
    activity: { reviewers: reviewerActivity(snapshots.flatMap((s) => s.revisions)) },
    people: Object.assign({}, ...reports.map((r) => r.people)),
  };
}
