// Splitting and joining sentences: the texts, and the renumbering of the links (sentence
// indices are dense positions, so everything after the change moves by one). Pure.
import { diffChars } from "diff";
import type { Side } from "../types";
import { InvalidOperationError } from "./errors";
import type { LinkState } from "./links";

/** The two sentences a split at character `at` of `text` gives (whitespace at the cut dropped). */
export function splitText(text: string, at: number): [string, string] {
  const first = text.slice(0, at).trimEnd();
  const second = text.slice(at).trimStart();
  if (!first || !second) throw new InvalidOperationError(`Splitting here (character ${at} of ${text.length}) would leave an empty sentence: place the cut between two words.`);
  return [first, second];
}

/** Where the second part starts in the original text, so spans can follow it. */
export function secondPartOffset(text: string, at: number): number {
  return at + (text.slice(at).length - text.slice(at).trimStart().length);
}

/** Joined text: a space between the sentences unless one already has whitespace at the seam or the script has no spaces. */
export function joinText(first: string, second: string): { text: string; separator: string } {
  const noSpaces = /[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af]$/.test(first) && /^[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(second) && !/[\uac00-\ud7af]/.test(first);
  const separator = /\s$/.test(first) || /^\s/.test(second) || noSpaces ? "" : " ";
  return { text: first + separator + second, separator };
}

function linkOf(links: LinkState[], side: Side, sentence: number): number {
  const i = links.findIndex((l) => l[side].includes(sentence));
  if (i < 0) throw new InvalidOperationError(`No link holds ${side} sentence ${sentence + 1}.`, "notFound");
  return i;
}

/** Links after sentence `sentence` of `side` became two: the new one is `sentence + 1`, in the same link. */
export function linksAfterSentenceSplit(links: LinkState[], side: Side, sentence: number): LinkState[] {
  const holder = linkOf(links, side, sentence);
  return links.map((l, i) => {
    const renumbered = l[side].map((s) => (s > sentence ? s + 1 : s));
    if (i === holder) renumbered.splice(renumbered.indexOf(sentence) + 1, 0, sentence + 1);
    return i === holder || renumbered.some((s, k) => s !== l[side][k]) ? { ...l, [side]: renumbered } : l;
  });
}

/**
 * Links after sentence `sentence + 1` of `side` was joined into `sentence`. When the two were
 * in different links, those links and any between them become one (a sentence cannot span links).
 */
export function linksAfterSentenceJoin(links: LinkState[], side: Side, sentence: number): { links: LinkState[]; merged: boolean } {
  const a = linkOf(links, side, sentence);
  const b = linkOf(links, side, sentence + 1);
  let out = links;
  if (b !== a) {
    const group = links.slice(a, b + 1);
    const merged: LinkState = { id: links[a].id, source: group.flatMap((l) => l.source), target: group.flatMap((l) => l.target), confidence: 1, status: "automatic" };
    out = [...links.slice(0, a), merged, ...links.slice(b + 1)];
  }
  out = out.map((l) => {
    if (!l[side].some((s) => s > sentence)) return l;
    return { ...l, [side]: l[side].filter((s) => s !== sentence + 1).map((s) => (s > sentence + 1 ? s - 1 : s)) };
  });
  return { links: out, merged: b !== a };
}

/** A span [start, end) of a text after that text was changed from `before` to `after`: offsets
 *  follow the characters around them (character diff); a span whose text was replaced covers the replacement. */
export function mapSpan(span: [number, number], before: string, after: string): [number, number] {
  const parts = diffChars(before, after);
  const map = (offset: number, isEnd: boolean) => {
    let o = 0;
    let n = 0;
    for (const p of parts) {
      const length = p.value.length;
      if (p.added) { n += length; continue; }
      if (p.removed) {
        if (offset >= o && offset < o + length) return n;
        o += length;
        continue;
      }
      if (isEnd ? offset <= o + length : offset < o + length) return n + offset - o;
      o += length;
      n += length;
    }
    return n;
  };
  const start = map(span[0], false);
  return [start, Math.max(start, map(span[1], true))];
}
