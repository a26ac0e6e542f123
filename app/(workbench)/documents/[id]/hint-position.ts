// Where the finding hint goes: below the marked words when it fits, above them when it does not,
// and always inside the viewport (a hint near the bottom of the window used to run off it).
export interface Box { top: number; bottom: number; left: number }

export const HINT_GAP = 4;
export const HINT_MARGIN = 8;

export function hintPosition(anchor: Box, size: { width: number; height: number }, viewport: { width: number; height: number }): { top: number; left: number } {
  const below = anchor.bottom + HINT_GAP;
  const above = anchor.top - HINT_GAP - size.height;
  const fitsBelow = below + size.height <= viewport.height - HINT_MARGIN;
  let top = fitsBelow || above < HINT_MARGIN ? below : above;
  top = Math.max(HINT_MARGIN, Math.min(top, viewport.height - HINT_MARGIN - size.height));
  const left = Math.max(HINT_MARGIN, Math.min(anchor.left, viewport.width - HINT_MARGIN - size.width));
  return { top, left };
}
