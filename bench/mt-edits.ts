// A test set for what machine translation of web articles does to an alignment: from parallel
// documents linked segment by segment, with a fixed seed, target segments are deleted (the MT
// dropped a sentence: gold 1-0), source segments deleted (the translation has text the source
// lacks: 0-1), adjacent target segments joined into one line (two sentences translated as one:
// 2-1), adjacent source segments joined (one sentence translated as two: 1-2), and now and then
// a line of site chrome inserted ("Lesen Sie auch", "Kommentare", "Share": 0-1 or 1-0). The
// edits are generic; nothing depends on the documents they are applied to, so the same function
// makes a blind set from other data.
import type { Pair } from "../lib/align/score";

export interface ParallelDocument { name: string; source: string[]; target: string[] }
export interface EditedDocument extends ParallelDocument { gold: Pair[] }

export interface EditRates {
  deleteTarget: number;
  deleteSource: number;
  joinTarget: number;
  joinSource: number;
  /** Per segment: a boilerplate line is inserted before it (on the target side 4 times in 5). */
  boilerplate: number;
}

export const DEFAULT_EDIT_RATES: EditRates = { deleteTarget: 0.04, deleteSource: 0.03, joinTarget: 0.05, joinSource: 0.04, boilerplate: 0.015 };

/** Site chrome as it appears between paragraphs of news and magazine pages. */
const CHROME = {
  de: ["Lesen Sie auch", "Kommentare", "Teilen", "Mehr zum Thema", "Anzeige", "Artikel teilen", "Zum Seitenanfang", "Newsletter abonnieren", "Das könnte Sie auch interessieren", "Weitere Artikel", "Kommentare anzeigen", "Foto: dpa", "Hier klicken", "Alle Rechte vorbehalten"],
  en: ["Read more", "Comments", "Share", "Related articles", "Advertisement", "Share this article", "Back to top", "Sign up for our newsletter", "You might also like", "More on this story", "Show comments", "Photo: AP", "Click here", "All rights reserved"],
};

/** mulberry32: a small, fast PRNG whose sequence is fixed by its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A boilerplate line: a bare label, a label with a count ("Kommentare (12)"), or a teaser
 * ("Lesen Sie auch: " + a sentence from another document, which translates nothing here).
 */
function chromeLine(lang: "de" | "en", random: () => number, teasers: string[]): string {
  const list = CHROME[lang];
  const label = list[Math.floor(random() * list.length)];
  const r = random();
  if (r < 0.25 && teasers.length) {
    const teaser = teasers[Math.floor(random() * teasers.length)];
    return `${lang === "de" ? "Lesen Sie auch" : "Read more"}: ${teaser}`;
  }
  if (r < 0.4) return `${label} (${1 + Math.floor(random() * 60)})`;
  return label;
}

type Op = "keep" | "dropTarget" | "dropSource";

/**
 * Applies the edits to each document (segments linked 1-1 in order). `teasers` gives, per
 * document, lines from other documents for "read more" teasers on each side. Each segment takes
 * part in at most one edit, so every gold link is 1-1, 1-0, 0-1, 1-2 or 2-1.
 */
export function editDocuments(docs: ParallelDocument[], seed: number, rates: EditRates = DEFAULT_EDIT_RATES): EditedDocument[] {
  const random = seededRandom(seed);
  return docs.map((doc, d) => {
    const other = docs.filter((o, k) => k !== d && o.name.split("/")[1] !== doc.name.split("/")[1]);
    const teaserDe = other.flatMap((o) => o.target.filter((t) => t.length < 90));
    const teaserEn = other.flatMap((o) => o.source.filter((s) => s.length < 90));
    const n = Math.min(doc.source.length, doc.target.length);
    const op: Op[] = [];
    for (let k = 0; k < n; k++) {
      const r = random();
      op.push(r < rates.deleteTarget ? "dropTarget" : r < rates.deleteTarget + rates.deleteSource ? "dropSource" : "keep");
    }
    // Joins of two neighbouring kept segments, on one side; a segment joins at most once.
    const join: Array<"none" | "target" | "source"> = new Array(n).fill("none");
    const used = new Uint8Array(n);
    for (let k = 0; k + 1 < n; k++) {
      if (op[k] !== "keep" || op[k + 1] !== "keep" || used[k] || used[k + 1]) continue;
      const r = random();
      const side = r < rates.joinTarget ? "target" : r < rates.joinTarget + rates.joinSource ? "source" : "none";
      if (side === "none") continue;
      join[k] = side;
      used[k] = used[k + 1] = 1;
    }
    const out: EditedDocument = { name: doc.name, source: [], target: [], gold: [] };
    const single = (side: "source" | "target", text: string) => {
      out[side].push(text);
      out.gold.push(side === "source" ? { source: [out.source.length - 1], target: [] } : { source: [], target: [out.target.length - 1] });
    };
    for (let k = 0; k < n; k++) {
      if (k > 0 && random() < rates.boilerplate) {
        if (random() < 0.8) single("target", chromeLine("de", random, teaserDe));
        else single("source", chromeLine("en", random, teaserEn));
      }
      if (op[k] === "dropTarget") { single("source", doc.source[k]); continue; }
      if (op[k] === "dropSource") { single("target", doc.target[k]); continue; }
      const s0 = out.source.length;
      const t0 = out.target.length;
      if (join[k] === "target") {
        out.source.push(doc.source[k], doc.source[k + 1]);
        out.target.push(`${doc.target[k]} ${doc.target[k + 1]}`);
        out.gold.push({ source: [s0, s0 + 1], target: [t0] });
        k++;
      } else if (join[k] === "source") {
        out.source.push(`${doc.source[k]} ${doc.source[k + 1]}`);
        out.target.push(doc.target[k], doc.target[k + 1]);
        out.gold.push({ source: [s0], target: [t0, t0 + 1] });
        k++;
      } else {
        out.source.push(doc.source[k]);
        out.target.push(doc.target[k]);
        out.gold.push({ source: [s0], target: [t0] });
      }
    }
    return out;
  });
}

/** "1-0", "0-1", "1-1", "1-2", … of a gold or test link. */
export const linkType = (l: { source: number[]; target: number[] }) => `${l.source.length}-${l.target.length}`;

/** Per gold link type: how many gold links of that type the test has exactly. */
export function exactRecallByType(pairs: Array<{ gold: Pair[]; test: Pair[] }>): Record<string, { gold: number; found: number }> {
  const out: Record<string, { gold: number; found: number }> = {};
  for (const { gold, test } of pairs) {
    const have = new Set(test.map((l) => `${l.source}:${l.target}`));
    for (const g of gold) {
      const row = (out[linkType(g)] ??= { gold: 0, found: 0 });
      row.gold++;
      if (have.has(`${g.source}:${g.target}`)) row.found++;
    }
  }
  return out;
}
