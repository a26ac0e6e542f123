// The alignment invariants every review operation must keep: each sentence of each side is
// in exactly one link, links are in document order on both sides, no link is empty.
import type { Link } from "../types";

/** Problems with `links` for texts of nSource / nTarget sentences; [] when they are fine. */
export function alignmentProblems(links: Pick<Link, "source" | "target">[], nSource: number, nTarget: number): string[] {
  const problems: string[] = [];
  let nextSource = 0;
  let nextTarget = 0;
  links.forEach((l, i) => {
    if (l.source.length === 0 && l.target.length === 0) problems.push(`link ${i} is empty`);
    for (const s of l.source) {
      if (s !== nextSource) problems.push(`link ${i}: source sentence ${s} where ${nextSource} was due`);
      nextSource = s + 1;
    }
    for (const t of l.target) {
      if (t !== nextTarget) problems.push(`link ${i}: target sentence ${t} where ${nextTarget} was due`);
      nextTarget = t + 1;
    }
  });
  if (nextSource !== nSource) problems.push(`source sentences end at ${nextSource}, the text has ${nSource}`);
  if (nextTarget !== nTarget) problems.push(`target sentences end at ${nextTarget}, the text has ${nTarget}`);
  return problems;
}
