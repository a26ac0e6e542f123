import { describe, expect, it } from "vitest";
import en from "../../../lib/i18n/locales/en/report.json";
import de from "../../../lib/i18n/locales/de/report.json";
import { buildProjectReport, buildQualityReport, CSV_COLUMNS, renderFindingsCsv, reportFileName } from "../../../lib/report";
import { renderProjectReportHtml, renderReportHtml } from "../../../report-ui/html";
import { hardSnapshot, seedPairSnapshot } from "../formats/snapshots";
import { parseCsv } from "./csv-parse";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function selfContained(html: string): void {
  expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
  expect(html).not.toMatch(/href="(?!#)/);
}

describe("renderReportHtml", () => {
  it("is one self-contained page with both charts as inline SVG", async () => {
    const html = await renderReportHtml(buildQualityReport(seedPairSnapshot()), "en");
    selfContained(html);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    expect(html).toContain("@media print");
  });

  it("shows the score, the verdict, every issue with its context and the reviewers", async () => {
    const snapshot = seedPairSnapshot();
    const report = buildQualityReport(snapshot);
    const html = await renderReportHtml(report, "en");
    expect(html).toContain('data-result="fail"');
    expect(html.match(/<article class="issue/g)).toHaveLength(report.issues.length);
    expect(html).toContain("<mark>Openai</mark>");
    expect(html).toContain("Wrong tense &amp; &lt;meaning&gt;");
    expect(html).not.toContain("<meaning>");
    expect(html).toContain("Accepted by ana");
    expect(html).toContain("Dismissed by ben");
    expect(html).toContain("“OpenAI”");
    const passing = await renderReportHtml(buildQualityReport(snapshot, { threshold: 1000 }), "en");
    expect(passing).toContain('data-result="pass"');
  });

  it("speaks German, with no untranslated keys left in the page", async () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
    const html = await renderReportHtml(buildQualityReport(seedPairSnapshot()), "de");
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Qualitätsbericht");
    expect(html).toContain("Nicht bestanden");
    expect(html).toContain("Genauigkeit / Fehlübersetzung");
    expect(html).toContain("Anmerkung hinzugefügt");
    expect(html).toContain("über Befund entschieden ×1");
    // A missing translation would show its key, e.g. "score.quality" or "category.Other".
    const visible = html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ");
    for (const key of keys(en)) expect(visible, key).not.toContain(key);
  });

  it("writes hard characters escaped and drops what HTML cannot carry", async () => {
    const snapshot = hardSnapshot();
    snapshot.annotations.push({ id: 1, side: "source", sentence: 2, span: [0, 4], category: "Other", severity: "minor", comment: "</article><script>alert(1)</script>\u0000", author: "<b>x</b>", createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", version: 0 });
    const html = await renderReportHtml(buildQualityReport(snapshot), "en");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("\u0000");
    expect(html).toContain("&lt;/article&gt;&lt;script&gt;");
    expect(html).toContain("😀");
  });
});

describe("renderProjectReportHtml", () => {
  it("lists every document with its verdict and the project score", async () => {
    const project = buildProjectReport([seedPairSnapshot(), hardSnapshot()]);
    const html = await renderProjectReportHtml(project, "de");
    selfContained(html);
    expect(html).toContain("Qualitätsbericht des Projekts");
    // One verdict per document, and two for the project: as delivered and open after review.
    expect(html.match(/data-result="/g)).toHaveLength(project.documents.length + 2);
    expect(html).toContain("Hard &lt;characters&gt; &amp; co.");
  });
});

describe("renderFindingsCsv", () => {
  it("writes one row per issue that a CSV reader gets back intact", () => {
    const report = buildQualityReport(seedPairSnapshot());
    const text = renderFindingsCsv(report, "en");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(report.issues.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const accepted = rows.find((r) => r[col("status")] === "accepted" && r[col("kind")] === "finding")!;
    expect(accepted[col("excerpt")]).toBe("Openai");
    expect(accepted[col("suggestion")]).toBe("OpenAI");
    expect(accepted[col("target_text")]).toContain("Openai");
    expect(rows.find((r) => r[col("kind")] === "annotation")![col("comment")]).toBe("Wrong tense & <meaning>");
  });

  it("keeps spreadsheets from running cell text as formulas", () => {
    const snapshot = seedPairSnapshot();
    snapshot.annotations[0].comment = "=HYPERLINK(\"http://x\")";
    snapshot.annotations[0].author = "-5";
    const rows = parseCsv(renderFindingsCsv(buildQualityReport(snapshot), "en", { bom: false }));
    const annotation = rows.find((r) => r[2] === "annotation")!;
    expect(annotation[CSV_COLUMNS.indexOf("comment")]).toBe("'=HYPERLINK(\"http://x\")");
    expect(annotation[CSV_COLUMNS.indexOf("decided_by")]).toBe("-5");
  });

  it("puts all documents of a project in one file", () => {
    const reports = [seedPairSnapshot(), hardSnapshot()].map((s) => buildQualityReport(s));
    const rows = parseCsv(renderFindingsCsv(reports, "de", { bom: false }));
    expect(rows).toHaveLength(1 + reports.reduce((n, r) => n + r.issues.length, 0));
  });
});

describe("reportFileName", () => {
  it("names downloads after the document, in ASCII", () => {
    const report = buildQualityReport(seedPairSnapshot());
    expect(reportFileName(report, "html")).toBe("quality-report-seed-pair-openai-leadership.html");
    report.document.title = "Übersetzung – März";
    expect(reportFileName(report, "csv")).toBe("quality-report-ubersetzung-marz.csv");
    report.document.title = "東京";
    expect(reportFileName(report, "json")).toBe(`quality-report-document-${report.document.id}.json`);
    expect(reportFileName(buildProjectReport([]), "html")).toBe("project-quality-report.html");
  });
});
