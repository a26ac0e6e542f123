// TMX 1.4b: one <tu> per link with the corrected text of each side; link status, type and
// confidence as <prop>s; who made and last changed each link (from the revision history) as the
// tu's creation/change attributes; annotations as <note>s. Valid against the LISA TMX 1.4 DTD (fixtures/schemas/tmx14.dtd).
import type { DocumentSnapshot } from "../document";
import { attrs, escapeXml, hex4, xmlLang } from "./xml";
import { requireBilingual, translationUnits, type SelectionOptions } from "./units";
import { TOOL_NAME, TOOL_VERSION } from "./tool";
import { linkHistories } from "./link-history";

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
  const history = linkHistories(snapshot);
  const note = (text: string) => `<note>${escapeXml(text, invalid)}</note>`;
  // Reviewers' annotations travel as notes on the side they mark, with the marked words.
  const notes = (side: "source" | "target", sentences: number[]) => snapshot.annotations
    .filter((a) => a.side === side && sentences.includes(a.sentence))
    .map((a) => {
      const words = snapshot[side][a.sentence]?.text.slice(a.span[0], a.span[1]) ?? "";
      return note(`${a.category} (${a.severity})${words ? ` “${words}”` : ""}${a.comment ? `: ${a.comment}` : ""}${a.author ? ` — ${a.author}` : ""}`);
    });
  const tuv = (lang: string, side: "source" | "target", sentences: number[], text: string) => {
    const own = notes(side, sentences);
    return own.length
      ? [`      <tuv${attrs({ "xml:lang": lang })}>`, ...own.map((n) => `        ${n}`), `        ${seg(text)}`, `      </tuv>`]
      : [`      <tuv${attrs({ "xml:lang": lang })}>${seg(text)}</tuv>`];
  };
  // tuid numbers the units of this file 1…n (link ids are database ids, with gaps); the link id is a prop.
  translationUnits(snapshot, options, "skip").forEach((unit, k) => {
    const h = history.get(unit.link.id);
    lines.push(
      `    <tu${attrs({
        tuid: String(k + 1),
        creationdate: h ? tmxDate(new Date(h.created.at)) : undefined, creationid: h?.created.by ?? undefined,
        changedate: h?.changed ? tmxDate(new Date(h.changed.at)) : undefined, changeid: h?.changed?.by ?? undefined,
      })}>`,
      `      ${prop("x-link-id", unit.link.id)}`,
      `      ${prop("x-link-status", unit.link.status)}`,
      `      ${prop("x-link-type", unit.type)}`,
      `      ${prop("x-confidence", round(unit.link.confidence))}`,
      ...tuv(xmlLang(doc.sourceLang), "source", unit.link.source, unit.source),
      ...tuv(xmlLang(doc.targetLang!), "target", unit.link.target, unit.target),
      `    </tu>`,
    );
  });
  lines.push(`  </body>`, `</tmx>`, ``);
  return lines.join("\n");
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
