// Where lib/align and a benchmark's gold disagree, for reading by hand: the disagreements are
// grouped into clusters (hypothesis and gold links that share a sentence), a seeded sample
// of them is printed with both alignments and the sentences. docs/alignment-audit.md records
// one such reading of the Tom Sawyer silver links.
//
//   npx tsx bench/align-disagreements.ts [SET] [COUNT] [SEED]    (defaults: tom-sawyer-test 30 20261123)
import { align } from "../lib/align";
import type { Lang } from "../lib/types";
import { SETS } from "./align";

interface Side { source: number[]; target: number[] }
interface Item extends Side { from: "ours" | "gold" }

const key = (l: Side) => `${l.source.join(",")}|${l.target.join(",")}`;

/** Clusters of disagreeing links, in document order. */
export function disagreements(hypothesis: Side[], gold: Side[]): Item[][] {
  const goldKeys = new Set(gold.map(key));
  const ourKeys = new Set(hypothesis.map(key));
  const items: Item[] = [
    ...hypothesis.filter((l) => !goldKeys.has(key(l))).map((l) => ({ ...l, from: "ours" as const })),
    ...gold.filter((l) => !ourKeys.has(key(l))).map((l) => ({ ...l, from: "gold" as const })),
  ];
  const parent = items.map((_, k) => k);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const shares = (a: Side, b: Side) => a.source.some((x) => b.source.includes(x)) || a.target.some((y) => b.target.includes(y));
  for (let a = 0; a < items.length; a++) for (let b = a + 1; b < items.length; b++) if (shares(items[a], items[b])) parent[find(a)] = find(b);
  const groups = new Map<number, Item[]>();
  items.forEach((item, k) => { const root = find(k); groups.set(root, [...(groups.get(root) ?? []), item]); });
  const first = (c: Item[]) => Math.min(...c.flatMap((l) => [...l.source, ...l.target.map((t) => t + 1e7)]));
  return [...groups.values()].sort((x, y) => first(x) - first(y));
}

function main(): void {
  const [name = "tom-sawyer-test", countArg = "30", seedArg = "20261123"] = process.argv.slice(2);
  const set = SETS.find((s) => s.name === name);
  if (!set) throw new Error(`unknown set "${name}"; known: ${SETS.map((s) => s.name).join(", ")}`);
  let seed = Number(seedArg);
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const doc of set.load()) {
    const ours = align(doc.source, doc.target, { sourceLang: set.sourceLang as Lang, targetLang: set.targetLang as Lang });
    const clusters = disagreements(ours, doc.gold);
    console.log(`${set.description}, ${doc.name}: ${clusters.length} disagreement clusters`);
    const picked = new Set<number>();
    while (picked.size < Math.min(Number(countArg), clusters.length)) picked.add(Math.floor(random() * clusters.length));
    for (const k of [...picked].sort((a, b) => a - b)) {
      const c = clusters[k];
      const links = (from: Item["from"]) => c.filter((l) => l.from === from).map(key).join("  ");
      console.log(`\n#${k} OURS ${links("ours")}   GOLD ${links("gold")}`);
      for (const x of [...new Set(c.flatMap((l) => l.source))].sort((a, b) => a - b)) console.log(`  S${x}: ${doc.source[x]}`);
      for (const y of [...new Set(c.flatMap((l) => l.target))].sort((a, b) => a - b)) console.log(`  T${y}: ${doc.target[y]}`);
    }
  }
}

if (process.argv[1] && /align-disagreements\.ts$/.test(process.argv[1])) main();
