// A book-sized document from real input: the seed pair, analysed by the real pipeline,
// repeated. Used where an import has to take long enough to overlap with other work.
import type { DocumentSnapshot } from "../../lib/document";
import { seedPairSnapshot } from "../lib/review/seed-document";

export function repeatedSeed(times: number): DocumentSnapshot {
  const seed = seedPairSnapshot();
  const out: DocumentSnapshot = { ...seed, document: { ...seed.document, title: `seed pair ×${times}` }, source: [], target: [], links: [], flags: [], annotations: [], revisions: [] };
  for (let k = 0; k < times; k++) {
    const s = out.source.length;
    const t = out.target.length;
    const l = out.links.length;
    const f = out.flags.length;
    out.source.push(...seed.source.map((x) => ({ ...x, id: x.id + s + t, position: x.position + s })));
    out.target.push(...seed.target.map((x) => ({ ...x, id: x.id + s + t + seed.source.length, position: x.position + t })));
    out.links.push(...seed.links.map((x) => ({ ...x, id: x.id + l, position: x.position + l, source: x.source.map((p) => p + s), target: x.target.map((p) => p + t) })));
    out.flags.push(...seed.flags.map((x) => ({ ...x, id: x.id + f, sentence: x.sentence + (x.side === "source" ? s : t), linkId: x.linkId === null ? null : x.linkId + l })));
  }
  return out;
}
