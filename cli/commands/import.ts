import { db } from "../../lib/db/client";
import { createDocument } from "../../lib/db/documents";
import { ImportCancelledError, importDocument, ImportError, ImportWarning } from "../../lib/import";
import { InputError, UsageError, type Command } from "../command";
import { statSync } from "node:fs";
import { parse, readInputFile, requireLang } from "../args";
import { maxImportBytes, tooLargeMessage } from "../../lib/import/limits";

/** A side of the import, refused before it is read when it is over BITEXT_MAX_BYTES (the web import's limit). */
function readSide(file: string): Uint8Array {
  const size = (() => { try { return statSync(file).size; } catch { return 0; } })();
  if (size > maxImportBytes()) throw new InputError(`${tooLargeMessage(file, size, maxImportBytes())}\nNothing was imported.`);
  return readInputFile(file);
}

const usage = `Usage:
  bitext import SRC TGT --src-lang en --tgt-lang de [--title T] [--presegmented] [--force]
  bitext import FILE --lang en [--title T] [--presegmented] [--force]
  bitext import --json FILE            (a document exported with \`bitext export --format json\`)

Stores the document in the database named by DATABASE_URL (default: the embedded SQLite
file) after splitting, aligning and checking it. --force imports despite warnings (both
sides identical, a side not in its declared language). Prints the new document's id.
The document is written in batches and appears only when complete; Ctrl+C stops the
import and removes what was written (exit code 130).`;

/** Ctrl+C (or SIGTERM) while storing: stop between two batches and remove the half document. */
function cancelOnSignal(controller: AbortController): () => void {
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\nbitext import: cancelling; removing what was written (Ctrl+C again to quit at once)…\n");
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => { process.off("SIGINT", onSignal); process.off("SIGTERM", onSignal); };
}

async function importJson(file: string, signal: AbortSignal): Promise<number> {
  const { parseDocumentJson } = await import("../../lib/formats/json");
  const text = new TextDecoder().decode(readInputFile(file));
  let snapshot;
  try {
    snapshot = parseDocumentJson(text);
  } catch (err) {
    throw new InputError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return createDocument(db(), snapshot, { signal });
}

export const importCommand: Command = {
  name: "import",
  summary: "store a text pair, a single text or an exported JSON document",
  usage,
  async run(args) {
    const { values, positionals } = parse(args, {
      "src-lang": { type: "string" }, "tgt-lang": { type: "string" }, lang: { type: "string" }, title: { type: "string" },
      presegmented: { type: "boolean" }, force: { type: "boolean" }, json: { type: "string" },
    });
    const controller = new AbortController();
    let stopListening = () => {};
    try {
      if (values.json) {
        if (positionals.length) throw new UsageError("--json takes one file and no other files.");
        stopListening = cancelOnSignal(controller);
        console.log(await importJson(values.json, controller.signal));
        return 0;
      }
      let request;
      if (positionals.length === 2) {
        const [src, tgt] = positionals;
        request = { source: { label: src, lang: requireLang(values["src-lang"], "--src-lang"), bytes: readSide(src) }, target: { label: tgt, lang: requireLang(values["tgt-lang"], "--tgt-lang"), bytes: readSide(tgt) } };
      } else if (positionals.length === 1) {
        request = { source: { label: positionals[0], lang: requireLang(values.lang, "--lang"), bytes: readSide(positionals[0]) }, target: null };
      } else {
        throw new UsageError("give two files (source and translation) or one file with --lang.");
      }
      let lastPercent = -1;
      const { id, warnings } = await importDocument(db(), {
        ...request, title: values.title, presegmented: values.presegmented, acceptWarnings: values.force,
        // Until storing starts nothing is written: Ctrl+C may end the process as usual.
        signal: controller.signal, onStoring: () => { stopListening = cancelOnSignal(controller); },
        onProgress(stage, done, total) {
          const percent = total ? Math.floor((100 * done) / total) : 0;
          if (process.stderr.isTTY && percent !== lastPercent) process.stderr.write(`\r${stage} ${percent}%   `);
          lastPercent = percent;
        },
      });
      if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
      for (const w of warnings) console.error(`warning (imported anyway): ${w}`);
      console.log(id);
      return 0;
    } catch (err) {
      if (err instanceof ImportCancelledError) {
        if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
        console.error(`bitext import: ${err.message}`);
        return 130;
      }
      if (err instanceof ImportError) throw new InputError(err.message);
      if (err instanceof ImportWarning) throw new InputError(`${err.message}\nNothing was imported. Add --force to import anyway.`);
      throw err;
    } finally {
      stopListening();
      await db().$disconnect();
    }
  },
};
