// XLIFF 2.1: one <unit> per link, one <segment> holding the joined sentences of each side.
// The segment state comes from the link's confirmation; reviewers' annotations and the
// findings they accepted become <note>s. Confidence, link type and status ride along as
// attributes in our own namespace (allowed on <unit> by the core schema).
// Valid against the XLIFF 2 core schema (fixtures/schemas/xliff_core_2.0.xsd).
import type { DocumentSnapshot, FlagRecord, AnnotationRecord } from "../document";
import type { Severity } from "../types";
import { findingMessage, type UiLanguage } from "../i18n";
import { attrs, escapeXml, hex4, xmlLang } from "./xml";
import { translationUnits, type SelectionOptions, type TranslationUnit } from "./units";
import { TOOL_NAME, TOOL_VERSION } from "./tool";

export const XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0";
export const WORKBENCH_NAMESPACE = "urn:bitext-workbench:xliff:1";

export interface XliffOptions extends SelectionOptions {
  /** Characters XML cannot carry: "encode" as <cp hex="…"/> (default) or "drop". */
  controlChars?: "encode" | "drop";
  /** Language of the note texts made from findings (default "en"). */
  noteLang?: UiLanguage;
}

/** XLIFF note priority: 1 is the most important. */
const PRIORITY: Record<Severity, number> = { critical: 1, major: 2, minor: 5, neutral: 9 };

function excerpt(snapshot: DocumentSnapshot, side: "source" | "target", sentence: number, span: [number, number]): string {
  const text = snapshot[side][sentence]?.text ?? "";
  return span[1] > span[0] && span[1] <= text.length ? text.slice(span[0], span[1]) : "";
}

function annotationNote(snapshot: DocumentSnapshot, a: AnnotationRecord): Note {
  const quoted = excerpt(snapshot, a.side, a.sentence, a.span);
  const text = [`${a.severity}`, quoted && `“${quoted}”`, a.comment, a.author && `(${a.author})`].filter(Boolean).join(" — ");
  return { attributes: { id: `a${a.id}`, appliesTo: a.side, category: `mqm:${a.category}`, priority: PRIORITY[a.severity] }, text };
}

function findingNote(f: FlagRecord, lang: UiLanguage): Note {
  const quoted = f.excerpt;
  const message = findingMessage(lang, f.message);
  const parts = [`${f.severity}`, quoted && `“${quoted}”`, message, f.suggestion !== undefined && `→ “${f.suggestion}”`, f.decidedBy && `(${f.decidedBy})`];
  return { attributes: { id: `f${f.id}`, appliesTo: f.side, category: `mqm:${f.category}`, priority: PRIORITY[f.severity] }, text: parts.filter(Boolean).join(" — ") };
}

type Note = { attributes: Record<string, string | number>; text: string };

/** Notes per sentence ("source:3"), so each unit finds its notes without scanning them all. */
function notesBySentence(snapshot: DocumentSnapshot, lang: UiLanguage): Map<string, Note[]> {
  const by = new Map<string, Note[]>();
  const add = (side: string, sentence: number, note: Note) => {
    const key = `${side}:${sentence}`;
    by.set(key, [...(by.get(key) ?? []), note]);
  };
  for (const a of snapshot.annotations) add(a.side, a.sentence, annotationNote(snapshot, a));
  for (const f of snapshot.flags) if (f.status === "accepted") add(f.side, f.sentence, findingNote(f, lang));
  return by;
}

function notesOf(unit: TranslationUnit, by: Map<string, Note[]>): Note[] {
  // Annotations first, then findings, each in the order of the unit's sentences.
  const notes = [...unit.link.source.flatMap((i) => by.get(`source:${i}`) ?? []), ...unit.link.target.flatMap((i) => by.get(`target:${i}`) ?? [])];
  return notes.sort((a, b) => String(a.attributes.id)[0].localeCompare(String(b.attributes.id)[0]));
}

export function exportXliff(snapshot: DocumentSnapshot, options: XliffOptions = {}): string {
  const { document: doc } = snapshot;
  const bilingual = doc.targetLang !== null;
  const invalid = options.controlChars === "drop" ? () => "" : (cp: number) => `<cp hex="${hex4(cp)}"/>`;
  const text = (s: string) => escapeXml(s, invalid);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<xliff${attrs({ xmlns: XLIFF_NAMESPACE, "xmlns:bw": WORKBENCH_NAMESPACE, version: "2.1", srcLang: xmlLang(doc.sourceLang), trgLang: doc.targetLang === null ? null : xmlLang(doc.targetLang) })}>`,
    `  <file${attrs({ id: "f1", original: doc.sourceName ?? doc.title })}>`,
    `    <notes>`,
    `      <note category="bw:title">${text(doc.title)}</note>`,
    `      <note category="bw:tool">${text(`${TOOL_NAME} ${TOOL_VERSION}`)}</note>`,
    `    </notes>`,
  ];
  // Without links (a single-language document) every source sentence is a unit of its own.
  const units: TranslationUnit[] = bilingual
    ? translationUnits(snapshot, options, "empty")
    : snapshot.source.map((s) => ({
      link: { id: s.id, position: s.position, source: [s.position], target: [], confidence: 1, status: "automatic" as const, version: 0 },
      type: "1-0", source: s.text, target: "", sourceSegments: [s], targetSegments: [],
    }));
  const noteIndex = notesBySentence(snapshot, options.noteLang ?? "en");
  for (const unit of units) {
    const { link } = unit;
    const hasTarget = bilingual && unit.targetSegments.length > 0;
    const state = !hasTarget ? "initial" : link.status === "confirmed" ? "reviewed" : "translated";
    lines.push(`    <unit${attrs(bilingual ? {
      id: `u${link.id}`, name: `link-${link.position}`, "bw:type": unit.type, "bw:status": link.status, "bw:confidence": Math.round(link.confidence * 1000) / 1000,
    } : { id: `u${link.id}`, name: `sentence-${link.position}` })}>`);
    const notes = notesOf(unit, noteIndex);
    if (notes.length) {
      lines.push(`      <notes>`, ...notes.map((n) => `        <note${attrs(n.attributes)}>${text(n.text)}</note>`), `      </notes>`);
    }
    lines.push(
      `      <segment${attrs({ id: `s${link.id}`, state, subState: `bw:${link.status}` })}>`,
      `        <source>${text(unit.source)}</source>`,
      ...(hasTarget ? [`        <target>${text(unit.target)}</target>`] : []),
      `      </segment>`,
      `    </unit>`,
    );
  }
  if (units.length === 0) {
    // The schema wants a unit or group in every file; an empty group keeps an empty selection valid.
    lines.push(`    <group id="empty"/>`);
  }
  lines.push(`  </file>`, `</xliff>`, ``);
  return lines.join("\n");
}
