// Quality reports as plain data, and the CSV and JSON downloads of them. The HTML report and the
// report pages render this data with the React components in report-ui/.
import { slug } from "../formats";
import type { ProjectReport, QualityReport } from "./types";
export { buildQualityReport, buildProjectReport, alignmentSummary, reviewerActivity } from "./build";
export { findingMessage } from "../i18n";
export { renderFindingsCsv, CSV_COLUMNS } from "./csv";
export { SEVERITY_MULTIPLIERS, DEFAULT_THRESHOLD } from "./score";
export { countWords } from "./words";
export * from "./types";

export const REPORT_FORMATS = ["html", "csv", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_MIME_TYPES: Record<ReportFormat, string> = {
  html: "text/html; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json",
};

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === "string" && (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Download name: quality-report-<title>.html, or project-quality-report.csv for the project. */
export function reportFileName(report: QualityReport | ProjectReport, format: ReportFormat): string {
  if (report.kind === "project") return `project-quality-report.${format}`;
  return `quality-report-${slug(report.document.title) || `document-${report.document.id}`}.${format}`;
}
