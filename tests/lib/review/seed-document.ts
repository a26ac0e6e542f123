// The seed pair (fixtures/seeds 000 English / 001 German) as a stored document for review
// tests: segmented, aligned and checked by the real pipeline (lib/pipeline), once per test file.
import { readFileSync } from "node:fs";
import type { Db } from "../../../lib/db/client";
import { createDocument } from "../../../lib/db/documents";
import { createReviewer } from "../../../lib/db/reviewers";
import type { DocumentSnapshot } from "../../../lib/document";
import { analysePair } from "../../../lib/pipeline";

export const SEED_EN = readFileSync("fixtures/seeds/000_2f5c058692c94630.txt", "utf8");
export const SEED_DE = readFileSync("fixtures/seeds/001_1a15638dc6a05010.txt", "utf8");

let analysed: DocumentSnapshot | undefined;

export function seedPairSnapshot(): DocumentSnapshot {
  analysed ??= analysePair({ title: "seed pair", sourceLang: "en", targetLang: "de", sourceText: SEED_EN, targetText: SEED_DE, sourceName: "000_2f5c058692c94630.txt", targetName: "001_1a15638dc6a05010.txt" });
  return structuredClone(analysed);
}

let counter = 0;
export async function reviewer(db: Db, displayName: string) {
  counter++;
  return createReviewer(db, { login: `${displayName.toLowerCase().replace(/\W+/g, "")}${counter}`, displayName, password: "correct horse battery staple" });
}

export async function seedDocument(db: Db): Promise<number> {
  return createDocument(db, seedPairSnapshot());
}
