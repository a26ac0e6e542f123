import { describe, expect, it } from "vitest";
import { DocumentJsonError, exportJson, parseDocumentJson } from "../../../lib/formats/json";
import { hardSnapshot, seedPairSnapshot, storableHardSnapshot } from "./snapshots";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reaches into arbitrary JSON to break it
function mutated(change: (data: Record<string, any>) => void): string {
  const data = JSON.parse(exportJson(seedPairSnapshot()));
  change(data);
  return JSON.stringify(data);
}

describe("exportJson / parseDocumentJson", () => {
  it("round-trips every part of a snapshot unchanged", () => {
    for (const snapshot of [seedPairSnapshot(), storableHardSnapshot()]) {
      expect(parseDocumentJson(exportJson(snapshot))).toEqual(snapshot);
    }
  });

  it("keeps control characters and astral characters exactly", () => {
    const snapshot = storableHardSnapshot();
    const back = parseDocumentJson(exportJson(snapshot));
    expect(back.source.map((s) => s.text)).toEqual(snapshot.source.map((s) => s.text));
    expect(back.target[3].text).toContain("\u0007");
    expect(back.source[2].text).toContain("😀");
  });

  it("refuses NUL and lone surrogates, which no database stores, and says where they are", () => {
    const text = exportJson(hardSnapshot());
    expect(() => parseDocumentJson(text)).toThrow(/source\[3\]\.originalText: contains the NUL character/);
    expect(() => parseDocumentJson(text)).toThrow(/source\[6\]\.text: contains a lone surrogate/);
  });

  it("names the format and accepts a bare snapshot too", () => {
    const data = JSON.parse(exportJson(seedPairSnapshot()));
    expect(data.format).toBe("bitext-workbench/document");
    expect(data.formatVersion).toBe(1);
    const { format, formatVersion, exportedAt, exportedBy, ...bare } = data;
    expect(parseDocumentJson(JSON.stringify(bare))).toEqual(seedPairSnapshot());
  });

  it("says where the file is wrong", () => {
    const cases: [string, RegExp][] = [
      ["{ not json", /not JSON/],
      ["[]", /JSON object/],
      [mutated((d) => (d.format = "something-else")), /not a Bitext Workbench document export/],
      [mutated((d) => (d.formatVersion = 2)), /format version 2.*Update the workbench/],
      [mutated((d) => (d.links[3].confidence = "high")), /links\[3\]\.confidence: .*number/],
      [mutated((d) => (d.flags[0].severity = "catastrophic")), /flags\[0\]\.severity/],
      [mutated((d) => delete d.revisions), /revisions: /],
      [mutated((d) => (d.document.sourceLang = "English")), /document\.sourceLang: expected a language code/],
      [mutated((d) => (d.source[1].position = 7)), /source\[1\]\.position: is 7, expected 1/],
      [mutated((d) => (d.links[1].source = [99])), /links\[1\]\.source\[0\]: is sentence 99/],
      [mutated((d) => d.links.pop()), /links: cover (source|target) sentences up to \d+, the document has \d+/],
      [mutated((d) => (d.flags[0].linkId = 123456)), /flags\[0\]\.linkId: no link has id 123456/],
      [mutated((d) => (d.annotations[0].sentence = 999)), /annotations\[0\]\.sentence: target sentence 999 does not exist/],
      [mutated((d) => (d.annotations[0].createdAt = "yesterday")), /annotations\[0\]\.createdAt: expected an ISO date-time/],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try {
        parseDocumentJson(text);
      } catch (err) {
        error = err;
      }
      expect(error, String(message)).toBeInstanceOf(DocumentJsonError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it("lists at most five problems and says how many more there are", () => {
    const text = mutated((d) => d.source.forEach((s: { text: unknown }) => (s.text = 1)));
    expect(() => parseDocumentJson(text)).toThrow(/… and \d+ more problems/);
  });
});
