import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { exportDocument, mosesFileNames } from "../../../lib/formats";
import { cleanLine, exportMoses, exportTsv } from "../../../lib/formats/plain";
import { zipFiles } from "../../../lib/formats/zip";
import { HARD_PAIRS, hardSnapshot, seedPairSnapshot } from "./snapshots";
import { UNZIP, writeTemp } from "./xmllint";

describe("exportTsv", () => {
  it("writes one line per paired link with source and target separated by one tab", () => {
    const snapshot = seedPairSnapshot();
    const lines = exportTsv(snapshot).split("\n");
    expect(lines.pop()).toBe("");
    const paired = snapshot.links.filter((l) => l.source.length && l.target.length);
    expect(lines).toHaveLength(paired.length);
    for (const line of lines) expect(line.split("\t")).toHaveLength(2);
    expect(lines[1]).toBe(`${snapshot.source[paired[1].source[0]].text}\t${snapshot.target[paired[1].target[0]].text}`);
  });

  it("never lets a tab, line break or control character of the text break the line structure", () => {
    const snapshot = hardSnapshot();
    const lines = exportTsv(snapshot, { unpaired: "empty" }).split("\n").slice(0, -1);
    expect(lines).toHaveLength(snapshot.links.length);
    for (const line of lines) {
      expect(line.split("\t")).toHaveLength(2);
      expect(line).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
    }
    expect(lines[2]).toBe(HARD_PAIRS[2].join("\t"));
    expect(lines[4]).toBe("A tab here, a CR  there\tEin Tab hier, ein CR  dort");
    expect(lines[7]).toBe("\tEmpty source sentence above");
  });

  it("adds a header and link metadata on request", () => {
    const snapshot = seedPairSnapshot();
    const [header, first] = exportTsv(snapshot, { metadata: true }).split("\n");
    expect(header).toBe("link\ttype\tstatus\tconfidence\ten\tde");
    const cells = first.split("\t");
    expect(cells.slice(0, 3)).toEqual(["0", `${snapshot.links[0].source.length}-${snapshot.links[0].target.length}`, "confirmed"]);
  });
});

describe("exportMoses", () => {
  it("writes two files with the same number of lines, line i of one the translation of line i of the other", () => {
    const snapshot = hardSnapshot();
    const { source, target } = exportMoses(snapshot, { unpaired: "empty" });
    const s = source.split("\n");
    const t = target.split("\n");
    expect(s.length).toBe(t.length);
    expect(s.length - 1).toBe(snapshot.links.length);
    HARD_PAIRS.forEach(([src, tgt], i) => {
      expect(s[i]).toBe(cleanLine(src));
      expect(t[i]).toBe(cleanLine(tgt));
    });
  });
});

describe.skipIf(!UNZIP.present)(`zipFiles${UNZIP.note}`, () => {
  it("writes a zip that unzip tests and extracts byte for byte, with UTF-8 names", () => {
    const files = [{ name: "corpus.en", data: "Fish & chips 😀\n" }, { name: "Übersetzung.de", data: "Fisch\n" }, { name: "empty.txt", data: "" }];
    const file = writeTemp("test.zip", zipFiles(files));
    const test = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
    expect(test.status).toBe(0);
    expect(test.stdout).toMatch(/No errors detected/);
    for (const f of files) {
      const r = spawnSync("unzip", ["-p", file, f.name], { encoding: "utf8" });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(f.data);
    }
  });

  it("writes the same archive whatever the server's time zone", () => {
    const files = [{ name: "a.en", data: "One\n" }, { name: "a.de", data: "Eins\n" }];
    const when = new Date("2026-07-01T23:30:00Z");
    const zone = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      const utc = zipFiles(files, when);
      process.env.TZ = "Pacific/Auckland";
      expect(zipFiles(files, when)).toEqual(utc);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("is what the Moses download holds", () => {
    const snapshot = seedPairSnapshot();
    const download = exportDocument(snapshot, "moses", { now: new Date("2026-01-02T03:04:05Z") });
    expect(download.mimeType).toBe("application/zip");
    expect(download.fileName).toBe("seed-pair-openai-leadership.zip");
    const file = writeTemp("moses.zip", download.data as Uint8Array);
    const names = mosesFileNames(snapshot);
    expect(names).toEqual({ source: "seed-pair-openai-leadership.en", target: "seed-pair-openai-leadership.de" });
    const moses = exportMoses(snapshot);
    expect(spawnSync("unzip", ["-p", file, names.source], { encoding: "utf8" }).stdout).toBe(moses.source);
    expect(spawnSync("unzip", ["-p", file, names.target], { encoding: "utf8" }).stdout).toBe(moses.target);
    const listing = spawnSync("unzip", ["-l", file], { encoding: "utf8" }).stdout;
    expect(listing).toMatch(/2026-01-02 03:04/);
    // Deflated: the archive is smaller than the two texts it holds.
    expect((download.data as Uint8Array).length).toBeLessThan(new TextEncoder().encode(moses.source + moses.target).length);
  });
});
