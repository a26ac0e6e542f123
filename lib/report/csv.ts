// Findings and annotations as CSV (RFC 4180) for spreadsheets: one row per issue, with the
// sentence pair. Cells that a spreadsheet would run as a formula get a leading apostrophe.
import { findingMessage, type UiLanguage } from "../i18n";
import type { QualityReport } from "./types";

export const CSV_COLUMNS = [
  "document_id", "document_title", "kind", "id", "category", "severity", "counted", "status", "decided_by", "decided_at",
  "detector", "side", "sentence", "link", "excerpt", "message", "suggestion", "comment", "source_text", "target_text",
  "open_after_review", "counted_with",
] as const;

function cell(value: string | number | boolean | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+([.,]\d+)?%?$/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One report or several (a project). `bom` (default true) starts the file with a UTF-8 byte
 * order mark, which spreadsheet programs need to read umlauts correctly.
 */
export function renderFindingsCsv(reports: QualityReport | QualityReport[], lang: UiLanguage = "en", options: { bom?: boolean } = {}): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of Array.isArray(reports) ? reports : [reports]) {
    for (const i of r.issues) {
      lines.push([
        r.document.id, r.document.title, i.kind, i.id, i.category, i.severity, i.counted, i.status, i.decidedBy === null ? null : r.people[i.decidedBy] ?? i.decidedBy, i.decidedAt,
        i.detector, i.side, i.sentence + 1, i.linkPosition === null ? null : i.linkPosition + 1, i.excerpt,
        i.message ? findingMessage(lang, i.message) : null, i.suggestion, i.comment, i.context.source.join(" "), i.context.target.join(" "),
        i.remaining, i.sameSpanAs ? `${i.sameSpanAs.kind} ${i.sameSpanAs.id}` : null,
      ].map(cell).join(","));
    }
  }
  return (options.bom === false ? "" : "\uFEFF") + lines.join("\r\n") + "\r\n";
}
