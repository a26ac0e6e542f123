// One entry point for every export: the CLI and the web download both call exportDocument
// and get the bytes with a file name and a MIME type.
import type { DocumentSnapshot } from "../document";
import type { UiLanguage } from "../i18n";
import { exportJson } from "./json";
import { exportMoses, exportTsv } from "./plain";
import { exportTmx } from "./tmx";
import { ExportError, type SelectionOptions } from "./units";
import { exportXliff } from "./xliff";
import { zipFiles } from "./zip";

export { exportTmx, tmxDate, type TmxOptions } from "./tmx";
export { exportXliff, type XliffOptions } from "./xliff";
export { exportTsv, exportMoses, type TsvOptions, type MosesFiles } from "./plain";
export { exportJson, parseDocumentJson, DocumentJsonError, documentSnapshotSchema } from "./json";
export { zipFiles, type ZipEntry } from "./zip";
export { ExportError, translationUnits, joinSentences, linkType, type SelectionOptions, type TranslationUnit } from "./units";

export const EXPORT_FORMATS = ["tmx", "xliff", "tsv", "moses", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export const FORMAT_INFO: Record<ExportFormat, { label: string; mimeType: string; extension: string }> = {
  tmx: { label: "TMX 1.4b", mimeType: "application/x-tmx+xml", extension: "tmx" },
  xliff: { label: "XLIFF 2.1", mimeType: "application/xliff+xml", extension: "xlf" },
  tsv: { label: "TSV", mimeType: "text/tab-separated-values; charset=utf-8", extension: "tsv" },
  moses: { label: "Moses (zip of two line-parallel files)", mimeType: "application/zip", extension: "zip" },
  json: { label: "JSON (lossless, importable)", mimeType: "application/json", extension: "json" },
};

export interface ExportOptions extends SelectionOptions {
  /** TMX/XLIFF: characters XML cannot carry are encoded inline (default) or dropped. */
  controlChars?: "encode" | "drop";
  /** TSV: header line and link/type/status/confidence columns. */
  metadata?: boolean;
  /** XLIFF: language of notes made from findings. */
  noteLang?: UiLanguage;
  /** Timestamp written into headers (default: now). */
  now?: Date;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  data: string | Uint8Array;
}

/** ASCII letters, digits and dashes from a title ("" when nothing is left). */
export function slug(title: string): string {
  return title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss")
    .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
}

/** A file name stem from the title, never empty. */
export function fileStem(snapshot: DocumentSnapshot): string {
  return slug(snapshot.document.title) || `document-${snapshot.document.id}`;
}

/** The two Moses file names: stem.<lang> for each side (stem.source/.target when both languages are the same). */
export function mosesFileNames(snapshot: DocumentSnapshot): { source: string; target: string } {
  const stem = fileStem(snapshot);
  const { sourceLang, targetLang } = snapshot.document;
  return sourceLang === targetLang ? { source: `${stem}.source`, target: `${stem}.target` } : { source: `${stem}.${sourceLang}`, target: `${stem}.${targetLang}` };
}

export function exportDocument(snapshot: DocumentSnapshot, format: ExportFormat, options: ExportOptions = {}): ExportFile {
  const { mimeType, extension } = FORMAT_INFO[format];
  const fileName = `${fileStem(snapshot)}.${extension}`;
  switch (format) {
    case "tmx": return { fileName, mimeType, data: exportTmx(snapshot, options) };
    case "xliff": return { fileName, mimeType, data: exportXliff(snapshot, options) };
    case "tsv": return { fileName, mimeType, data: exportTsv(snapshot, options) };
    case "json": return { fileName, mimeType, data: exportJson(snapshot, options) };
    case "moses": {
      const files = exportMoses(snapshot, options);
      const names = mosesFileNames(snapshot);
      return { fileName, mimeType, data: zipFiles([{ name: names.source, data: files.source }, { name: names.target, data: files.target }], options.now) };
    }
    default: throw new ExportError(`Unknown export format "${String(format)}"; use one of ${EXPORT_FORMATS.join(", ")}.`);
  }
}
