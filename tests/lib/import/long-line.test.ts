// Legal but pathological input (issue #14): a text without sentence punctuation or line breaks
// is one enormous sentence, and aligning and checking cost more than linear time in a
// sentence's length. A 5 MB single line is refused with a message that says what to do;
// sentences up to the limit are analysed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument, ImportError } from "../../../lib/import";
import { analysePair } from "../../../lib/pipeline";
import { MAX_SENTENCE_CHARS } from "../../../lib/segment";
import { createTestDatabase, tableCounts, type TestDatabase } from "../../helpers/database";
import { runBitext } from "../../helpers/cli";

const EN = "the company announced a plan for the next year and its board questioned the cost of training while Altman said KI -Modell".split(" ");
const DE = "das Unternehmen kündigte einen Plan für das nächste Jahr an und sein Vorstand stellte die Kosten des Trainings infrage während Ultraman sagte KI -Modellen".split(" ");

/** Words without a full stop, up to `bytes` characters: one sentence however long. */
function singleLine(words: string[], chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const w = words[(i * 7 + (i >> 3)) % words.length];
    out.push(w);
    n += w.length + 1;
  }
  return out.join(" ").slice(0, chars);
}

let t: TestDatabase;
let dir: string;
// German's umlauts make 5 million characters more than 5 MB: the size limit is not what is tested here.
const LIMIT = String(8 * 1024 * 1024);
const previousLimit = process.env.BITEXT_MAX_BYTES;
beforeAll(async () => {
  process.env.BITEXT_MAX_BYTES = LIMIT;
  t = await createTestDatabase("sqlite");
  dir = mkdtempSync(path.join(os.tmpdir(), "bitext-long-"));
});
afterAll(async () => {
  if (previousLimit === undefined) delete process.env.BITEXT_MAX_BYTES;
  else process.env.BITEXT_MAX_BYTES = previousLimit;
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a text that is one enormous sentence", () => {
  const five = 5_000_000;
  const source = { label: "book-en.txt", lang: "en", text: singleLine(EN, five) };
  const target = { label: "book-de.txt", lang: "de", text: singleLine(DE, five) };

  it("is refused by the importer, in the web server's analysis worker, with what to do", async () => {
    const before = await tableCounts(t.db);
    const err = await importDocument(t.db, { source, target, inWorker: true, acceptWarnings: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const problem = (err as ImportError).problems[0];
    expect(problem.code).toBe("sentenceTooLong");
    expect(problem.params).toMatchObject({ label: "book-en.txt", sentence: 1, length: five });
    expect(problem.message).toMatch(/book-en\.txt: sentence 1 is 5,000,000 characters long .*at most 20,000 characters.*line of its own/);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("is refused by the command line (import and check) with the same message", () => {
    const en = path.join(dir, "en.txt");
    const de = path.join(dir, "de.txt");
    writeFileSync(en, source.text);
    writeFileSync(de, target.text);
    const env = { ...process.env, DATABASE_URL: t.url, BITEXT_MAX_BYTES: LIMIT };
    const imported = runBitext(["import", en, de, "--src-lang", "en", "--tgt-lang", "de", "--force"], { env });
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/sentence 1 is 5,000,000 characters long/);
    const checked = runBitext(["check", en, de, "--src-lang", "en", "--tgt-lang", "de"], { env });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/en\.txt: sentence 1 is 5,000,000 characters long/);
  });

  it("is analysed when it is just within the limit, also as a run of letters without spaces", () => {
    for (const [en, de] of [[singleLine(EN, MAX_SENTENCE_CHARS), singleLine(DE, MAX_SENTENCE_CHARS)], ["a".repeat(MAX_SENTENCE_CHARS), "b".repeat(MAX_SENTENCE_CHARS)]]) {
      const snapshot = analysePair({ title: "limit", sourceLang: "en", targetLang: "de", sourceText: en, targetText: de });
      expect(snapshot.source).toHaveLength(1);
      expect(snapshot.links).toEqual([expect.objectContaining({ source: [0], target: [0] })]);
    }
  });
});
