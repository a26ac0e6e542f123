// TMX 1.4b: one <tu> per link with the corrected text of each side; link status, type and
// confidence as <prop>s. Valid against the LISA TMX 1.4 DTD (fixtures/schemas/tmx14.dtd).
import type { DocumentSnapshot } from "../document";
import { attrs, escapeXml, hex4, xmlLang } from "./xml";
import { requireBilingual, translationUnits, type SelectionOptions } from "./units";
import { TOOL_NAME, TOOL_VERSION } from "./tool";

export interface TmxOptions extends SelectionOptions {
  /** Characters XML cannot carry: "encode" as <ph type="x-cp-XXXX"/> (default) or "drop". */
  controlChars?: "encode" | "drop";
  /** Creation date written in the header (default: now). */
  now?: Date;
}

/** TMX dates are ISO 8601 basic format in UTC: YYYYMMDDThhmmssZ. */
export function tmxDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

export function exportTmx(snapshot: DocumentSnapshot, options: TmxOptions = {}): string {
  requireBilingual(snapshot, "TMX");
  const { document: doc } = snapshot;
  const invalid = options.controlChars === "drop" ? () => "" : (cp: number) => `<ph type="x-cp-${hex4(cp)}"/>`;
  const seg = (text: string) => `<seg>${escapeXml(text, invalid)}</seg>`;
  const prop = (type: string, value: string | number) => `<prop type="${type}">${escapeXml(String(value))}</prop>`;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`,
    `<tmx version="1.4">`,
    `  <header${attrs({
      creationtool: TOOL_NAME, creationtoolversion: TOOL_VERSION, segtype: "sentence", "o-tmf": "bitext-workbench",
      adminlang: "en", srclang: xmlLang(doc.sourceLang), datatype: "plaintext", creationdate: tmxDate(options.now ?? new Date()),
    })}>`,
    `    ${prop("x-document-title", doc.title)}`,
    ...(doc.sourceName ? [`    ${prop("x-source-name", doc.sourceName)}`] : []),
    ...(doc.targetName ? [`    ${prop("x-target-name", doc.targetName)}`] : []),
    `  </header>`,
    `  <body>`,
  ];
  for (const unit of translationUnits(snapshot, options, "skip")) {
    lines.push(
      `    <tu tuid="${unit.link.id}">`,
      `      ${prop("x-link-status", unit.link.status)}`,
      `      ${prop("x-link-type", unit.type)}`,
      `      ${prop("x-confidence", round(unit.link.confidence))}`,
      `      <tuv${attrs({ "xml:lang": xmlLang(doc.sourceLang) })}>${seg(unit.source)}</tuv>`,
      `      <tuv${attrs({ "xml:lang": xmlLang(doc.targetLang!) })}>${seg(unit.target)}</tuv>`,
      `    </tu>`,
    );
  }
  lines.push(`  </body>`, `</tmx>`, ``);
  return lines.join("\n");
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
