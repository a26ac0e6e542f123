// The seed pair (fixtures/seeds 000 English / 001 German) as a stored document for review
// tests: segmented by lib/segment. Both sides have 15 sentences that correspond one to one
// (read side by side), so the starting alignment is the diagonal.
import { readFileSync } from "node:fs";
import type { Db } from "../../../lib/db/client";
import { createDocument } from "../../../lib/db/documents";
import { createReviewer } from "../../../lib/db/reviewers";
import type { DocumentSnapshot, SegmentRecord } from "../../../lib/document";
import { segmentText } from "../../../lib/segment";
import type { Sentence, Side } from "../../../lib/types";

export const SEED_EN = readFileSync("fixtures/seeds/000_2f5c058692c94630.txt", "utf8");
export const SEED_DE = readFileSync("fixtures/seeds/001_1a15638dc6a05010.txt", "utf8");

function records(sentences: Sentence[], side: Side, firstId: number, now: string): SegmentRecord[] {
  return sentences.map((s, position) => ({ id: firstId + position, side, position, paragraph: s.paragraph, start: s.start, end: s.end, originalText: s.text, text: s.text, version: 0, updatedAt: now }));
}

export function seedPairSnapshot(): DocumentSnapshot {
  const now = new Date().toISOString();
  const source = segmentText(SEED_EN, "en");
  const target = segmentText(SEED_DE, "de");
  const n = Math.min(source.length, target.length);
  const links = Array.from({ length: n }, (_, i) => ({ id: i + 1, position: i, source: [i], target: [i], confidence: 0.9, status: "automatic" as const, version: 0 }));
  return {
    document: { id: 0, title: "seed pair", sourceLang: "en", targetLang: "de", sourceName: "000_2f5c058692c94630.txt", targetName: "001_1a15638dc6a05010.txt", version: 0, createdAt: now, updatedAt: now },
    source: records(source, "source", 1, now), target: records(target, "target", source.length + 1, now), links, flags: [], annotations: [], revisions: [],
  };
}

let counter = 0;
export async function reviewer(db: Db, displayName: string) {
  counter++;
  return createReviewer(db, { login: `${displayName.toLowerCase().replace(/\W+/g, "")}${counter}`, displayName, password: "correct horse battery staple" });
}

export async function seedDocument(db: Db): Promise<number> {
  return createDocument(db, seedPairSnapshot());
}
