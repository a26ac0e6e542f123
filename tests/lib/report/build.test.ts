import { describe, expect, it } from "vitest";
import { buildProjectReport, buildQualityReport, countWords, SEVERITY_MULTIPLIERS } from "../../../lib/report";
import { hardSnapshot, seedPairSnapshot } from "../formats/snapshots";

describe("countWords", () => {
  it("counts words as a translator would", () => {
    expect(countWords("Don't stop the E-Mail-Adresse, it costs 3.5 €!")).toBe(7);
    expect(countWords("Führungswechsel beim KI -Startup")).toBe(4);
    expect(countWords("日本語です")).toBe(5);
    expect(countWords("OpenAI发布了GPT")).toBe(5);
    expect(countWords("  … — ")).toBe(0);
  });
});

describe("buildQualityReport: score", () => {
  it("weighs each counted issue by its severity multiplier and normalises to 1,000 source words", () => {
    const snapshot = seedPairSnapshot();
    const report = buildQualityReport(snapshot);
    expect(report.score.words).toBe(snapshot.source.reduce((n, s) => n + countWords(s.text), 0));
    const counted = report.issues.filter((i) => i.counted);
    expect(report.score.counted).toBe(counted.length);
    expect(report.score.penalty).toBe(counted.reduce((n, i) => n + SEVERITY_MULTIPLIERS[i.severity], 0));
    expect(report.score.penaltyPer1000).toBeCloseTo((report.score.penalty * 1000) / report.score.words, 2);
    expect(report.score.qualityScore).toBeCloseTo(100 - report.score.penaltyPer1000 / 10, 1);
  });

  it("does not count dismissed findings; open ones count unless told otherwise", () => {
    const snapshot = seedPairSnapshot();
    const base = buildQualityReport(snapshot);
    const dismissed = base.issues.find((i) => i.status === "dismissed")!;
    expect(dismissed.counted).toBe(false);
    const open = snapshot.flags.find((f) => f.status === "open")!;
    const withoutOpen = buildQualityReport(snapshot, { countOpenFindings: false });
    expect(base.score.penalty - withoutOpen.score.penalty).toBe(SEVERITY_MULTIPLIERS[open.severity]);
    open.status = "dismissed";
    expect(buildQualityReport(snapshot).score.penalty).toBe(withoutOpen.score.penalty);
  });

  it("passes at or below the threshold and fails above it", () => {
    const report = buildQualityReport(seedPairSnapshot());
    const at = report.score.penaltyPer1000;
    expect(buildQualityReport(seedPairSnapshot(), { threshold: at + 0.01 }).score.pass).toBe(true);
    expect(buildQualityReport(seedPairSnapshot(), { threshold: at - 0.01 }).score.pass).toBe(false);
    expect(() => buildQualityReport(seedPairSnapshot(), { threshold: -1 })).toThrow(/0 or more/);
  });

  it("counts neutral issues without penalty, and a clean document scores 100", () => {
    const snapshot = seedPairSnapshot();
    for (const f of snapshot.flags) f.severity = "neutral";
    for (const a of snapshot.annotations) a.severity = "neutral";
    const report = buildQualityReport(snapshot);
    expect(report.score.penalty).toBe(0);
    expect(report.score.counted).toBeGreaterThan(0);
    expect(report.score.qualityScore).toBe(100);
    expect(report.score.pass).toBe(true);
  });
});

describe("buildQualityReport: contents", () => {
  it("leaves open findings below the confidence threshold out, but never a reviewer's decision", () => {
    const snapshot = seedPairSnapshot();
    const open = snapshot.flags.find((f) => f.status === "open")!;
    const accepted = snapshot.flags.find((f) => f.status === "accepted")!;
    const doubtful = { ...snapshot, flags: snapshot.flags.map((f) => (f.id === open.id || f.id === accepted.id ? { ...f, confidence: 0.1 } : f)) };
    const full = buildQualityReport(doubtful, { minConfidence: 0 });
    const report = buildQualityReport(doubtful, { minConfidence: 0.5 });
    expect(report.minConfidence).toBe(0.5);
    expect(report.totals.hidden).toBe(1);
    expect(report.issues.some((i) => i.kind === "finding" && i.id === open.id)).toBe(false);
    expect(report.issues.some((i) => i.kind === "finding" && i.id === accepted.id)).toBe(true);
    expect(report.score.penalty).toBe(full.score.penalty - { neutral: 0, minor: 1, major: 5, critical: 25 }[open.severity]);
  });

  it("counts issues by category and severity, findings and annotations apart", () => {
    const snapshot = seedPairSnapshot();
    const report = buildQualityReport(snapshot);
    const total = report.counts.reduce((n, c) => n + c.findings + c.annotations, 0);
    expect(total).toBe(report.score.counted);
    const annotation = snapshot.annotations[0];
    const cell = report.counts.find((c) => c.category === annotation.category && c.severity === annotation.severity)!;
    expect(cell.annotations).toBe(1);
    expect(report.totals).toEqual({ findings: { open: 1, accepted: 1, dismissed: 1, fixed: 0 }, annotations: 1, hidden: 0 });
  });

  it("gives every issue its sentence pair, the flagged text, the suggestion and the decision", () => {
    const snapshot = seedPairSnapshot();
    const report = buildQualityReport(snapshot);
    expect(report.issues).toHaveLength(snapshot.flags.length + snapshot.annotations.length);
    const accepted = report.issues.find((i) => i.kind === "finding" && i.status === "accepted")!;
    expect(accepted.excerpt).toBe("Openai");
    expect(accepted.suggestion).toBe("OpenAI");
    expect(accepted.decidedBy).toBe("ana");
    const link = snapshot.links[accepted.linkPosition!];
    expect(link.target).toContain(accepted.sentence);
    expect(accepted.context.source).toEqual(link.source.map((i) => snapshot.source[i].text));
    expect(accepted.context.target[accepted.context.at]).toBe(snapshot.target[accepted.sentence].text);
  });

  it("quotes the text a finding was about after a correction changed the sentence under its span", () => {
    const snapshot = seedPairSnapshot();
    const flag = snapshot.flags.find((f) => f.status === "accepted")!;
    const quoted = snapshot.target[flag.sentence].text.slice(flag.span[0], flag.span[1]);
    snapshot.target[flag.sentence].text = "Kurz.";
    expect(buildQualityReport(snapshot).issues.find((i) => i.id === flag.id && i.kind === "finding")!.excerpt).toBe(quoted);
  });

  it("summarises the alignment: link types, confirmed share, low confidence, omissions and additions", () => {
    const snapshot = hardSnapshot();
    snapshot.links[0].confidence = 0.3;
    const a = buildQualityReport(snapshot).alignment!;
    expect(a.links).toBe(snapshot.links.length);
    expect(Object.values(a.byType).reduce((x, y) => x + y, 0)).toBe(a.links);
    expect(a.byType["1-0"]).toBe(1);
    expect(a.omissions).toBe(1);
    expect(a.additions).toBe(1);
    expect(a.lowConfidence).toBe(3);
    expect(a.confirmed).toBe(snapshot.links.filter((l) => l.status === "confirmed").length);
    expect(a.confirmedShare).toBeCloseTo(a.confirmed / a.links, 2);
  });

  it("tells who changed what and when, newest first", () => {
    const report = buildQualityReport(seedPairSnapshot());
    const ana = report.activity.reviewers.find((r) => r.reviewer === "ana")!;
    expect(ana.changes).toBe(3);
    expect(ana.operations).toEqual({ decideFlag: 1, confirm: 1, addAnnotation: 1 });
    expect(ana.first < ana.last).toBe(true);
    expect(report.activity.reviewers.at(-1)!.reviewer).toBeNull();
    const times = report.activity.entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("places counted issues along the document", () => {
    const snapshot = seedPairSnapshot();
    const report = buildQualityReport(snapshot);
    const binned = report.distribution.reduce((n, b) => n + b.counts.critical + b.counts.major + b.counts.minor + b.counts.neutral, 0);
    expect(binned).toBe(report.score.counted);
    expect(report.distribution[0].from).toBe(0);
    expect(report.distribution.at(-1)!.to).toBe(snapshot.links.length);
  });

  it("reports a single-language document without an alignment", () => {
    const snapshot = seedPairSnapshot();
    const single = { ...snapshot, document: { ...snapshot.document, targetLang: null }, target: [], links: [], flags: [], annotations: [] };
    const report = buildQualityReport(single);
    expect(report.alignment).toBeNull();
    expect(report.score.pass).toBe(true);
    expect(report.distribution.length).toBeGreaterThan(0);
  });
});

describe("buildQualityReport: as delivered and open after review", () => {
  const penalty = (severity: keyof typeof SEVERITY_MULTIPLIERS) => SEVERITY_MULTIPLIERS[severity];

  it("counts an annotation on flagged words once, by the annotation, and two findings on the same words once", () => {
    const snapshot = seedPairSnapshot();
    const before = buildQualityReport(snapshot);
    const open = snapshot.flags.find((f) => f.status === "open")!;
    snapshot.annotations.push({ ...snapshot.annotations[0], id: 99, side: open.side, sentence: open.sentence, span: [open.span[0], open.span[1] + 1], severity: "critical" });
    snapshot.flags.push({ ...open, id: 98, detector: "another-check", severity: "neutral" });
    const report = buildQualityReport(snapshot);
    expect(report.score.counted).toBe(before.score.counted + 1 - 1);
    expect(report.score.penalty).toBe(before.score.penalty - penalty(open.severity) + penalty("critical"));
    expect(report.issues.find((i) => i.kind === "finding" && i.id === open.id)).toMatchObject({ counted: false, sameSpanAs: { kind: "annotation", id: 99 } });
    expect(report.issues.find((i) => i.kind === "finding" && i.id === 98)).toMatchObject({ counted: false });
    expect(report.issues.find((i) => i.kind === "annotation" && i.id === 99)).toMatchObject({ status: "annotated", counted: true, remaining: true });
  });

  it("keeps what was fixed in the delivered figures and out of what remains; doubtful fixed findings stay out of both", () => {
    const snapshot = seedPairSnapshot();
    const before = buildQualityReport(snapshot);
    const open = snapshot.flags.find((f) => f.status === "open")!;
    open.status = "fixed";
    const report = buildQualityReport(snapshot);
    expect(report.score).toEqual(before.score);
    expect(report.remaining.penalty).toBe(before.remaining.penalty - penalty(open.severity));
    expect(report.totals.findings.fixed).toBe(1);
    open.confidence = 0.01;
    const doubtful = buildQualityReport(snapshot, { minConfidence: 0.3 });
    expect(doubtful.issues.some((i) => i.kind === "finding" && i.id === open.id)).toBe(false);
    expect(doubtful.totals.hidden).toBe(1);
  });

  it("leaves an accepted finding open while its words are still in the text, and an annotation until its sentence is corrected", () => {
    const snapshot = seedPairSnapshot();
    const accepted = snapshot.flags.find((f) => f.status === "accepted")!;
    const sentence = snapshot.target[accepted.sentence];
    accepted.excerpt = sentence.text.slice(accepted.span[0], accepted.span[1]);
    const issue = (r: ReturnType<typeof buildQualityReport>, kind: string, id: number) => r.issues.find((i) => i.kind === kind && i.id === id)!;
    expect(issue(buildQualityReport(snapshot), "finding", accepted.id).remaining).toBe(true);
    sentence.text = sentence.text.slice(0, accepted.span[0]) + accepted.suggestion + sentence.text.slice(accepted.span[1]);
    const corrected = buildQualityReport(snapshot);
    expect(issue(corrected, "finding", accepted.id)).toMatchObject({ counted: true, remaining: false, excerpt: accepted.excerpt });

    const annotation = snapshot.annotations[0];
    const annotated = snapshot[annotation.side][annotation.sentence];
    expect(issue(corrected, "annotation", annotation.id).remaining).toBe(true);
    annotated.text = `${annotated.text} (corrected)`;
    annotated.updatedAt = new Date(Date.parse(annotation.updatedAt) + 1000).toISOString();
    expect(issue(buildQualityReport(snapshot), "annotation", annotation.id)).toMatchObject({ counted: true, remaining: false });
  });
});

describe("buildProjectReport", () => {
  it("scores the project as all penalties over all words and lists every document", () => {
    const docs = [seedPairSnapshot(), hardSnapshot()];
    const project = buildProjectReport(docs, { threshold: 50 });
    const reports = docs.map((d) => buildQualityReport(d, { threshold: 50 }));
    expect(project.documents.map((d) => d.title)).toEqual(docs.map((d) => d.document.title));
    expect(project.score.words).toBe(reports.reduce((n, r) => n + r.score.words, 0));
    expect(project.score.penalty).toBe(reports.reduce((n, r) => n + r.score.penalty, 0));
    expect(project.documents.map((d) => d.score.pass)).toEqual(reports.map((r) => r.score.pass));
    expect(project.alignment!.links).toBe(docs.reduce((n, d) => n + d.links.length, 0));
    expect(project.counts.reduce((n, c) => n + c.findings + c.annotations, 0)).toBe(project.score.counted);
    expect(project.activity.reviewers.find((r) => r.reviewer === "ana")!.changes).toBe(3);
  });
});
