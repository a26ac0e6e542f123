// What a history entry changed, beyond the texts: which sentences moved to another link (merge,
// split, shift, gap, re-align), and sentence numbers written as short ranges. Pure: safe to import
// from client components.

interface LinkRows { rows?: { id?: number; sourceIds: number[]; targetIds: number[] }[] }

/** Segment ids whose link changed between two states of the same stretch of links, per side. */
export function movedSegments(before: LinkRows | undefined, after: LinkRows | undefined): { source: number[]; target: number[] } {
  const moved = { source: [] as number[], target: [] as number[] };
  if (!before?.rows || !after?.rows) return moved;
  // A link is known by its id (a merge keeps the first link's id); rows without one by their sentences.
  const company = (rows: NonNullable<LinkRows["rows"]>) => {
    const of = new Map<string, string>();
    for (const r of rows) {
      const key = r.id !== undefined ? `#${r.id}` : `${r.sourceIds.join(",")}|${r.targetIds.join(",")}`;
      for (const id of r.sourceIds) of.set(`source:${id}`, key);
      for (const id of r.targetIds) of.set(`target:${id}`, key);
    }
    return of;
  };
  const was = company(before.rows);
  const is = company(after.rows);
  for (const [key, now] of is) {
    const then = was.get(key);
    if (then === undefined || then === now) continue;
    const [side, id] = key.split(":");
    moved[side as "source" | "target"].push(Number(id));
  }
  return moved;
}

/** 1-based sentence numbers as ranges: [3, 4, 5, 9] → "3–5, 9". */
export function sentenceRanges(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(", ");
}
