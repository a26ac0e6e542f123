// Selecting words of a sentence from the keyboard, so `a` can annotate without a mouse. The
// selection is the browser's own (a DOM range over the sentence's text), which is what the
// mouse route makes too: annotating reads it the same way either way.
import type { Side } from "@/lib/types";

/** Which words of which sentence are selected (word indices, inclusive). */
export interface WordSelection { side: Side; position: number; first: number; last: number }

/** [start, end) of every word (run of non-space characters) of a text. */
export function wordSpans(text: string): [number, number][] {
  return [...text.matchAll(/\S+/gu)].map((m) => [m.index!, m.index! + m[0].length]);
}

export function sentenceTextElement(rowIndex: number, side: Side, position: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#row-${rowIndex} .sentence[data-side="${side}"][data-position="${position}"] .sentence-text`);
}

/** Selects characters start–end of the element's text (it is cut into spans at marks). */
export function selectOffsets(element: HTMLElement, start: number, end: number): void {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start <= seen + length) { range.setStart(node, start - seen); started = true; }
    if (started && end <= seen + length) { range.setEnd(node, end - seen); break; }
    seen += length;
  }
  const selection = window.getSelection();
  selection?.removeAllRanges();
  if (started) selection?.addRange(range);
}

/**
 * The selection after one key: `extend` grows (+1) or shrinks (-1) it at its end, `move` shifts
 * it by a word keeping its length, `start` begins with the sentence's first word.
 */
export function nextSelection(current: WordSelection | null, at: { side: Side; position: number }, words: number, action: "extend" | "shrink" | "move-left" | "move-right"): WordSelection | null {
  if (words === 0) return null;
  if (!current || current.side !== at.side || current.position !== at.position) {
    return action === "extend" ? { ...at, first: 0, last: 0 } : null;
  }
  const width = current.last - current.first;
  switch (action) {
    case "extend": return { ...current, last: Math.min(words - 1, current.last + 1) };
    case "shrink": return { ...current, last: Math.max(current.first, current.last - 1) };
    case "move-right": { const first = Math.min(words - 1 - width, current.first + 1); return { ...current, first, last: first + width }; }
    case "move-left": { const first = Math.max(0, current.first - 1); return { ...current, first, last: first + width }; }
  }
}
