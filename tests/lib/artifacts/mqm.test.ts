// The scorer of bench:mqm (lib/artifacts/mqm.ts) on the rated WMT21 TED talks, and what the shipped
// confidence threshold does there. Skips when ../shared/benchmarks/wmt-mqm-ted-ende is not beside the repository.
import { readFileSync } from "node:fs";
import { sharedData } from "../../helpers/requirements";
import { describe, expect, it } from "vitest";
import { emptyTally, judgeFinding, parseMqmTsv, pearson, raterPenalty, spearman, tallyDocument, untag } from "../../../lib/artifacts/mqm";
import { DEFAULT_MIN_CONFIDENCE } from "../../../lib/artifacts/confidence";
import { analysePair } from "../../../lib/pipeline";

const RATED = sharedData("benchmarks/wmt-mqm-ted-ende/mqm_ted_ende.dev.tsv");
const TSV = RATED.path;

describe("MQM scoring helpers", () => {
  it("takes the tagged span out of the target", () => {
    expect(untag("Wir haben <v>Bricks</v> gebaut.")).toEqual({ text: "Wir haben Bricks gebaut.", span: [10, 16] });
    expect(untag("Kein Fehler.")).toEqual({ text: "Kein Fehler.", span: null });
  });

  it("correlates like the textbook: ties averaged in Spearman", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [10, 20, 20, 40])).toBeCloseTo(0.9487, 3);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
  });
});

describe.skipIf(!RATED.present)(`rated TED talks${RATED.note}`, () => {
  const docs = RATED.present ? parseMqmTsv(readFileSync(TSV, "utf8")) : [];

  it("reads 14 translations of each talk, every segment once, spans inside the text", () => {
    expect(docs).toHaveLength(28);
    expect(new Set(docs.map((d) => d.system)).size).toBe(14);
    for (const d of docs) {
      expect(d.segments.map((s) => s.segId)).toEqual([...d.segments.map((s) => s.segId)].sort((a, b) => a - b));
      for (const s of d.segments) for (const e of s.errors) if (e.span) expect(e.span[1]).toBeLessThanOrEqual(s.target.length);
    }
    const ref = docs.filter((d) => d.system === "ref").reduce((p, d) => p + raterPenalty(d), 0);
    const worst = Math.max(...[...new Set(docs.map((d) => d.system))].map((s) => docs.filter((d) => d.system === s).reduce((p, d) => p + raterPenalty(d), 0)));
    expect(ref).toBeLessThan(worst);
  });

  it("the default threshold keeps findings the raters agree with more often than it hides", () => {
    const shown = emptyTally();
    let hiddenRight = 0;
    let hidden = 0;
    for (const doc of docs.filter((d) => d.talk === "talk.5")) {
      const snapshot = analysePair({
        title: doc.system, sourceLang: "en", targetLang: "de", presegmented: true,
        sourceText: doc.segments.map((s) => s.source).join("\n"), targetText: doc.segments.map((s) => s.target).join("\n"),
      });
      const keep = snapshot.flags.filter((f) => f.confidence >= DEFAULT_MIN_CONFIDENCE);
      for (const f of snapshot.flags) if (f.confidence < DEFAULT_MIN_CONFIDENCE) { hidden++; if (judgeFinding(doc, f).right) hiddenRight++; }
      tallyDocument(shown, doc, keep);
    }
    const shownPrecision = (shown.onErrorSegment + 1) / (shown.findings + 2);
    const hiddenPrecision = (hiddenRight + 1) / (hidden + 2);
    expect(shownPrecision).toBeGreaterThan(hiddenPrecision);
  });
});
