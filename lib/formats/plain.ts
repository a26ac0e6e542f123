// Line-based text formats: TSV (one link a line, tab-separated) and Moses (two
// line-parallel files). A line cannot hold a tab or line break of the text, so those
// become spaces, and other C0 control characters are dropped; JSON is the lossless format.
import type { DocumentSnapshot } from "../document";
import { requireBilingual, translationUnits, type SelectionOptions } from "./units";

export interface TsvOptions extends SelectionOptions {
  /** Add a header line and the columns link, type, status, confidence before source and target. */
  metadata?: boolean;
}

export function cleanLine(text: string): string {
  return text.replace(/[\t\n\r\u2028\u2029\u0085]/g, " ").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
}

export function exportTsv(snapshot: DocumentSnapshot, options: TsvOptions = {}): string {
  requireBilingual(snapshot, "TSV");
  const units = translationUnits(snapshot, options, "skip");
  const rows = options.metadata
    ? [["link", "type", "status", "confidence", snapshot.document.sourceLang, snapshot.document.targetLang!],
      ...units.map((u) => [String(u.link.position), u.type, u.link.status, String(Math.round(u.link.confidence * 1000) / 1000), cleanLine(u.source), cleanLine(u.target)])]
    : units.map((u) => [cleanLine(u.source), cleanLine(u.target)]);
  return rows.map((r) => r.join("\t") + "\n").join("");
}

export interface MosesFiles {
  source: string;
  target: string;
}

export function exportMoses(snapshot: DocumentSnapshot, options: SelectionOptions = {}): MosesFiles {
  requireBilingual(snapshot, "Moses");
  const units = translationUnits(snapshot, options, "skip");
  return {
    source: units.map((u) => cleanLine(u.source) + "\n").join(""),
    target: units.map((u) => cleanLine(u.target) + "\n").join(""),
  };
}
