// `bitext export`: a stored document, or two files aligned on the spot, as TMX, XLIFF,
// TSV, Moses or JSON.
import { writeFileSync } from "node:fs";
import type { DocumentSnapshot } from "../../lib/document";
import { EXPORT_FORMATS, ExportError, exportDocument, exportMoses, isExportFormat, type ExportOptions } from "../../lib/formats";
import { InputError, UsageError, type Command } from "../command";
import { parse, readInputFile, requireLang } from "../args";

const usage = `Usage:
  bitext export --document ID --format FORMAT [options]
  bitext export SRC TGT --src-lang en --tgt-lang de [--presegmented] --format FORMAT [options]

Writes the document's current state (corrected texts, current links) to stdout or --out FILE.
The second form splits, aligns and checks two files in memory first (nothing is stored).

Formats: ${EXPORT_FORMATS.join(", ")}
  tmx    TMX 1.4b, one <tu> per link, link status/type/confidence as <prop>s
  xliff  XLIFF 2.1, one <unit> per link, state from confirmation, notes from annotations
         and accepted findings
  tsv    source<TAB>target, one link a line (--metadata adds a header and link columns)
  moses  two line-parallel files: --out PREFIX writes PREFIX.<src-lang> and PREFIX.<tgt-lang>,
         --out FILE.zip writes both into one zip
  json   everything (segments, links, statuses, findings, annotations, revisions),
         importable again with \`bitext import --json FILE\`

Options:
  --out FILE            write to FILE instead of stdout
  --unpaired skip|empty 1-0 and 0-1 links: leave out, or keep with an empty side
                        (default: skip; XLIFF keeps them, without a target)
  --confirmed-only      only links a reviewer confirmed
  --min-confidence N    only links with confidence >= N (0..1)
  --metadata            tsv: header line plus link, type, status and confidence columns
  --drop-control        tmx/xliff: drop characters XML cannot carry instead of encoding
                        them as <ph>/<cp>`;

/** The document a command works on: stored (--document ID) or analysed from two files. */
export async function snapshotFromArgs(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<DocumentSnapshot> {
  if (values.document !== undefined) {
    if (positionals.length) throw new UsageError("give either --document ID or two files, not both.");
    const raw = String(values.document);
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--document needs a document id (a positive number; \`bitext list\` shows them), got "${raw}".`);
    const { db } = await import("../../lib/db/client");
    const { loadSnapshot, NotFoundError } = await import("../../lib/db/documents");
    try {
      return await loadSnapshot(db(), Number(raw));
    } catch (err) {
      if (err instanceof NotFoundError) throw new InputError(err.message);
      throw err;
    } finally {
      await db().$disconnect();
    }
  }
  if (positionals.length !== 2) throw new UsageError("give --document ID, or two files (source and translation).");
  const [src, tgt] = positionals;
  const sourceLang = requireLang(values["src-lang"], "--src-lang");
  const targetLang = requireLang(values["tgt-lang"], "--tgt-lang");
  const sourceBytes = readInputFile(src);
  const targetBytes = readInputFile(tgt);
  const { checkImportInput, ImportError } = await import("../../lib/import");
  let texts;
  try {
    texts = checkImportInput({ label: src, lang: sourceLang, bytes: sourceBytes }, { label: tgt, lang: targetLang, bytes: targetBytes });
  } catch (err) {
    if (err instanceof ImportError) throw new InputError(err.message);
    throw err;
  }
  for (const w of texts.warnings) console.error(`warning: ${w.message}`);
  const { analysePair } = await import("../../lib/pipeline");
  const title = src.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  return analysePair({
    title, sourceLang, targetLang, sourceText: texts.source, targetText: texts.target!, presegmented: values.presegmented === true,
    sourceName: src.replace(/^.*[\\/]/, ""), targetName: tgt.replace(/^.*[\\/]/, ""),
  });
}

export function writeOutput(out: string | undefined, data: string | Uint8Array): void {
  if (out === undefined) {
    process.stdout.write(data);
    return;
  }
  try {
    writeFileSync(out, data);
  } catch (err) {
    throw new InputError(`cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
}

function exportOptions(values: Record<string, string | boolean | undefined>): ExportOptions {
  const unpaired = values.unpaired;
  if (unpaired !== undefined && unpaired !== "skip" && unpaired !== "empty") throw new UsageError(`--unpaired is skip or empty, not "${unpaired}".`);
  let minConfidence: number | undefined;
  if (values["min-confidence"] !== undefined) {
    minConfidence = Number(values["min-confidence"]);
    if (!Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) throw new UsageError(`--min-confidence needs a number from 0 to 1, got "${values["min-confidence"]}".`);
  }
  return {
    unpaired: unpaired as ExportOptions["unpaired"], minConfidence, confirmedOnly: values["confirmed-only"] === true,
    metadata: values.metadata === true, controlChars: values["drop-control"] ? "drop" : "encode",
  };
}

export const exportCommand: Command = {
  name: "export",
  summary: "write a document as TMX, XLIFF, TSV, Moses or JSON",
  usage,
  async run(args) {
    const { values, positionals } = parse(args, {
      document: { type: "string" }, format: { type: "string" }, out: { type: "string" },
      "src-lang": { type: "string" }, "tgt-lang": { type: "string" }, presegmented: { type: "boolean" },
      unpaired: { type: "string" }, "confirmed-only": { type: "boolean" }, "min-confidence": { type: "string" },
      metadata: { type: "boolean" }, "drop-control": { type: "boolean" },
    });
    const format = values.format;
    if (!isExportFormat(format)) throw new UsageError(format === undefined ? `--format is missing (${EXPORT_FORMATS.join(", ")}).` : `unknown format "${format}"; use one of ${EXPORT_FORMATS.join(", ")}.`);
    const options = exportOptions(values);
    if (format === "moses" && values.out === undefined) throw new UsageError("moses writes two files: give --out PREFIX (writes PREFIX.<src-lang> and PREFIX.<tgt-lang>) or --out FILE.zip.");
    const snapshot = await snapshotFromArgs(values, positionals);
    try {
      if (format === "moses" && !/\.zip$/i.test(values.out!)) {
        const files = exportMoses(snapshot, options);
        const { sourceLang, targetLang } = snapshot.document;
        const [s, t] = sourceLang === targetLang ? ["source", "target"] : [sourceLang, targetLang];
        writeOutput(`${values.out}.${s}`, files.source);
        writeOutput(`${values.out}.${t}`, files.target);
        return 0;
      }
      writeOutput(values.out, exportDocument(snapshot, format, options).data);
      return 0;
    } catch (err) {
      if (err instanceof ExportError) throw new InputError(err.message);
      throw err;
    }
  },
};
