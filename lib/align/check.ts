import type { Link } from "../types";

/** Alignment invariants; returns human-readable violations ([] = valid). */
export function checkLinks(links: Link[], sourceCount: number, targetCount: number): string[] {
  const problems: string[] = [];
  const seen = { source: new Array<number>(sourceCount).fill(-1), target: new Array<number>(targetCount).fill(-1) };
  const last = { source: -1, target: -1 };
  links.forEach((link, k) => {
    const name = `link ${k + 1} ([${link.source.join(",")}]:[${link.target.join(",")}])`;
    if (link.source.length === 0 && link.target.length === 0) problems.push(`${name} is empty on both sides`);
    if (!(link.confidence >= 0 && link.confidence <= 1)) problems.push(`${name} has confidence ${link.confidence}, outside [0, 1]`);
    for (const side of ["source", "target"] as const) {
      const count = side === "source" ? sourceCount : targetCount;
      const ids = link[side];
      ids.forEach((id, x) => {
        if (!Number.isInteger(id) || id < 0 || id >= count) { problems.push(`${name}: ${side} sentence ${id} does not exist (${count} sentences)`); return; }
        if (x > 0 && id !== ids[x - 1] + 1) problems.push(`${name}: ${side} sentences are not contiguous and ascending`);
        if (seen[side][id] >= 0) problems.push(`${name}: ${side} sentence ${id} is already in link ${seen[side][id] + 1}`);
        else seen[side][id] = k;
      });
      if (ids.length) {
        if (ids[0] <= last[side]) problems.push(`${name}: ${side} side is out of document order`);
        last[side] = Math.max(last[side], ids[ids.length - 1]);
      }
    }
  });
  for (const side of ["source", "target"] as const) {
    const missing = seen[side].flatMap((k, id) => (k < 0 ? [id] : []));
    if (missing.length) problems.push(`${side} sentences in no link: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}`);
  }
  return problems;
}
