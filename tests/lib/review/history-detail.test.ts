import { describe, expect, it } from "vitest";
import { movedSegments, sentenceRanges } from "../../../lib/review/history-detail";

describe("what a structural change moved", () => {
  it("names the sentences that went to another link: a merge moves the second link's sentences", () => {
    const before = { rows: [{ id: 1, sourceIds: [10], targetIds: [20] }, { id: 2, sourceIds: [11], targetIds: [21, 22] }] };
    const after = { rows: [{ id: 1, sourceIds: [10, 11], targetIds: [20, 21, 22] }] };
    expect(movedSegments(before, after)).toEqual({ source: [11], target: [21, 22] });
    // The split back moves them again; a shift moves one sentence.
    expect(movedSegments(after, { rows: [{ id: 1, sourceIds: [10], targetIds: [20] }, { id: 3, sourceIds: [11], targetIds: [21, 22] }] })).toEqual({ source: [11], target: [21, 22] });
    expect(movedSegments(before, { rows: [{ id: 1, sourceIds: [10], targetIds: [20, 21] }, { id: 2, sourceIds: [11], targetIds: [22] }] })).toEqual({ source: [], target: [21] });
    expect(movedSegments(undefined, after)).toEqual({ source: [], target: [] });
  });

  it("writes sentence numbers as short ranges", () => {
    expect(sentenceRanges([9, 3, 4, 5, 5])).toBe("3–5, 9");
    expect(sentenceRanges([])).toBe("");
  });
});
