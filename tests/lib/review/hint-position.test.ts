import { describe, expect, it } from "vitest";
import { HINT_MARGIN, hintPosition } from "../../../app/(workbench)/documents/[id]/hint-position";

const viewport = { width: 1280, height: 800 };
const size = { width: 330, height: 200 };

describe("the finding hint's place", () => {
  it("goes below the marked words when it fits", () => {
    expect(hintPosition({ top: 100, bottom: 120, left: 50 }, size, viewport)).toEqual({ top: 124, left: 50 });
  });

  it("goes above the marked words near the bottom of the window, and never leaves it", () => {
    const near = hintPosition({ top: 700, bottom: 720, left: 1200 }, size, viewport);
    expect(near.top + size.height).toBeLessThanOrEqual(viewport.height - HINT_MARGIN);
    expect(near.top).toBe(700 - 4 - size.height);
    expect(near.left + size.width).toBeLessThanOrEqual(viewport.width - HINT_MARGIN);
    // A window too short for either side: pinned inside it.
    const short = hintPosition({ top: 150, bottom: 170, left: 0 }, size, { width: 400, height: 300 });
    expect(short.top).toBeGreaterThanOrEqual(HINT_MARGIN);
    expect(short.top + size.height).toBeLessThanOrEqual(300 - HINT_MARGIN);
    expect(short.left).toBe(HINT_MARGIN);
  });
});
