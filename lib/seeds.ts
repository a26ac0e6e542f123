// The seed articles the workbench was specified from (fixtures/seeds), loaded on first
// start so a new user has something real to look at.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "./db/client";
import { importDocument } from "./import";

export interface SeedDocument { title: string; source: { file: string; lang: string }; target?: { file: string; lang: string } }

export const SEED_DOCUMENTS: SeedDocument[] = [
  { title: "OpenAI leadership controversy (EN → DE, machine translation)", source: { file: "000_2f5c058692c94630.txt", lang: "en" }, target: { file: "001_1a15638dc6a05010.txt", lang: "de" } },
  { title: "Article with a language menu glued in (EN)", source: { file: "002_c92fd515c658d046.txt", lang: "en" } },
  { title: "“Ultraman” article translated from Chinese (EN)", source: { file: "003_0f4aa659cf5b8893.txt", lang: "en" } },
  { title: "Article translated from Korean, with site chrome (EN)", source: { file: "004_0be4a60855cd9121.txt", lang: "en" } },
];

/** Imports every seed not stored yet (matched by file name). Returns the ids created. */
export async function loadSeeds(db: Db, dir = path.join(process.cwd(), "fixtures", "seeds")): Promise<number[]> {
  const created: number[] = [];
  for (const seed of SEED_DOCUMENTS) {
    const exists = await db.document.findFirst({ where: { sourceName: seed.source.file } });
    if (exists) continue;
    const read = (file: string) => new Uint8Array(readFileSync(path.join(dir, file)));
    const { id } = await importDocument(db, {
      title: seed.title,
      source: { label: seed.source.file, lang: seed.source.lang, bytes: read(seed.source.file) },
      target: seed.target ? { label: seed.target.file, lang: seed.target.lang, bytes: read(seed.target.file) } : null,
      acceptWarnings: true,
    });
    created.push(id);
  }
  return created;
}
