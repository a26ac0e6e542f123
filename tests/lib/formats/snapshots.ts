// Test snapshots built from the seed texts. Sentences are the seed lines split naively at
// sentence punctuation and links pair sentences by paragraph: this is test input for the
// formats and reports, not a segmentation or alignment result.
import { findingConfidence } from "../../../lib/artifacts/confidence";
import { readFileSync } from "node:fs";
import type { AnnotationRecord, DocumentSnapshot, FlagRecord, LinkRecord, RevisionRecord, SegmentRecord } from "../../../lib/document";
import type { Side } from "../../../lib/types";

const NOW = "2026-11-23T08:00:00.000Z";

export function naiveSentences(text: string): { text: string; paragraph: number }[] {
  return text.split("\n").filter((p) => p.trim()).flatMap((p, paragraph) => p.split(/(?<=[.!?])\s+/).filter(Boolean).map((s) => ({ text: s, paragraph })));
}

function segments(sentences: { text: string; paragraph: number }[], side: Side, firstId: number): SegmentRecord[] {
  return sentences.map((s, position) => ({
    id: firstId + position, side, position, paragraph: s.paragraph, start: null, end: null,
    originalText: s.text, text: s.text, version: 0, updatedAt: NOW,
  }));
}

/** Pairs sentences paragraph by paragraph: 1-1 while both have one, then 1-0 / 0-1. */
export function paragraphLinks(source: SegmentRecord[], target: SegmentRecord[]): LinkRecord[] {
  const links: LinkRecord[] = [];
  const paragraphs = Math.max(...source.map((s) => s.paragraph), ...target.map((s) => s.paragraph)) + 1;
  for (let p = 0; p < paragraphs; p++) {
    const src = source.filter((s) => s.paragraph === p);
    const tgt = target.filter((s) => s.paragraph === p);
    for (let i = 0; i < Math.max(src.length, tgt.length); i++) {
      links.push({
        id: 1000 + links.length, position: links.length, source: src[i] ? [src[i].position] : [], target: tgt[i] ? [tgt[i].position] : [],
        confidence: src[i] && tgt[i] ? 0.5 + ((links.length * 37) % 50) / 100 : 0.2, status: "automatic", version: 0,
      });
    }
  }
  return links;
}

export function seedPairSnapshot(): DocumentSnapshot {
  const source = segments(naiveSentences(readFileSync("fixtures/seeds/000_2f5c058692c94630.txt", "utf8")), "source", 1);
  const target = segments(naiveSentences(readFileSync("fixtures/seeds/001_1a15638dc6a05010.txt", "utf8")), "target", 500);
  const links = paragraphLinks(source, target);
  // A 2-2 link: the first two links merged.
  const [first, second] = links;
  if (first.source.length === 1 && second.source.length === 1 && second.target.length === 1) {
    first.source = [...first.source, ...second.source];
    first.target = [...first.target, ...second.target];
    links.splice(1, 1);
    links.forEach((l, i) => (l.position = i));
  }
  links[0].status = "confirmed";
  links[2].status = "confirmed";
  const openai = target.find((s) => s.text.includes("Openai"))!;
  const ki = target.find((s) => s.text.includes("KI -"))!;
  const linkOf = (side: Side, i: number) => links.find((l) => l[side].includes(i))?.id ?? null;
  const flag = (id: number, seg: SegmentRecord, needle: string, extra: Partial<FlagRecord>): FlagRecord => {
    const at = seg.text.indexOf(needle);
    const f = {
      id, linkId: linkOf(seg.side, seg.position), detector: "test", category: "Fluency/Spelling", severity: "minor", side: seg.side,
      sentence: seg.position, span: [at, at + needle.length], excerpt: needle, message: { key: "test.message", params: { text: needle } },
      status: "open", decidedBy: null, decidedAt: null, ...extra,
    } as Omit<FlagRecord, "confidence">;
    return { ...f, confidence: findingConfidence(f) };
  };
  const flags: FlagRecord[] = [
    flag(1, openai, "Openai", { detector: "brandCase", suggestion: "OpenAI", status: "accepted", decidedBy: "ana", decidedAt: "2026-11-23T09:00:00.000Z" }),
    flag(2, ki, "KI -", { detector: "detokenisation", category: "Fluency/Spacing", suggestion: "KI-", status: "dismissed", decidedBy: "ben", decidedAt: "2026-11-23T09:05:00.000Z" }),
    flag(3, target[0], "erregte", { detector: "grammar", category: "Fluency/Grammar", severity: "major" }),
  ];
  const annotations: AnnotationRecord[] = [{
    id: 1, side: "target", sentence: 0, span: [0, 12], category: "Accuracy/Mistranslation", severity: "critical",
    comment: "Wrong tense & <meaning>", author: "ana", createdAt: "2026-11-23T09:10:00.000Z", updatedAt: "2026-11-23T09:10:00.000Z", version: 0,
  }];
  const revisions: RevisionRecord[] = [
    { id: 1, author: null, createdAt: NOW, entity: "document", entityId: 1, operation: "import", before: null, after: { links: links.length }, undone: false },
    { id: 2, author: "ana", createdAt: "2026-11-23T09:00:00.000Z", entity: "flag", entityId: 1, operation: "decideFlag", before: { status: "open" }, after: { status: "accepted" }, undone: false },
    { id: 3, author: "ben", createdAt: "2026-11-23T09:05:00.000Z", entity: "flag", entityId: 2, operation: "decideFlag", before: { status: "open" }, after: { status: "dismissed" }, undone: false },
    { id: 4, author: "ana", createdAt: "2026-11-23T09:06:00.000Z", entity: "link", entityId: links[0].id, operation: "confirm", before: { status: "automatic" }, after: { status: "confirmed" }, undone: false },
    { id: 5, author: "ana", createdAt: "2026-11-23T09:10:00.000Z", entity: "annotation", entityId: 1, operation: "addAnnotation", before: null, after: { id: 1 }, undone: false },
  ];
  return {
    document: { id: 7, title: "Seed pair: OpenAI leadership", sourceLang: "en", targetLang: "de", sourceName: "000_2f5c058692c94630.txt", targetName: "001_1a15638dc6a05010.txt", version: 5, createdAt: NOW, updatedAt: NOW },
    source, target, links, flags, annotations, revisions,
  };
}

/** Texts that XML and line formats find hard, one link each; the last links are 1-0 and 0-1. */
export const HARD_PAIRS: [string, string][] = [
  ["Fish & chips < 5 €", "Fisch & Pommes < 5 €"],
  ["Never write ]]> in CDATA", "Schreibe nie ]]> in CDATA"],
  ["Music 𝄞 and faces 😀 beyond the BMP", "Musik 𝄞 und Gesichter 😀 jenseits der BMP"],
  ["Bell\u0007 and escape\u001B and NUL\u0000 inside", "Glocke\u0007 und Escape\u001B und NUL\u0000 darin"],
  ["A tab\there, a CR\r\nthere", "Ein Tab\thier, ein CR\r\ndort"],
  ["Quotes \"double\" and 'single'", "Anführungszeichen „doppelt“ und 'einfach'"],
  ["Lone surrogate \uD800 and \uFFFF noncharacter", "Einsames Surrogat \uD800 und \uFFFF"],
  ["", "Empty source sentence above"],
  ["Empty target sentence", ""],
];

export function hardSnapshot(): DocumentSnapshot {
  const source = segments(HARD_PAIRS.map(([s]) => ({ text: s, paragraph: 0 })).concat([{ text: "Only in the source.", paragraph: 1 }]), "source", 1);
  const target = segments(HARD_PAIRS.map(([, t]) => ({ text: t, paragraph: 0 })).concat([{ text: "Nur im Ziel.", paragraph: 1 }]), "target", 100);
  const links: LinkRecord[] = HARD_PAIRS.map((_, i) => ({ id: i + 1, position: i, source: [i], target: [i], confidence: 0.9, status: i % 2 ? "confirmed" : "automatic", version: 1 }));
  links.push({ id: 50, position: links.length, source: [HARD_PAIRS.length], target: [], confidence: 0.1, status: "automatic", version: 0 });
  links.push({ id: 51, position: links.length, source: [], target: [HARD_PAIRS.length], confidence: 0.1, status: "automatic", version: 0 });
  return {
    document: { id: 9, title: "Hard <characters> & co.", sourceLang: "en", targetLang: "de", sourceName: null, targetName: null, version: 0, createdAt: NOW, updatedAt: NOW },
    source, target, links, flags: [], annotations: [], revisions: [],
  };
}

/** What an XML parser gives back for a text after export: characters XML cannot carry are gone. */
export function xmlVisible(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000) out += ch;
  }
  return out;
}

/** hardSnapshot without what no database can hold (NUL, lone surrogates): what a stored document can contain. */
export function storableHardSnapshot(): DocumentSnapshot {
  const snapshot = hardSnapshot();
  for (const seg of [...snapshot.source, ...snapshot.target]) {
    seg.text = seg.text.replace(/\u0000/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
    seg.originalText = seg.text;
  }
  return snapshot;
}

/** What must survive a move between installations (ids are replaced by positions). */
export function content(s: DocumentSnapshot) {
  const linkPosition = new Map(s.links.map((l) => [l.id, l.position]));
  const { id, version, createdAt, updatedAt, ...meta } = s.document;
  return {
    meta,
    source: s.source.map(({ id, version, updatedAt, ...rest }) => rest),
    target: s.target.map(({ id, version, updatedAt, ...rest }) => rest),
    links: s.links.map(({ id, version, ...rest }) => rest),
    // A snapshot made in memory has no stored excerpts; storing one records the flagged text at the span.
    flags: s.flags.map(({ id, linkId, ...rest }) => ({ ...rest, excerpt: rest.excerpt ?? s[rest.side][rest.sentence]?.text.slice(rest.span[0], rest.span[1]), link: linkId === null ? null : linkPosition.get(linkId) })),
    annotations: s.annotations.map(({ id, version, updatedAt, ...rest }) => rest),
    revisions: s.revisions.filter((r) => r.operation !== "import").map(({ id, entityId, ...rest }) => rest),
  };
}
