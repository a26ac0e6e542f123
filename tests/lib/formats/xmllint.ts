// xmllint (libxml2-utils) as the independent judge of what the exporters write.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { installed } from "../../helpers/requirements";

/** Tests that need xmllint skip without it (and fail under CI=true). */
export const XMLLINT = installed("xmllint", "libxml2-utils");
/** Tests that open the Moses zip with Debian's unzip. */
export const UNZIP = installed("unzip", "unzip");

const dir = mkdtempSync(path.join(os.tmpdir(), "bitext-xml-"));
let n = 0;
// A TMX file names "tmx14.dtd" in its DOCTYPE; libxml2 reads it from beside the file.
copyFileSync("fixtures/schemas/tmx14.dtd", path.join(dir, "tmx14.dtd"));

export function writeTemp(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, `${n++}-${name}`);
  writeFileSync(file, content);
  return file;
}

export function xmllint(args: string[], content: string): { code: number | null; stdout: string; stderr: string } {
  const file = writeTemp("doc.xml", content);
  const r = spawnSync("xmllint", [...args, file], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function validateTmx(xml: string) {
  return xmllint(["--noout", "--nonet", "--dtdvalid", path.resolve("fixtures/schemas/tmx14.dtd")], xml);
}

export function validateXliff(xml: string) {
  return xmllint(["--noout", "--nonet", "--schema", path.resolve("fixtures/schemas/xliff_core_2.0.xsd")], xml);
}

/** The string value of an XPath expression, as libxml2 parses the document. */
export function xpathString(xml: string, expression: string): string {
  const r = xmllint(["--nonet", "--xpath", `string(${expression})`], xml);
  if (r.code !== 0) throw new Error(`xmllint --xpath failed: ${r.stderr}`);
  // xmllint ends its output with a line break of its own.
  return r.stdout.replace(/\n$/, "");
}

export function xpathCount(xml: string, expression: string): number {
  const r = xmllint(["--nonet", "--xpath", `count(${expression})`], xml);
  return Number(r.stdout.trim());
}
