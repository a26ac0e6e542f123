// Vecalign's alignment file format: one link a line, `[0, 1]:[2]` (0-based sentence indices),
// optionally followed by `:0.93` (a confidence or cost; gold files have none).
import type { Link } from "../types";

const LINE = /^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\](?:\s*:\s*(-?[\d.eE+-]+))?\s*$/;

function ids(field: string): number[] {
  return field.trim() === "" ? [] : field.split(",").map((x) => Number(x.trim()));
}

/** Parses a Vecalign-format file; throws with the line number on a malformed line. */
export function parseVecalign(text: string): Link[] {
  const links: Link[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (line.trim() === "") return;
    const m = LINE.exec(line.trim());
    if (!m) throw new Error(`line ${k + 1}: "${line.slice(0, 60)}" is not a link like [0, 1]:[2] or [0]:[1]:0.93`);
    const confidence = m[3] === undefined ? 1 : Number(m[3]);
    links.push({ source: ids(m[1]), target: ids(m[2]), confidence: Number.isFinite(confidence) ? confidence : 1 });
  });
  return links;
}

export function formatVecalign(links: Link[]): string {
  return links.map((l) => `[${l.source.join(",")}]:[${l.target.join(",")}]:${l.confidence.toFixed(2)}`).join("\n") + (links.length ? "\n" : "");
}
