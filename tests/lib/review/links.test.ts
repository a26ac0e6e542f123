import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidOperationError } from "../../../lib/review/errors";
import { checkLinks } from "../../../lib/align";
import { applyLinkOperation, realignFrom, type LinkOperation, type LinkState } from "../../../lib/review/links";
import { linksAfterSentenceJoin, linksAfterSentenceSplit, mapSpan, splitText, joinText } from "../../../lib/review/sentences";
import { defaultServices } from "../../../lib/review/services";

const link = (source: number[], target: number[], id?: number): LinkState => ({ id, source, target, confidence: 0.8, status: "automatic" });
const shape = (links: LinkState[]) => links.map((l) => [l.source, l.target]);

// Five links over 6 source / 6 target sentences: 1-1, 2-1, 0-1, 1-2, 2-1.
const sample = (): LinkState[] => [link([0], [0], 1), link([1, 2], [1], 2), link([], [2], 3), link([3], [3, 4], 4), link([4, 5], [5], 5)];

describe("link operations", () => {
  it("merges with the next and previous link, keeping the named link's id", () => {
    expect(shape(applyLinkOperation(sample(), { op: "mergeWithNext", link: 1 }))).toEqual([[[0], [0]], [[1, 2], [1, 2]], [[3], [3, 4]], [[4, 5], [5]]]);
    const merged = applyLinkOperation(sample(), { op: "mergeWithPrevious", link: 3 });
    expect(shape(merged)[2]).toEqual([[3], [2, 3, 4]]);
    // Reshaping is not confirming: the merged link stays unconfirmed until the reviewer confirms it.
    expect(merged[2]).toMatchObject({ id: 4, status: "automatic" });
  });

  it("leaves every link a structural edit touches unconfirmed, also confirmed ones and the neighbour that only received a sentence", () => {
    const confirmedAll = sample().map((l) => ({ ...l, status: "confirmed" as const }));
    const touched = (out: LinkState[], ids: (number | undefined)[]) => out.filter((l) => ids.includes(l.id)).map((l) => l.status);
    const shifted = applyLinkOperation(confirmedAll, { op: "shift", link: 1, side: "source", which: "last" });
    expect(touched(shifted, [2, 3])).toEqual(["automatic", "automatic"]);
    expect(touched(shifted, [1, 4, 5])).toEqual(["confirmed", "confirmed", "confirmed"]);
    expect(applyLinkOperation(confirmedAll, { op: "mergeWithNext", link: 0 })[0].status).toBe("automatic");
    expect(applyLinkOperation(confirmedAll, { op: "splitLink", link: 1 }).slice(1, 3).map((l) => l.status)).toEqual(["automatic", "automatic"]);
    expect(applyLinkOperation(confirmedAll, { op: "insertGap", link: 0, side: "target" }).slice(0, 2).map((l) => l.status)).toEqual(["automatic", "automatic"]);
    const joined = linksAfterSentenceJoin(confirmedAll, "source", 0);
    expect(joined.merged).toBe(true);
    expect(joined.links[0].status).toBe("automatic");
  });

  it("splits an n-m link after its first sentences", () => {
    expect(shape(applyLinkOperation(sample(), { op: "splitLink", link: 3 })).slice(3, 5)).toEqual([[[3], [3]], [[], [4]]]);
    expect(() => applyLinkOperation(sample(), { op: "splitLink", link: 0 })).toThrow(InvalidOperationError);
  });

  it("shifts the first sentence back and the last one forward; an emptied link disappears", () => {
    expect(shape(applyLinkOperation(sample(), { op: "shift", link: 1, side: "source", which: "first" })).slice(0, 2)).toEqual([[[0, 1], [0]], [[2], [1]]]);
    expect(shape(applyLinkOperation(sample(), { op: "shift", link: 1, side: "source", which: "last" })).slice(1, 3)).toEqual([[[1], [1]], [[2], [2]]]);
    const emptied = applyLinkOperation(sample(), { op: "shift", link: 2, side: "target", which: "first" });
    expect(shape(emptied)).toEqual([[[0], [0]], [[1, 2], [1, 2]], [[3], [3, 4]], [[4, 5], [5]]]);
    expect(() => applyLinkOperation(sample(), { op: "shift", link: 0, side: "source", which: "first" })).toThrow(/first link/);
  });

  it("inserts an empty partner: source-only link first, the named side gets the new link", () => {
    const out = applyLinkOperation(sample(), { op: "insertGap", link: 3, side: "source" });
    expect(shape(out).slice(3, 5)).toEqual([[[3], []], [[], [3, 4]]]);
    expect(out[3].id).toBeUndefined();
    expect(out[4].id).toBe(4);
    expect(() => applyLinkOperation(sample(), { op: "insertGap", link: 2, side: "target" })).toThrow(/already has an empty side/);
  });

  it("confirms one link or everything up to one", () => {
    expect(applyLinkOperation(sample(), { op: "confirmThrough", link: 2 }).map((l) => l.status)).toEqual(["confirmed", "confirmed", "confirmed", "automatic", "automatic"]);
  });

  it("re-aligns only the unconfirmed rest and keeps confirmed links as they are", () => {
    const links = applyLinkOperation(sample(), { op: "confirm", link: 3 });
    const texts = ["a", "b", "c", "d", "e", "f"];
    const out = realignFrom(links, 1, texts, texts, (s, t, fixed) => defaultServices.realign(s, t, fixed, { sourceLang: "en", targetLang: "de" }));
    expect(out[0]).toBe(links[0]);
    expect(out).toContainEqual(links[3]);
    expect(checkLinks(out, 6, 6)).toEqual([]);
  });

  const operation = fc.oneof(
    fc.record({ op: fc.constantFrom("mergeWithNext", "mergeWithPrevious", "splitLink", "confirm", "unconfirm", "confirmThrough"), link: fc.nat(40) }),
    fc.record({ op: fc.constant("shift"), link: fc.nat(40), side: fc.constantFrom("source", "target"), which: fc.constantFrom("first", "last") }),
    fc.record({ op: fc.constant("insertGap"), link: fc.nat(40), side: fc.constantFrom("source", "target") }),
    fc.record({ op: fc.constantFrom("splitSentence", "joinSentence"), side: fc.constantFrom("source", "target"), sentence: fc.nat(40) }),
  );

  it("keeps the alignment invariants under any sequence of operations", () => {
    fc.assert(fc.property(fc.array(operation, { maxLength: 40 }), (ops) => {
      let links = sample();
      let n = { source: 6, target: 6 };
      for (const op of ops) {
        try {
          if (op.op === "splitSentence" || op.op === "joinSentence") {
            const side = (op as { side: "source" | "target" }).side;
            const sentence = (op as { sentence: number }).sentence % n[side];
            if (op.op === "splitSentence") {
              links = linksAfterSentenceSplit(links, side, sentence);
              n = { ...n, [side]: n[side] + 1 };
            } else if (sentence + 1 < n[side]) {
              links = linksAfterSentenceJoin(links, side, sentence).links;
              n = { ...n, [side]: n[side] - 1 };
            }
          } else {
            links = applyLinkOperation(links, { ...op, link: (op as { link: number }).link % links.length } as LinkOperation);
          }
        } catch (err) {
          if (!(err instanceof InvalidOperationError)) throw err;
        }
        expect(checkLinks(links, n.source, n.target)).toEqual([]);
      }
    }), { numRuns: 300 });
  });
});

describe("sentence texts", () => {
  it("splits at the caret without leaving whitespace, and refuses an empty part", () => {
    expect(splitText("Erster Satz. Zweiter Satz.", 12)).toEqual(["Erster Satz.", "Zweiter Satz."]);
    expect(() => splitText("Satz.", 0)).toThrow(InvalidOperationError);
    expect(() => splitText("Satz.  ", 5)).toThrow(InvalidOperationError);
  });

  it("joins with one space (none in Chinese or Japanese)", () => {
    expect(joinText("Erster.", "Zweiter.").text).toBe("Erster. Zweiter.");
    expect(joinText("第一句。", "第二句。").text).toBe("第一句。第二句。");
  });

  it("moves annotation spans with the text around them", () => {
    const before = "Die Schulung von KI -Modellen erfordert Rechenressourcen.";
    const after = "Das Training von KI-Modellen erfordert Rechenressourcen.";
    const span = (word: string, text: string): [number, number] => [text.indexOf(word), text.indexOf(word) + word.length];
    expect(mapSpan(span("Rechenressourcen", before), before, after)).toEqual(span("Rechenressourcen", after));
    expect(mapSpan([0, 3], before, after)).toEqual([0, 3]);
  });
});
