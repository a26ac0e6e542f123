// The Moses download's ZIP: fflate writes it (deflated, CRC-32 checked by every unzip, UTF-8
// names flagged as such), so the archive format is not ours to maintain.
import { gzipSync, zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
}

/**
 * ZIP stores a DOS date and time without a zone, read with the local getters: the time is shifted so
 * they give its UTC fields, and the archive comes out the same whatever the server's zone.
 */
function dosTime(date: Date): Date {
  const year = Math.max(1980, date.getUTCFullYear());
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

/**
 * Info-ZIP Unicode Path extra field (0x7075) for non-ASCII names: Debian's unzip, among others, ignores
 * the UTF-8 flag but reads this field. It carries the name's CRC-32, taken from the trailer of a gzip
 * member of the name (fflate exports no CRC function of its own).
 */
function unicodePath(name: Uint8Array): Record<number, Uint8Array> | undefined {
  if (name.every((b) => b < 0x80)) return undefined;
  const gzip = gzipSync(name, { level: 0 });
  const field = new Uint8Array(5 + name.length);
  field[0] = 1; // version
  field.set(gzip.subarray(gzip.length - 8, gzip.length - 4), 1);
  field.set(name, 5);
  return { 0x7075: field };
}

export function zipFiles(entries: ZipEntry[], modified: Date = new Date()): Uint8Array {
  const encoder = new TextEncoder();
  const files: Zippable = {};
  for (const entry of entries) {
    if (Object.hasOwn(files, entry.name)) throw new Error(`zipFiles: "${entry.name}" is named twice; every file in a ZIP needs its own name.`);
    const data = typeof entry.data === "string" ? encoder.encode(entry.data) : entry.data;
    files[entry.name] = [data, { mtime: dosTime(modified), extra: unicodePath(encoder.encode(entry.name)) }];
  }
  return zipSync(files, { level: 6 });
}
