// The lossless exchange format: a DocumentSnapshot with a small envelope naming the format.
// `parseDocumentJson` is what `bitext import --json` and the web import read; it checks the
// shape with zod and then the references between the parts, and says in its error which
// part of the file is wrong.
import { z } from "zod";
import { isLanguageCode, LANGUAGE_CODE_EXAMPLES } from "../language-code";
import { findingConfidence } from "../artifacts/confidence";
import type { DocumentSnapshot } from "../document";
import { TOOL_NAME, TOOL_VERSION } from "./tool";

export const DOCUMENT_FORMAT = "bitext-workbench/document";
export const DOCUMENT_FORMAT_VERSION = 1;

export class DocumentJsonError extends Error {}

const SIDES = ["source", "target"] as const;
const SEVERITIES = ["neutral", "minor", "major", "critical"] as const;
const CATEGORIES = [
  "Accuracy/Mistranslation", "Accuracy/Omission", "Accuracy/Addition", "Accuracy/Untranslated", "Terminology/Inconsistent",
  "Fluency/Spelling", "Fluency/Grammar", "Fluency/Punctuation", "Fluency/Spacing", "Locale/Number format", "Design/Markup",
  "Style/Awkward", "Other",
] as const;

const index = z.number().int().min(0);
const id = z.number().int();
const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "expected an ISO date-time such as 2026-01-31T12:00:00.000Z");
const span = z.tuple([index, index]).refine(([a, b]) => a <= b, "span start is after its end");

const segmentSchema = z.object({
  id, side: z.enum(SIDES), position: index, paragraph: index, start: index.nullable(), end: index.nullable(),
  originalText: z.string(), text: z.string(), version: z.number().int().min(0), updatedAt: timestamp,
});

const linkSchema = z.object({
  id, position: index, source: z.array(index), target: z.array(index), confidence: z.number().min(0).max(1),
  status: z.enum(["automatic", "confirmed"]), version: z.number().int().min(0),
});

const flagSchema = z.object({
  id, linkId: id.nullable(), detector: z.string().min(1), category: z.enum(CATEGORIES), severity: z.enum(SEVERITIES),
  side: z.enum(SIDES), sentence: z.number().int().min(-1), span,
  message: z.object({ key: z.string().min(1), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
  suggestion: z.string().optional(), evidence: z.record(z.string(), z.unknown()).optional(),
  // Exports before confidences existed lack it; the workbench recomputes it on every read anyway.
  confidence: z.number().min(0).max(1).optional(),
  // Exports before excerpts were kept lack it: then it is read from the sentence (see parseDocumentJson).
  excerpt: z.string().optional(),
  status: z.enum(["open", "accepted", "dismissed", "fixed"]), decidedBy: z.string().nullable(), decidedAt: timestamp.nullable(),
}).transform((f) => ({ ...f, confidence: f.confidence ?? findingConfidence(f) }));

const annotationSchema = z.object({
  id, side: z.enum(SIDES), sentence: index, span, category: z.enum(CATEGORIES), severity: z.enum(SEVERITIES),
  comment: z.string(), author: z.string().nullable(), createdAt: timestamp, updatedAt: timestamp, version: z.number().int().min(0),
});

const revisionSchema = z.object({
  id, author: z.string().nullable(), createdAt: timestamp,
  entity: z.enum(["document", "link", "segment", "flag", "annotation"]), entityId: id.nullable(),
  operation: z.string().min(1), before: z.unknown(), after: z.unknown(), undone: z.boolean(),
});

// The one rule of lib/language-code; kept as written, so a document comes back as it was exported.
const lang = z.string().refine(isLanguageCode, `expected a language code such as ${LANGUAGE_CODE_EXAMPLES}`);

export const documentSnapshotSchema = z.object({
  document: z.object({
    id, title: z.string().min(1, "the document needs a title"), sourceLang: lang, targetLang: lang.nullable(),
    sourceName: z.string().nullable(), targetName: z.string().nullable(), version: z.number().int().min(0),
    createdAt: timestamp, updatedAt: timestamp,
  }),
  source: z.array(segmentSchema).min(1, "the document has no source sentences"),
  target: z.array(segmentSchema),
  links: z.array(linkSchema),
  flags: z.array(flagSchema),
  annotations: z.array(annotationSchema),
  revisions: z.array(revisionSchema),
});

export function exportJson(snapshot: DocumentSnapshot, options: { now?: Date } = {}): string {
  const envelope = {
    format: DOCUMENT_FORMAT, formatVersion: DOCUMENT_FORMAT_VERSION,
    exportedBy: `${TOOL_NAME} ${TOOL_VERSION}`, exportedAt: (options.now ?? new Date()).toISOString(),
    ...snapshot,
  };
  return JSON.stringify(envelope, null, 1) + "\n";
}

function where(path: PropertyKey[]): string {
  return path.reduce<string>((out, p) => (typeof p === "number" ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), "") || "the file";
}

/** Reads an exported document (or a bare snapshot); throws DocumentJsonError saying what is wrong. */
export function parseDocumentJson(text: string): DocumentSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new DocumentJsonError(`This is not JSON (${(err as Error).message}). Export the document again with \`bitext export --format json\`.`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new DocumentJsonError("Expected a JSON object with document, source, target, links, flags, annotations and revisions.");
  }
  const envelope = data as Record<string, unknown>;
  if (envelope.format !== undefined && envelope.format !== DOCUMENT_FORMAT) {
    throw new DocumentJsonError(`"format" is ${JSON.stringify(envelope.format)}, not "${DOCUMENT_FORMAT}": this is not a Bitext Workbench document export.`);
  }
  if (envelope.formatVersion !== undefined && envelope.formatVersion !== DOCUMENT_FORMAT_VERSION) {
    throw new DocumentJsonError(`This export has format version ${JSON.stringify(envelope.formatVersion)}; this installation reads version ${DOCUMENT_FORMAT_VERSION}. Update the workbench.`);
  }
  const parsed = documentSnapshotSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const listed = issues.slice(0, 5).map((i) => `${where(i.path)}: ${i.message}`);
    if (issues.length > 5) listed.push(`… and ${issues.length - 5} more problems`);
    throw new DocumentJsonError(`The document JSON is not valid:\n  ${listed.join("\n  ")}`);
  }
  const read = parsed.data;
  const snapshot = {
    ...read,
    flags: read.flags.map((f) => ({ ...f, excerpt: f.excerpt ?? read[f.side][f.sentence]?.text.slice(f.span[0], f.span[1]) ?? "" })),
  } as DocumentSnapshot;
  const problems = [...unstorableText(snapshot), ...referenceProblems(snapshot)];
  if (problems.length) {
    const listed = problems.slice(0, 5);
    if (problems.length > 5) listed.push(`… and ${problems.length - 5} more problems`);
    throw new DocumentJsonError(`The document JSON is inconsistent:\n  ${listed.join("\n  ")}`);
  }
  return snapshot;
}

/**
 * NUL cannot be stored in a PostgreSQL text column and a lone surrogate is not Unicode text
 * at all (the database client refuses it); neither can come from an imported text file.
 */
export function unstorableText(value: unknown, path: PropertyKey[] = []): string[] {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return [`${where(path)}: contains the NUL character (U+0000), which cannot be stored; remove it`];
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) return [`${where(path)}: contains a lone surrogate (broken UTF-16), which is not text; re-export the document`];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableText(v, [...path, i]));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => unstorableText(v, [...path, k]));
  return [];
}

/** What the schema cannot see: positions, and references from links, flags and annotations. */
export function referenceProblems(s: DocumentSnapshot): string[] {
  const problems: string[] = [];
  for (const side of SIDES) {
    s[side].forEach((seg, i) => {
      if (seg.side !== side) problems.push(`${side}[${i}].side: is "${seg.side}" in the ${side} list`);
      if (seg.position !== i) problems.push(`${side}[${i}].position: is ${seg.position}, expected ${i} (sentences are listed in order)`);
    });
  }
  if (s.document.targetLang === null) {
    if (s.target.length) problems.push(`target: a single-language document (targetLang null) has no target sentences, found ${s.target.length}`);
    if (s.links.length) problems.push(`links: a single-language document has no links, found ${s.links.length}`);
  } else {
    if (s.target.length === 0) problems.push(`target: targetLang is "${s.document.targetLang}" but there are no target sentences`);
    // Every sentence in exactly one link, links in document order: what the review tools rely on.
    let next = { source: 0, target: 0 };
    s.links.forEach((l, i) => {
      if (l.position !== i) problems.push(`links[${i}].position: is ${l.position}, expected ${i}`);
      if (l.source.length === 0 && l.target.length === 0) problems.push(`links[${i}]: has no sentence on either side`);
      for (const side of SIDES) {
        l[side].forEach((p, j) => {
          if (p !== next[side]) problems.push(`links[${i}].${side}[${j}]: is sentence ${p}, expected ${next[side]} (each ${side} sentence in exactly one link, in order)`);
          next = { ...next, [side]: p + 1 };
        });
      }
    });
    for (const side of SIDES) {
      if (next[side] !== s[side].length) problems.push(`links: cover ${side} sentences up to ${next[side]}, the document has ${s[side].length}`);
    }
  }
  const linkIds = new Set(s.links.map((l) => l.id));
  if (linkIds.size !== s.links.length) problems.push("links: two links have the same id");
  s.flags.forEach((f, i) => {
    if (f.sentence >= s[f.side].length) problems.push(`flags[${i}].sentence: ${f.side} sentence ${f.sentence} does not exist (the ${f.side} side has ${s[f.side].length})`);
    if (f.linkId !== null && !linkIds.has(f.linkId)) problems.push(`flags[${i}].linkId: no link has id ${f.linkId}`);
  });
  s.annotations.forEach((a, i) => {
    if (a.sentence >= s[a.side].length) problems.push(`annotations[${i}].sentence: ${a.side} sentence ${a.sentence} does not exist (the ${a.side} side has ${s[a.side].length})`);
  });
  return problems;
}
