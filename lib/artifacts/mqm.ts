// Measuring the detectors against professional MQM ratings of real machine translation
// (WMT21 TED talks EN→DE, ../shared/benchmarks/wmt-mqm-ted-ende/). Pure: parse the rows, build one
// presegmented document per (system, talk), match findings to the raters' spans, count. The I/O and
// the running of the pipeline live in bench/mqm.ts, so the bench and the tests count the same way.
import type { Finding } from "../types";

export interface RatedError {
  category: string;
  severity: string;
  /** [start, end) in the segment's target text (tags removed); null when the rater marked no span. */
  span: [number, number] | null;
}

export interface RatedSegment {
  segId: number;
  source: string;
  target: string;
  /** Empty for a segment rated No-error. */
  errors: RatedError[];
}

export interface RatedDocument {
  system: string;
  talk: string;
  segments: RatedSegment[];
}

const TAG_OPEN = "<v>";
const TAG_CLOSE = "</v>";

/** The target without the span tags, and the tagged span in it. */
export function untag(tagged: string): { text: string; span: [number, number] | null } {
  const open = tagged.indexOf(TAG_OPEN);
  const close = tagged.indexOf(TAG_CLOSE);
  const text = tagged.split(TAG_OPEN).join("").split(TAG_CLOSE).join("");
  if (open < 0 || close < open) return { text, span: null };
  return { text, span: [open, close - TAG_OPEN.length] };
}

/** The TSV (system, doc, doc_id, seg_id, rater, source, target, category, severity, comment) as documents. */
export function parseMqmTsv(tsv: string): RatedDocument[] {
  const docs = new Map<string, RatedDocument>();
  const segments = new Map<string, RatedSegment>();
  const lines = tsv.split("\n");
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const [system, talk, , segIdText, , source, target, category, severity] = line.split("\t");
    if (!system || !talk || segIdText === undefined || source === undefined || target === undefined || !category) continue;
    const segId = Number(segIdText);
    const docKey = `${system}\t${talk}`;
    let doc = docs.get(docKey);
    if (!doc) docs.set(docKey, (doc = { system, talk, segments: [] }));
    const { text, span } = untag(target);
    const segKey = `${docKey}\t${segId}`;
    let segment = segments.get(segKey);
    if (!segment) {
      segment = { segId, source: untag(source).text, target: text, errors: [] };
      segments.set(segKey, segment);
      doc.segments.push(segment);
    }
    if (category !== "No-error") segment.errors.push({ category, severity: severity ?? "", span });
  }
  for (const d of docs.values()) d.segments.sort((a, b) => a.segId - b.segId);
  return [...docs.values()].sort((a, b) => a.talk.localeCompare(b.talk) || a.system.localeCompare(b.system));
}

/** The raters' penalty: Major 5, Minor 1, Non-translation 25 (the WMT21 MQM weights). */
export function raterPenalty(doc: RatedDocument): number {
  let p = 0;
  for (const s of doc.segments) {
    for (const e of s.errors) {
      if (/non-translation/i.test(e.category)) p += 25;
      else if (e.severity === "Major") p += 5;
      else if (e.severity === "Minor") p += 1;
    }
  }
  return p;
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  // A zero-width finding (an insertion point) overlaps a span that contains it.
  if (a[0] === a[1]) return a[0] >= b[0] && a[0] <= b[1];
  return a[0] < b[1] && b[0] < a[1];
}

export interface DetectorTally {
  findings: number;
  /** Target findings overlapping a marked span. */
  onSpan: number;
  /** Findings (either side) on segments rated No-error. */
  onNoError: number;
}

export interface MqmTally {
  documents: number;
  segments: number;
  noErrorSegments: number;
  /** All findings, either side. */
  findings: number;
  targetFindings: number;
  /** Target findings that overlap a marked span. */
  targetOnSpan: number;
  /** Findings (either side) on a segment with at least one marked error. */
  onErrorSegment: number;
  /** Findings (either side) on a segment rated No-error. */
  onNoError: number;
  /** Per MQM category of the raters: marked errors and how many a finding found. */
  recall: Record<string, { marked: number; found: number }>;
  perDetector: Record<string, DetectorTally>;
}

export function emptyTally(): MqmTally {
  return { documents: 0, segments: 0, noErrorSegments: 0, findings: 0, targetFindings: 0, targetOnSpan: 0, onErrorSegment: 0, onNoError: 0, recall: {}, perDetector: {} };
}

/**
 * Adds one document's findings to the tally. Sentence i of each side is segment i (the document is
 * presegmented one segment a line). A marked error is found when a target finding overlaps its span;
 * an omission (whose span, if any, cannot show what is missing) when any finding is on its segment.
 */
export function tallyDocument(tally: MqmTally, doc: RatedDocument, findings: Finding[]): void {
  tally.documents++;
  tally.segments += doc.segments.length;
  const bySegment = doc.segments.map(() => [] as Finding[]);
  for (const f of findings) bySegment[f.sentence]?.push(f);
  doc.segments.forEach((seg, i) => {
    const here = bySegment[i]!;
    if (seg.errors.length === 0) tally.noErrorSegments++;
    for (const f of here) {
      const d = (tally.perDetector[f.detector] ??= { findings: 0, onSpan: 0, onNoError: 0 });
      d.findings++;
      tally.findings++;
      if (seg.errors.length === 0) {
        tally.onNoError++;
        d.onNoError++;
      } else tally.onErrorSegment++;
      if (f.side === "target") {
        tally.targetFindings++;
        if (seg.errors.some((e) => e.span && overlaps(f.span, e.span))) {
          tally.targetOnSpan++;
          d.onSpan++;
        }
      }
    }
    for (const e of seg.errors) {
      const r = (tally.recall[e.category] ??= { marked: 0, found: 0 });
      r.marked++;
      const found = /omission/i.test(e.category)
        ? here.length > 0
        : here.some((f) => f.side === "target" && e.span !== null && overlaps(f.span, e.span));
      if (found) r.found++;
    }
  });
}

export function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Ranks with ties averaged (1-based). */
function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

export function spearman(xs: number[], ys: number[]): number {
  return pearson(ranks(xs), ranks(ys));
}

/**
 * Whether the raters agree with a finding: a target finding is right when it overlaps a marked span, a
 * source finding (an omission, say) when its segment has a marked error. `severity` is the gravest
 * severity among the errors it hit.
 */
export function judgeFinding(doc: RatedDocument, f: Finding): { right: boolean; severity: "Major" | "Minor" | null } {
  const seg = doc.segments[f.sentence];
  if (!seg) return { right: false, severity: null };
  const hit = f.side === "target" ? seg.errors.filter((e) => e.span !== null && overlaps(f.span, e.span)) : seg.errors;
  if (!hit.length) return { right: false, severity: null };
  return { right: true, severity: hit.some((e) => e.severity === "Major") ? "Major" : "Minor" };
}
